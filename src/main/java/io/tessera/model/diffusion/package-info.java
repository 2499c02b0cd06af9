/**
 * DDPMs: the eps-networks (an MLP with SiLU, a U-Net), their training with the eps-prediction loss, and the loaded
 * model the likelihood and LMD jobs run. May use {@code model}, {@code model.classifier}, {@code model.conv} and
 * {@code math}.
 */
package io.tessera.model.diffusion;
