package io.tessera.model;

import ai.djl.Device;
import io.tessera.TesseraException;
import java.util.Locale;

/** Where models run: {@code auto} takes the GPU when the engine sees one, {@code cpu}/{@code gpu} force it. */
public enum DevicePolicy {
  AUTO,
  CPU,
  GPU;

  public static DevicePolicy parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TesseraException("unknown device '" + value + "': use auto, cpu or gpu");
    }
  }

  public Device resolve() {
    int gpus = DjlRuntime.engine().getGpuCount();
    return switch (this) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new TesseraException(
              "device 'gpu' was requested but the PyTorch engine sees no GPU; build with -Pgpu on a CUDA 12.4 machine or use device: auto");
        }
        yield Device.gpu();
      }
    };
  }

  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
