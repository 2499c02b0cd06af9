package io.tessera.model.classifier;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.tessera.TesseraException;
import io.tessera.model.conv.CheckedConv2d;
import java.util.List;

/**
 * The DJL block of a small image CNN (Sattelberg et al.'s "basic convolutional network" with
 * filters [10, 20] and hidden [50]): per entry of {@code filters} a 5x5 valid convolution, 2x2
 * max-pooling and ReLU, then the dense ReLU layers and a linear output. It takes flat rows of
 * side x side pixels, as datasets store them, so it trains and runs like an MLP.
 */
final class ConvBlocks {
  static final int KERNEL = 5;
  static final int POOL = 2;

  private ConvBlocks() {}

  static SequentialBlock build(int side, List<Integer> filters, List<Integer> hidden, int outputDim) {
    SequentialBlock block = new SequentialBlock();
    block.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 1, side, side)), "image"));
    for (int f : filters) {
      block.add(CheckedConv2d.of(f, KERNEL, 1, 0))
          .add(Pool.maxPool2dBlock(new Shape(POOL, POOL)))
          .add(Activation::relu);
    }
    block.add(Blocks.batchFlattenBlock());
    for (int width : hidden) {
      block.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
    }
    block.add(Linear.builder().setUnits(outputDim).build());
    return block;
  }

  /** The image side of flat inputs of {@code dim} pixels, checked to survive every conv and pool. */
  static int side(int dim, List<Integer> filters) {
    int side = (int) Math.round(Math.sqrt(dim));
    if (side * side != dim) {
      throw new TesseraException("a convolutional network needs square single-channel images, but the features have " + dim + " values");
    }
    int left = side;
    for (int i = 0; i < filters.size(); i++) {
      left = (left - KERNEL + 1) / POOL;
    }
    if (left < 1) {
      throw new TesseraException(side + "x" + side + " images are too small for " + filters.size() + " layers of "
          + KERNEL + "x" + KERNEL + " convolution and " + POOL + "x" + POOL + " pooling");
    }
    return side;
  }
}
