/**
 * The model runtime's base (DJL, PyTorch engine): {@link io.tessera.model.Network}, the engine entry point, device
 * policy, model hashes, the shared training loop and its non-finite-loss stop. May use {@code math}; never Spark
 * tables, jobs or the CLI. The subpackages hold one model family each.
 */
package io.tessera.model;
