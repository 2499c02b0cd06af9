package io.tessera.model.torchscript;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.tessera.ModelException;
import io.tessera.model.DjlRuntime;
import java.io.IOException;
import java.nio.file.Path;

/** TorchScript files on the local disk: opening one as a DJL model, and the name of its JSON sidecar. */
public final class TorchScriptFiles {
  public static final String SUFFIX = ".pt";

  private TorchScriptFiles() {}

  /** A TorchScript file as a DJL model; failures name {@code label} (the URI the user gave). */
  public static Model open(Path file, String label, java.util.Map<String, ?> options, Device device) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - SUFFIX.length());
    Model model = Model.newInstance(name, device, DjlRuntime.ENGINE);
    try {
      model.load(file.getParent(), name, options);
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new ModelException("corrupt TorchScript model " + label + ": " + e.getMessage(), e);
    }
  }

  /** {@code <name>.json} next to {@code <name>.pt}. */
  public static String sidecarName(String torchScriptFile) {
    return torchScriptFile.substring(0, torchScriptFile.length() - SUFFIX.length()) + ".json";
  }
}
