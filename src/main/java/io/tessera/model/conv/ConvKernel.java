package io.tessera.model.conv;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * One way to compute a 2-D convolution of an NCHW input with (filters, channels, k, k) weights, a
 * bias per filter, square stride and padding. {@link Convolutions} decides which one a device uses.
 */
public record ConvKernel(String name, Op op) {
  /** The computation itself. */
  interface Op {
    NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding);
  }

  /** The engine's own convolution (oneDNN, NNPACK or im2col on a CPU, cuDNN on a GPU). */
  public static final ConvKernel ENGINE = new ConvKernel("engine", ConvKernel::engine);

  /** The matrix-product convolution of {@link #matmul}. */
  public static final ConvKernel MATMUL = new ConvKernel("matmul", ConvKernel::matmul);

  NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    return op.apply(x, weight, bias, stride, padding);
  }

  private static NDArray engine(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  /**
   * The convolution as one matrix product: the k^2 strided views of the padded input are stacked
   * into (batch * out^2, channels * k^2) patches and multiplied by the reshaped weights. Forward and
   * backward then use only slicing and the dense GEMM that the MLPs use, none of the engine's
   * convolution kernels. Slower, and exact to float32 rounding like the engine's.
   */
  private static NDArray matmul(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    Shape in = x.getShape();
    long batch = in.get(0);
    long channels = in.get(1);
    long filters = weight.getShape().get(0);
    int k = (int) weight.getShape().get(2);
    NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
    long outH = (in.get(2) + 2L * padding - k) / stride + 1;
    long outW = (in.get(3) + 2L * padding - k) / stride + 1;
    NDList taps = new NDList(k * k);
    for (int u = 0; u < k; u++) {
      for (int v = 0; v < k; v++) {
        taps.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}",
            u, u + stride * (outH - 1) + 1, stride, v, v + stride * (outW - 1) + 1, stride)));
      }
    }
    // (batch, channels, k^2, outH, outW): patch entries ordered (channel, u, v) like the weights.
    NDArray patches = NDArrays.stack(taps, 2).reshape(batch, channels * k * k, outH * outW)
        .transpose(0, 2, 1).reshape(batch * outH * outW, channels * k * k);
    NDArray out = patches.matMul(weight.reshape(filters, channels * k * k).transpose());
    if (bias != null) {
      out = out.add(bias);
    }
    return out.reshape(batch, outH, outW, filters).transpose(0, 3, 1, 2);
  }
}
