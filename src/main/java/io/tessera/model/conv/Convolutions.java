package io.tessera.model.conv;

import ai.djl.Device;
import io.tessera.ModelException;
import io.tessera.model.DjlRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link ConvKernel} computes Tessera's convolutions on each device of this JVM. The first
 * convolution on a device runs {@link ConvSelfCheck} on the engine's kernel, then on the
 * matrix-product kernel if the engine's disagrees with the float64 reference, and keeps the first
 * that passes; if none does, every convolution on that device is refused. The system property
 * {@code tessera.conv} (auto, engine or matmul) overrides the choice without a check.
 * See docs/platforms.md.
 */
public final class Convolutions {
  public static final String PROPERTY = "tessera.conv";
  private static final Logger LOG = LoggerFactory.getLogger(Convolutions.class);
  private static final List<ConvKernel> CANDIDATES = List.of(ConvKernel.ENGINE, ConvKernel.MATMUL);
  private static final Map<Device, Choice> CHOICES = new ConcurrentHashMap<>();

  /** A device's kernel, or why none may run there. */
  record Choice(ConvKernel kernel, String refusal) {
    ConvKernel get() {
      if (kernel == null) {
        throw new ModelException(refusal);
      }
      return kernel;
    }
  }

  private Convolutions() {}

  /**
   * Chooses the kernel for {@code device} now. Trainers call it before their first gradient
   * collector opens, since the self-check needs one of its own.
   */
  public static void prepare(Device device) {
    kernelFor(device);
  }

  static ConvKernel kernelFor(Device device) {
    Choice known = CHOICES.get(device);
    if (known != null) {
      return known.get();
    }
    synchronized (DjlRuntime.AUTOGRAD) {
      return CHOICES.computeIfAbsent(device, d -> choose(d, CANDIDATES, System.getProperty(PROPERTY, "auto"))).get();
    }
  }

  /** The choice among {@code candidates} (in order of preference) under the property value {@code setting}. */
  public static Choice choose(Device device, List<ConvKernel> candidates, String setting) {
    for (ConvKernel kernel : candidates) {
      if (kernel.name().equals(setting)) {
        LOG.info("{}={}: convolutions on {} use the {} kernel, unchecked", PROPERTY, setting, device, setting);
        return new Choice(kernel, null);
      }
    }
    if (!"auto".equals(setting)) {
      return new Choice(null, "unknown " + PROPERTY + " setting '" + setting + "': use auto, engine or matmul");
    }
    StringBuilder failures = new StringBuilder();
    for (ConvKernel kernel : candidates) {
      ConvSelfCheck.Outcome outcome = ConvSelfCheck.run(kernel, device);
      if (outcome.passed()) {
        if (failures.isEmpty()) {
          LOG.info("convolution self-check on {}: {}", device, outcome.describe());
        } else {
          LOG.warn("convolution self-check on {} ({}): {}; using the {} kernel instead, which passed ({})", device, cpu(),
              failures, kernel.name(), outcome.describe());
        }
        return new Choice(kernel, null);
      }
      failures.append(failures.isEmpty() ? "" : "; ").append(outcome.describe());
    }
    String refusal = "convolutions on " + device + " (" + cpu() + ") disagree with Tessera's float64 reference: " + failures
        + ". Tessera refuses to run convolutional models on this device rather than write wrong numbers;"
        + " see docs/platforms.md";
    LOG.error(refusal);
    return new Choice(null, refusal);
  }

  /** Forgets every choice, so the next convolution chooses again (tests, and benchmarks that switch kernels). */
  public static void reset() {
    synchronized (DjlRuntime.AUTOGRAD) {
      CHOICES.clear();
    }
  }

  /** Makes {@code choice} the one for {@code device} (tests that inject a kernel). */
  public static void set(Device device, Choice choice) {
    synchronized (DjlRuntime.AUTOGRAD) {
      CHOICES.put(device, choice);
    }
  }

  private static String cpu() {
    try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
          .orElse(System.getProperty("os.arch"));
    } catch (java.io.IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }
}
