package io.tessera.model.classifier;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.Precision;
import io.tessera.model.DjlNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A fully connected ReLU network evaluated layer by layer with DJL, which exposes every hidden
 * pre-activation. Each layer is one fused linear op (PyTorch addmm) followed by ReLU.
 */
public final class ReluMlpNetwork extends DjlNetwork {
  private final MlpWeights weights;
  private final NDArray[] layerWeights;
  private final NDArray[] biases;

  public ReluMlpNetwork(String id, MlpWeights weights, Device device) {
    super(id, device);
    this.weights = weights;
    int layers = weights.layers();
    this.layerWeights = new NDArray[layers];
    this.biases = new NDArray[layers];
    for (int l = 0; l < layers; l++) {
      double[][] w = weights.weight(l);
      float[] flat = new float[w.length * w[0].length];
      for (int r = 0; r < w.length; r++) {
        for (int c = 0; c < w[0].length; c++) {
          flat[r * w[0].length + c] = (float) w[r][c];
        }
      }
      layerWeights[l] = manager.create(flat, new Shape(w.length, w[0].length));
      biases[l] = manager.create(Precision.narrow(weights.bias(l)));
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
    return layers(inputs, (layer, z) -> {});
  }

  /** Runs every layer, handing each hidden pre-activation to {@code hidden} before its ReLU. */
  private NDArray layers(NDArray inputs, BiConsumer<Integer, NDArray> hidden) {
    NDArray h = inputs;
    int last = layerWeights.length - 1;
    for (int l = 0; l < last; l++) {
      NDArray z = Linear.linear(h, layerWeights[l], biases[l]).singletonOrThrow();
      hidden.accept(l, z);
      h = Activation.relu(z);
    }
    return Linear.linear(h, layerWeights[last], biases[last]).singletonOrThrow();
  }

  /** Hidden pre-activations ([layer][sample * width + unit]) and outputs of a batch. */
  public Activations preActivations(float[] inputs, int batch) {
    checkLength(inputs, batch);
    float[][] pre = new float[layerWeights.length - 1][];
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim()));
      float[] outputs = layers(x, (l, z) -> pre[l] = z.toFloatArray()).toFloatArray();
      return new Activations(weights.hiddenWidths(), pre, outputs);
    }
  }

  /**
   * Outputs and packed activation patterns of a batch. The engine compares z > 0, one byte per
   * unit, and the JVM packs those bytes eight at a time straight from the engine's memory (a copy
   * into a Java array cost 5-10% at batch 1024: bench/patterns-throughput).
   */
  public PatternBatch patterns(float[] inputs, int batch) {
    checkLength(inputs, batch);
    int[] widths = weights.hiddenWidths();
    long[][][] bits = new long[batch][widths.length][];
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim()));
      float[] outputs = layers(x, (l, z) -> {
        java.nio.ByteBuffer mask = z.gt(0f).toByteBuffer(true).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < batch; i++) {
          bits[i][l] = BitPatterns.packMask(mask, i * widths[l], widths[l]);
        }
      }).toFloatArray();
      return new PatternBatch(widths, bits, outputs, outputDim());
    }
  }

  /**
   * Exact input Jacobians without autograd: on a sample's region the network is W_L D W_{L-1} ... D
   * W_1, so the rows are the output weights pushed back through each layer with the inactive
   * units masked. One batched matmul per layer; returns the Jacobians (batch x outputDim x
   * inputDim) and the outputs (batch x outputDim).
   */
  public LocalMaps localMaps(float[] inputs, int batch) {
    checkLength(inputs, batch);
    List<NDArray> masks = new ArrayList<>();
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim()));
      NDArray outputs = layers(x, (l, z) -> masks.add(z.gt(0f).toType(DataType.FLOAT32, false).expandDims(1)));
      int last = layerWeights.length - 1;
      int out = outputDim();
      // (batch * out) x h rows, so that each layer is one plain GEMM. Results belong to their first
      // operand's manager, so every chain starts from an array of this call's scope.
      NDArray outputWeights = layerWeights[last].expandDims(0);
      outputWeights.attach(scope);
      NDArray rows = masks.get(last - 1).mul(outputWeights).reshape(-1, layerWeights[last].getShape().get(1));
      for (int l = last - 1; l >= 1; l--) {
        NDArray pushed = rows.matMul(layerWeights[l]);
        rows = pushed.reshape(batch, out, -1).mul(masks.get(l - 1)).reshape(batch * (long) out, -1);
      }
      return new LocalMaps(rows.matMul(layerWeights[0]).toFloatArray(), outputs.toFloatArray());
    }
  }


  /** Activation patterns of one batch: bits[sample][layer] packed as in {@link BitPatterns}. */
  public record PatternBatch(int[] widths, long[][][] bits, float[] outputs, int outputDim) {}

  /** Input Jacobians (batch x outputs x inputs) and outputs (batch x outputs) of one batch. */
  public record LocalMaps(float[] jacobians, float[] outputs) {}

  /** Pre-activations of one batch: preActivations[layer][sample * widths[layer] + unit]. */
  public record Activations(int[] widths, float[][] preActivations, float[] outputs) {}
}
