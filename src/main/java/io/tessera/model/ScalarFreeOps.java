package io.tessera.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Autograd-safe replacements for DJL 0.32 helpers that multiply by a Java number. On the PyTorch
 * engine {@code NDArray.mul(Number)} wraps the number in a tensor over a direct buffer, multiplies
 * and closes that tensor at once, but the autograd graph keeps pointing at its memory: backward
 * then reads freed memory. Training with {@code Activation.swish} or DJL's built-in L2 and
 * softmax cross-entropy losses (both end in {@code mul(weight)}) gave gradients that differed
 * between identical runs and, now and then, were all NaN. Everything here uses tensor-tensor
 * and unary operations only.
 */
public final class ScalarFreeOps {
  private ScalarFreeOps() {}

  /** SiLU, x sigmoid(x) (swish with beta = 1). */
  public static NDArray silu(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  public static NDList silu(NDList x) {
    return new NDList(silu(x.singletonOrThrow()));
  }

  /** Mean squared error over all values (not halved: Adam's steps do not depend on the loss's scale). */
  public static Loss meanSquaredError() {
    return new Loss("mse") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        return prediction.sub(labels.singletonOrThrow().reshape(prediction.getShape())).square().mean();
      }
    };
  }

  /** Mean over the batch of -log softmax(logits)[label], labels being class indices stored as floats. */
  public static Loss softmaxCrossEntropy() {
    return new Loss("softmax_cross_entropy") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray onehot = labels.singletonOrThrow().toType(DataType.INT64, false).oneHot((int) logits.getShape().get(1));
        return logits.logSoftmax(1).mul(onehot.toType(logits.getDataType(), false)).sum(new int[] {1}).neg().mean();
      }
    };
  }
}
