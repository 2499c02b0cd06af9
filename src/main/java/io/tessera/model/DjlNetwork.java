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
public abstract class DjlNetwork implements Network {
  public final NDManager manager;
  private final String id;

  public DjlNetwork(String id, Device device) {
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
    synchronized (DjlRuntime.AUTOGRAD) {
      return jacobianLocked(inputs, batch, out);
    }
  }

  private float[] jacobianLocked(float[] inputs, int batch, int out) {
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

  /**
   * Gradient with respect to the inputs of each sample's classification loss: softmax cross
   * entropy for several outputs, logistic loss on the logit for a single output (label 1 means
   * a positive logit). One backward pass for the whole batch; samples do not interact.
   */
  @Override
  public float[] lossGradient(float[] inputs, int batch, int[] labels) {
    checkLength(inputs, batch);
    synchronized (DjlRuntime.AUTOGRAD) {
      return lossGradientLocked(inputs, batch, labels);
    }
  }

  private float[] lossGradientLocked(float[] inputs, int batch, int[] labels) {
    try (NDManager scope = manager.newSubManager();
        GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
      NDArray x = scope.create(inputs, new Shape(batch, inputDim()));
      x.setRequiresGradient(true);
      NDArray logits = apply(x);
      NDArray loss;
      if (outputDim() == 1) {
        float[] signs = new float[batch];
        for (int i = 0; i < batch; i++) {
          signs[i] = labels[i] == 1 ? 1f : -1f;
        }
        // log(1 + exp(-s z)) in the stable form max(u, 0) + log(1 + exp(-|u|)), u = -s z.
        NDArray u = logits.reshape(batch).mul(scope.create(signs)).neg();
        loss = u.maximum(0f).add(u.abs().neg().exp().add(1f).log()).sum();
      } else {
        NDArray onehot = scope.create(labels).oneHot(outputDim()).toType(logits.getDataType(), false);
        loss = logits.logSoftmax(1).mul(onehot).sum().neg();
      }
      collector.backward(loss);
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
