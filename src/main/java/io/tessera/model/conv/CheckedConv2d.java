package io.tessera.model.conv;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's Conv2d (same parameters, same saved format) computed by the kernel that passed this
 * device's convolution self-check ({@link Convolutions}), so a CPU whose engine convolution is wrong
 * gets a correct one, or a clear refusal, instead of wrong numbers.
 */
public final class CheckedConv2d extends Conv2d {
  private CheckedConv2d(Conv2d.Builder builder) {
    super(builder);
  }

  /** A square {@code kernel} x {@code kernel} convolution with bias, square stride and zero padding. */
  public static CheckedConv2d of(int filters, int kernel, int stride, int padding) {
    return new CheckedConv2d(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
        .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    ConvKernel kernel = Convolutions.kernelFor(device);
    NDArray w = store.getValue(weight, device, training);
    NDArray b = store.getValue(bias, device, training);
    return new NDList(kernel.apply(x, w, b, (int) stride.get(0), (int) padding.get(0)));
  }
}
