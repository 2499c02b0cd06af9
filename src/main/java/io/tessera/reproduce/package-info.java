/**
 * The papers' experiments end to end (data, training, jobs, the figures we compare with the papers) and the
 * quickstart. May use {@code jobs}, {@code training} and everything below.
 */
package io.tessera.reproduce;
