/**
 * {@code tessera reproduce-*}: one command per paper reproduction.
 */
package io.tessera.cli.reproduce;
