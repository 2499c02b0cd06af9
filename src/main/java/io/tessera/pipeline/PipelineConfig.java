package io.tessera.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import java.util.List;
import java.util.Map;

/**
 * A named sequence of stages (see conf/audit.yaml): make or name the data, train or name the
 * model, then jobs that all read them, then an HTML report. Stage s runs with run id
 * {@code <runId>-<s>}, so one pipeline's runs sit together in the runs table.
 *
 * @param generate a synthetic dataset to write (the data stage), instead of {@code input}
 * @param train a ReLU MLP to train on the data's train split (the train stage), instead of {@code model}
 * @param jobs per job, settings as in conf/&lt;job&gt;.yaml; input, model, output and run_id are the pipeline's
 */
public record PipelineConfig(
    @JsonProperty(required = true) String output,
    String runId,
    String input,
    Generate generate,
    String model,
    Train train,
    List<String> stages,
    Map<String, Map<String, Object>> jobs,
    String device) {

  /** Every stage, in the order they run. */
  public static final List<String> STAGES = List.of("data", "train", "patterns", "adversarial", "hamming-neighbours",
      "perturbation-grid", "polytopes", "report");

  public record Generate(@JsonProperty(required = true) String kind, Integer n, Long seed, Integer dim, Double testFraction) {
    public Generate {
      n = n == null ? 2000 : n;
      seed = seed == null ? 0L : seed;
      dim = dim == null ? 10 : dim;
      testFraction = testFraction == null ? 0.25 : testFraction;
    }
  }

  public record Train(List<Integer> hidden, Integer epochs, Integer batchSize, Double learningRate, Long seed) {
    public Train {
      hidden = hidden == null ? List.of(16, 16) : hidden;
      epochs = epochs == null ? 20 : epochs;
      batchSize = batchSize == null ? 64 : batchSize;
      learningRate = learningRate == null ? 0.01 : learningRate;
      seed = seed == null ? 1L : seed;
    }
  }

  public PipelineConfig {
    runId = runId == null ? "pipeline" : runId;
    stages = stages == null ? STAGES : stages;
    jobs = jobs == null ? Map.of() : jobs;
    device = device == null ? "auto" : device;
    if ((input == null) == (generate == null)) {
      throw new TesseraException("give the data either as input (a dataset URI) or as generate (a synthetic dataset), not both or neither");
    }
    if ((model == null) == (train == null)) {
      throw new TesseraException("give the model either as model (a URI) or as train (a ReLU MLP to train), not both or neither");
    }
    for (String stage : stages) {
      if (!STAGES.contains(stage)) {
        throw new TesseraException("unknown stage '" + stage + "'; stages: " + STAGES);
      }
    }
    if (stages.contains("data") != (generate != null) || stages.contains("train") != (train != null)) {
      throw new TesseraException("the data stage runs exactly when generate is given, the train stage exactly when train is");
    }
    for (String job : jobs.keySet()) {
      if (!STAGES.contains(job) || List.of("data", "train", "report").contains(job)) {
        throw new TesseraException("jobs has settings for '" + job + "', which is not a job stage of the pipeline");
      }
    }
    io.tessera.tables.OutputRoot.checkRunId(runId);
  }

  /** The dataset every job reads. */
  public String dataset() {
    return input != null ? input : output + "/datasets/" + runId;
  }

  /** The model every job reads. */
  public String modelUri() {
    return model != null ? model : output + "/models/" + runId;
  }

  public String stageRunId(String stage) {
    return runId + "-" + stage;
  }
}
