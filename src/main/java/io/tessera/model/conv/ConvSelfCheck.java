package io.tessera.model.conv;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import io.tessera.math.ConvReference;
import io.tessera.math.ConvReference.Conv;
import io.tessera.model.DjlRuntime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a {@link ConvKernel} forward and backward on small seeded tensors shaped like Tessera's conv
 * blocks and compares the output and the input, weight and bias gradients with the float64
 * {@link ConvReference} (docs/platforms.md). The probes are the layer shapes of Tessera's CNNs and
 * U-Nets, at batch sizes for which PyTorch picks different CPU backends (oneDNN, NNPACK, im2col).
 */
final class ConvSelfCheck {
  /** Largest error allowed, relative to the largest reference value; float32 rounding gives ~1e-6. */
  static final double TOLERANCE = 1e-4;

  /** One shape to check; {@code poolAndRelu} adds 2x2 max-pooling and ReLU as the CNN blocks do. */
  record Probe(String name, Conv conv, boolean poolAndRelu) {}

  static final List<Probe> PROBES = List.of(
      new Probe("5x5 valid, pooled, batch 20", new Conv(20, 1, 12, 4, 5, 1, 0), true),
      new Probe("5x5 valid, pooled, batch 1", new Conv(1, 3, 8, 5, 5, 1, 0), true),
      new Probe("MNIST CNN layer 1 (1 to 10 channels, 28x28), pooled", new Conv(20, 1, 28, 10, 5, 1, 0), true),
      new Probe("MNIST CNN layer 2 (10 to 20 channels, 12x12), pooled", new Conv(20, 10, 12, 20, 5, 1, 0), true),
      new Probe("3x3 padding 1, 3 to 4 channels", new Conv(20, 3, 8, 4, 3, 1, 1), false),
      new Probe("3x3 padding 1, 8 to 8 channels, batch 64", new Conv(64, 8, 8, 8, 3, 1, 1), false),
      new Probe("3x3 padding 1, 32 to 16 channels", new Conv(20, 32, 4, 16, 3, 1, 1), false),
      new Probe("3x3 stride 2 padding 1, 4 to 4 channels", new Conv(20, 4, 8, 4, 3, 2, 1), false),
      new Probe("3x3 stride 2 padding 1, 8 to 8 channels", new Conv(20, 8, 8, 8, 3, 2, 1), false),
      new Probe("1x1, 6 to 3 channels", new Conv(20, 6, 8, 3, 1, 1, 0), false),
      new Probe("1x1, 8 to 16 channels, batch 64", new Conv(64, 8, 4, 16, 1, 1, 0), false));

  /** The largest relative error a kernel made, and on which probe and quantity. */
  record Outcome(String kernel, double error, String where) {
    boolean passed() {
      return error <= TOLERANCE;
    }

    String describe() {
      return String.format("%s kernel: largest relative error %.2g (%s)", kernel, error, where);
    }
  }

  private ConvSelfCheck() {}

  /** Must run with no gradient collector open (DJL allows one per JVM); callers hold {@link DjlRuntime#AUTOGRAD}. */
  static Outcome run(ConvKernel kernel, Device device) {
    Outcome worst = new Outcome(kernel.name(), 0, "no probe");
    for (int i = 0; i < PROBES.size(); i++) {
      Outcome outcome = probe(kernel, device, PROBES.get(i), i);
      if (!(outcome.error() <= worst.error())) {
        worst = outcome;
      }
    }
    return worst;
  }

  private static Outcome probe(ConvKernel kernel, Device device, Probe probe, long seed) {
    Conv c = probe.conv();
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = gaussian(random, c.inputSize(), 1);
    float[] w = gaussian(random, c.weightSize(), 1 / Math.sqrt(c.channels() * c.kernel() * c.kernel()));
    float[] b = gaussian(random, c.filters(), 0.1);
    int side = probe.poolAndRelu() ? c.outSide() / 2 : c.outSide();
    float[] g = gaussian(random, c.batch() * c.filters() * side * side, 1);
    Reference ref = reference(probe, x, w, b, g);
    try (NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
        GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
      NDArray xs = manager.create(x, new Shape(c.batch(), c.channels(), c.side(), c.side()));
      NDArray ws = manager.create(w, new Shape(c.filters(), c.channels(), c.kernel(), c.kernel()));
      NDArray bs = manager.create(b);
      xs.setRequiresGradient(true);
      ws.setRequiresGradient(true);
      bs.setRequiresGradient(true);
      NDArray y = kernel.apply(xs, ws, bs, c.stride(), c.padding());
      if (probe.poolAndRelu()) {
        y = Activation.relu(Pool.maxPool2d(y, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false));
      }
      collector.backward(y.mul(manager.create(g, y.getShape())).sum());
      String at = probe.name() + ", ";
      Outcome out = new Outcome(kernel.name(), relativeError(y.toFloatArray(), ref.output()), at + "output");
      out = worse(out, new Outcome(kernel.name(), relativeError(xs.getGradient().toFloatArray(), ref.dx()), at + "input gradient"));
      out = worse(out, new Outcome(kernel.name(), relativeError(ws.getGradient().toFloatArray(), ref.dw()), at + "weight gradient"));
      return worse(out, new Outcome(kernel.name(), relativeError(bs.getGradient().toFloatArray(), ref.db()), at + "bias gradient"));
    }
  }

  private record Reference(double[] output, double[] dx, double[] dw, double[] db) {}

  private static Reference reference(Probe probe, float[] x32, float[] w32, float[] b32, float[] g32) {
    Conv c = probe.conv();
    double[] x = widen(x32);
    double[] w = widen(w32);
    double[] y = ConvReference.forward(c, x, w, widen(b32));
    double[] g = widen(g32);
    double[] out = y;
    double[] gy = g;
    if (probe.poolAndRelu()) {
      int planes = c.batch() * c.filters();
      double[] pooled = ConvReference.maxPool2(y, planes, c.outSide());
      out = ConvReference.relu(pooled);
      gy = ConvReference.maxPool2Gradient(y, planes, c.outSide(), ConvReference.reluGradient(pooled, g));
    }
    return new Reference(out, ConvReference.inputGradient(c, w, gy), ConvReference.weightGradient(c, x, gy),
        ConvReference.biasGradient(c, gy));
  }

  /** max |got - want| / max |want|; NaN (never passing) when lengths differ or a value is not finite. */
  static double relativeError(float[] got, double[] want) {
    if (got.length != want.length) {
      return Double.NaN;
    }
    double scale = 0;
    double error = 0;
    for (int i = 0; i < got.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]));
      error = Math.max(error, Math.abs(got[i] - want[i])); // Math.max keeps a NaN
    }
    return error / Math.max(scale, 1e-12);
  }


  private static Outcome worse(Outcome a, Outcome b) {
    return b.error() <= a.error() ? a : b;
  }

  private static float[] gaussian(SplittableRandom random, int n, double sd) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (sd * random.nextGaussian());
    }
    return out;
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
