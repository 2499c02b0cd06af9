package io.tessera.model;

import ai.djl.Device;
import io.tessera.EnumNames;
import io.tessera.TesseraException;

/** Where models run: {@code auto} takes the GPU when the engine sees one, {@code cpu}/{@code gpu} force it. */
public enum DevicePolicy {
  AUTO,
  CPU,
  GPU;

  public static DevicePolicy parse(String value) {
    return EnumNames.parse(DevicePolicy.class, value, "device");
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
    return EnumNames.display(this);
  }
}
