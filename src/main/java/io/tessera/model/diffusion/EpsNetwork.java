package io.tessera.model.diffusion;

import ai.djl.nn.Block;
import io.tessera.TesseraException;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.classifier.MlpBlocks;
import java.util.List;

/**
 * The architecture of a Tessera eps-network: an MLP with SiLU (hidden widths), for point clouds,
 * or a convolutional U-Net (channels per level), for square single-channel images. Both take
 * flat rows [x_t, embedding of t].
 */
public record EpsNetwork(String kind, List<Integer> sizes) {
  public static final String MLP = "mlp";
  public static final String UNET = "unet";
  /** Images per U-Net forward pass: activations of a 28x28 batch of 256 at 32 channels are about 25 MB per layer. */
  static final int UNET_CHUNK = 256;

  public EpsNetwork {
    if (!MLP.equals(kind) && !UNET.equals(kind)) {
      throw new TesseraException("unknown eps-network '" + kind + "'; expected " + MLP + " or " + UNET);
    }
    if (sizes == null || sizes.isEmpty() || sizes.stream().anyMatch(w -> w == null || w <= 0)) {
      throw new TesseraException((MLP.equals(kind) ? "hidden widths" : "U-Net channels") + " must be positive, got " + sizes);
    }
    sizes = List.copyOf(sizes);
  }

  public static EpsNetwork mlp(List<Integer> hidden) {
    return new EpsNetwork(MLP, hidden);
  }

  public static EpsNetwork unet(List<Integer> channels) {
    return new EpsNetwork(UNET, channels);
  }

  /** The untrained DJL block for points of {@code dim} values and a time embedding of {@code embedding}. */
  Block block(int dim, int embedding) {
    if (MLP.equals(kind)) {
      return MlpBlocks.build(sizes, dim, ScalarFreeOps::silu);
    }
    int side = (int) Math.round(Math.sqrt(dim));
    if (side * side != dim) {
      throw new TesseraException("a U-Net eps-network needs square single-channel images, but the features have " + dim + " values");
    }
    return new EpsilonUNet(side, embedding, sizes);
  }

  /** Rows per forward pass that keep the intermediate activations small. */
  int chunkRows() {
    return MLP.equals(kind) ? DiffusionModel.CHUNK : UNET_CHUNK;
  }
}
