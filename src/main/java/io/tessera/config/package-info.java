/**
 * Reading YAML job configs into typed records (unknown keys, wrong types and bad values are config errors naming the
 * key and the file) and the checks every config shares. Each job family's records live with its jobs.
 */
package io.tessera.config;
