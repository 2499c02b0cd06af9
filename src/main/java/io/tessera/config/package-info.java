/**
 * Job configs: reading YAML into typed records (unknown keys, wrong types and bad values are config
 * errors naming the key and the file), the checks every config shares, and the contracts job configs
 * meet: {@link io.tessera.config.JobConfig}, {@link io.tessera.config.InputSelection} and
 * {@link io.tessera.config.DatasetJobConfig} with its one block of shared options. Each job family's
 * records live with its jobs.
 */
package io.tessera.config;
