package io.tessera.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Common plumbing for networks evaluated by DJL. Every call opens its own sub-manager, so all
 * native memory of a batch is released when the call returns; only the weights live longer.
 */
abstract class DjlNetwork implements Network {
  protected final NDManager manager;
  private final String id;

  DjlNetwork(String id, Device device) {
    this.id = id;
    this.manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
  }

  /** Maps a (batch, inputDim) array to (batch, outputDim). */
  protected abstract NDArray apply(NDArray inputs);

  @Override
  public String id() {
    return id;
  }

  @Override
  public float[] forward(float[] inputs, int batch) {
    checkLength(inputs, batch);
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim()));
      return apply(x).toFloatArray();
    }
  }

  /**
   * One backward pass for the whole batch: each input is repeated once per output, and the output
   * sum picks output j from copy j, so the gradient of copy j is row j of that input's Jacobian.
   */
  @Override
  public float[] jacobian(float[] inputs, int batch) {
    checkLength(inputs, batch);
    int out = outputDim();
    try (NDManager scope = manager.newSubManager();
        GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim())).repeat(0, out);
      x.setRequiresGradient(true);
      NDArray y = apply(x);
      NDArray selector = scope.eye(out).tile(new long[] {batch, 1});
      collector.backward(y.mul(selector).sum());
      return x.getGradient().toFloatArray();
    }
  }

  protected void checkLength(float[] inputs, int batch) {
    if (inputs.length != (long) batch * inputDim()) {
      throw new IllegalArgumentException(
          "expected " + batch + " x " + inputDim() + " input values for model " + id + ", got " + inputs.length);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
