package io.tessera.model.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.tessera.math.MlpWeights;
import io.tessera.math.Precision;
import java.util.ArrayList;
import java.util.List;

/** Builds the DJL block of an MLP (ReLU unless told otherwise) and reads its trained parameters back as float64 arrays. */
public final class MlpBlocks {
  private MlpBlocks() {}

  public static SequentialBlock build(List<Integer> hidden, int outputDim) {
    return build(hidden, outputDim, Activation::relu);
  }

  /** The same shape with another activation after each hidden layer. */
  public static SequentialBlock build(List<Integer> hidden, int outputDim, java.util.function.Function<ai.djl.ndarray.NDList, ai.djl.ndarray.NDList> activation) {
    SequentialBlock block = new SequentialBlock();
    for (int width : hidden) {
      block.add(Linear.builder().setUnits(width).build()).add(activation);
    }
    block.add(Linear.builder().setUnits(outputDim).build());
    return block;
  }

  public static MlpWeights weightsOf(SequentialBlock block) {
    List<double[][]> weights = new ArrayList<>();
    List<double[]> biases = new ArrayList<>();
    for (Block child : block.getChildren().values()) {
      if (child instanceof Linear) {
        weights.add(toMatrix(child.getParameters().get("weight").getArray()));
        biases.add(Precision.widen(child.getParameters().get("bias").getArray().toFloatArray()));
      }
    }
    return new MlpWeights(weights.toArray(double[][][]::new), biases.toArray(double[][]::new));
  }

  /** A (rows, cols) NDArray as a double matrix. */
  public static double[][] toMatrix(NDArray array) {
    int rows = (int) array.getShape().get(0);
    int cols = (int) array.getShape().get(1);
    float[] flat = array.toFloatArray();
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = flat[r * cols + c];
      }
    }
    return m;
  }
}
