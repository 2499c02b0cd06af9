package io.tessera.model.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.tessera.TesseraException;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolution reproduction (DJL's conv2d forward and gradients against the float64 reference,
 * on shapes, strides, padding, pooling and ReLU as Tessera's blocks use them) and the self-check
 * that picks a kernel, forced to disagree by injected wrong kernels.
 */
class ConvolutionsTest {
  @TempDir Path tmp;

  @AfterEach
  void forget() {
    Convolutions.reset();
  }

  @Test
  void theChosenKernelAndTheMatmulKernelMatchTheFloat64Reference() {
    // The engine's own kernel is wrong on some CPUs (docs/platforms.md): what must hold everywhere is
    // that the kernel Tessera chose for this CPU is right, and that the fallback is.
    for (ConvKernel kernel : List.of(Convolutions.kernelFor(Device.cpu()), ConvKernel.MATMUL)) {
      ConvSelfCheck.Outcome outcome = ConvSelfCheck.run(kernel, Device.cpu());
      // float32 sums of at most 150 products: a few units of the last place, far below the bar.
      assertTrue(outcome.error() < 1e-5, outcome.describe());
    }
  }

  @Test
  void aKernelWithWrongGradientsFailsTheCheck() {
    ConvSelfCheck.Outcome outcome = ConvSelfCheck.run(wrongGradient(), Device.cpu());
    assertFalse(outcome.passed());
    assertTrue(outcome.where().contains("gradient"), outcome.describe());
    assertEquals(0.5, outcome.error(), 0.05, "the injected gradients are 1.5 times the truth");
    assertFalse(new ConvSelfCheck.Outcome("x", Double.NaN, "output").passed(), "NaN never passes");
  }

  @Test
  void aWrongEngineKernelFallsBackToTheMatmulKernel() {
    Convolutions.Choice choice = Convolutions.choose(Device.cpu(), List.of(wrongGradient(), ConvKernel.MATMUL), "auto");
    assertSame(ConvKernel.MATMUL, choice.kernel());
  }

  @Test
  void whenEveryKernelDisagreesConvolutionalTrainingIsRefused() {
    Convolutions.Choice choice = Convolutions.choose(Device.cpu(), List.of(wrongGradient(), wrongForward()), "auto");
    assertNull(choice.kernel());
    assertTrue(choice.refusal().contains("wrong-gradient kernel: largest relative error"), choice.refusal());
    assertTrue(choice.refusal().contains("wrong-forward kernel: largest relative error"), choice.refusal());

    Convolutions.set(Device.cpu(), choice);
    Path dir = tmp.resolve("cnn");
    TrainSpec spec = new TrainSpec("refused-cnn", ModelCard.Task.CLASSIFICATION, List.of(4), 2, 1, 8, 0.01, 1, DevicePolicy.CPU,
        "zeros", List.of(2));
    TesseraException refused = assertThrows(TesseraException.class,
        () -> NetworkTrainer.train(new TrainingSet(new float[16 * 144], new float[16], 16, 144), null, spec, dir, line -> {}));
    assertTrue(refused.getMessage().contains("refuses to run convolutional models"), refused.getMessage());
    assertFalse(Files.exists(dir), "nothing is written for a refused model");
  }

  @Test
  void thePropertyForcesAKernelWithoutACheckAndRejectsUnknownValues() {
    assertSame(ConvKernel.MATMUL, Convolutions.choose(Device.cpu(), List.of(wrongGradient(), ConvKernel.MATMUL), "matmul").kernel());
    Convolutions.Choice unknown = Convolutions.choose(Device.cpu(), List.of(ConvKernel.ENGINE), "fast");
    assertTrue(unknown.refusal().contains("unknown tessera.conv setting 'fast'"), unknown.refusal());
  }

  /** The engine's forward values with 1.5 times its gradients, as a kernel bug in the backward pass would give. */
  private static ConvKernel wrongGradient() {
    return new ConvKernel("wrong-gradient", (x, weight, bias, stride, padding) -> {
      NDArray y = ConvKernel.ENGINE.apply(x, weight, bias, stride, padding);
      return y.add(y.mul(0.5f).sub(y.mul(0.5f).stopGradient()));
    });
  }

  private static ConvKernel wrongForward() {
    return new ConvKernel("wrong-forward", (x, weight, bias, stride, padding) -> ConvKernel.MATMUL.apply(x, weight, bias, stride, padding).mul(1.01f));
  }
}
