package io.tessera.reproduce;

import io.tessera.model.CardJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** For the reproductions: whether a model saved earlier under the output is used as it is (and saying so). */
final class SavedModels {
  private SavedModels() {}

  static boolean reusable(boolean reuseModels, String dir, Consumer<String> progress) {
    boolean reuse = reuseModels && Files.exists(Path.of(dir).resolve(CardJson.FILE_NAME));
    if (reuse) {
      progress.accept("reusing the model in " + dir + " (reuse_models: false, or deleting it, trains it again)");
    }
    return reuse;
  }
}
