package io.tessera.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;

/**
 * A fully connected ReLU network evaluated as an explicit chain of DJL matmuls, which exposes
 * every hidden pre-activation. Weights are held transposed (in x out) so each layer is one GEMM.
 */
public final class ReluMlpNetwork extends DjlNetwork {
  private final MlpWeights weights;
  private final NDArray[] transposedWeights;
  private final NDArray[] biases;

  public ReluMlpNetwork(String id, MlpWeights weights, Device device) {
    super(id, device);
    this.weights = weights;
    int layers = weights.layers();
    this.transposedWeights = new NDArray[layers];
    this.biases = new NDArray[layers];
    for (int l = 0; l < layers; l++) {
      double[][] w = weights.weight(l);
      float[] flat = new float[w.length * w[0].length];
      for (int r = 0; r < w.length; r++) {
        for (int c = 0; c < w[0].length; c++) {
          flat[c * w.length + r] = (float) w[r][c];
        }
      }
      transposedWeights[l] = manager.create(flat, new Shape(w[0].length, w.length));
      biases[l] = manager.create(toFloat(weights.bias(l)));
    }
  }

  /** The float64 parameters (exactly the float32 values the engine uses, widened). */
  public MlpWeights weights() {
    return weights;
  }

  @Override
  public int inputDim() {
    return weights.inputDim();
  }

  @Override
  public int outputDim() {
    return weights.outputDim();
  }

  @Override
  protected NDArray apply(NDArray inputs) {
    NDArray h = inputs;
    for (int l = 0; l < transposedWeights.length; l++) {
      NDArray z = h.matMul(transposedWeights[l]).add(biases[l]);
      h = l < transposedWeights.length - 1 ? z.maximum(0f) : z;
    }
    return h;
  }

  /**
   * Outputs and packed activation patterns of a batch. The engine compares z > 0 and hands back
   * one byte per unit, which the JVM packs eight at a time: the cheapest split measured (see
   * bench/patterns-throughput).
   */
  public PatternBatch patterns(float[] inputs, int batch) {
    checkLength(inputs, batch);
    int hidden = transposedWeights.length - 1;
    int[] widths = weights.hiddenWidths();
    long[][][] bits = new long[batch][hidden][];
    try (NDManager scope = manager.newSubManager()) {
      NDArray h = scope.create(inputs, new Shape(batch, inputDim()));
      for (int l = 0; l < hidden; l++) {
        NDArray z = h.matMul(transposedWeights[l]).add(biases[l]);
        byte[] mask = z.gt(0f).toByteArray();
        for (int i = 0; i < batch; i++) {
          bits[i][l] = BitPatterns.packMask(mask, i * widths[l], widths[l]);
        }
        h = z.maximum(0f);
      }
      float[] outputs = h.matMul(transposedWeights[hidden]).add(biases[hidden]).toFloatArray();
      return new PatternBatch(widths, bits, outputs, outputDim());
    }
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** Activation patterns of one batch: bits[sample][layer] packed as in {@link BitPatterns}. */
  public record PatternBatch(int[] widths, long[][][] bits, float[] outputs, int outputDim) {
    public int size() {
      return bits.length;
    }
  }
}
