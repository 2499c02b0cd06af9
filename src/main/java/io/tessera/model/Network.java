package io.tessera.model;

/**
 * A model that DJL runs. Inputs and outputs are flat row-major float arrays so that batches move
 * between Spark rows and the engine without per-sample objects. Implementations are shared by all
 * tasks of an executor and must be safe to call from several threads.
 */
public interface Network extends AutoCloseable {
  /** A stable identifier written next to every result (from the model card, or the file and its hash). */
  String id();

  int inputDim();

  int outputDim();

  /** Outputs for {@code batch} inputs: returns batch x outputDim values. */
  float[] forward(float[] inputs, int batch);

  /** Input Jacobians by autograd: returns batch x outputDim x inputDim values. */
  float[] jacobian(float[] inputs, int batch);

  /**
   * Input gradient of each sample's classification loss against {@code labels} (softmax cross
   * entropy; logistic loss when there is one output): returns batch x inputDim values.
   */
  float[] lossGradient(float[] inputs, int batch, int[] labels);

  @Override
  void close();
}
