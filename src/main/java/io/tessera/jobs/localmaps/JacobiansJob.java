package io.tessera.jobs.localmaps;

import io.tessera.TesseraException;
import io.tessera.model.Network;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelOutputGuard;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;

/**
 * The {@code jacobians} job (Sattelberg et al.): the local affine map f_j(x) ≈ J_j(x) x + b_j of
 * every sample and output, written to {@code local_maps}. Exact on ReLU MLPs (the masked weight
 * product), autograd for any other model DJL runs (TorchScript included).
 */
public final class JacobiansJob extends BaseJob<JacobiansConfig> {
  public static final String NAME = "jacobians";
  public static final String TABLE = "local_maps";

  public JacobiansJob() {
    super(NAME, JacobiansConfig.class, CountUnit.INPUT_ROW, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, JacobiansConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    Network network = model.network();
    boolean mlp = network instanceof ReluMlpNetwork;
    if (cfg.method().equals("exact") && !mlp) {
      throw new TesseraException("method exact needs a ReLU MLP (Linear/ReLU layers); " + cfg.model() + " is not one: use autograd");
    }
    boolean exact = mlp && !cfg.method().equals("autograd");
    // No repartitioning here: the checkpointed stage splits the rows into its own chunks.
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim(), cfg.quarantine(), 0);
    long maps = run.stageCheckpointed(TABLE, input.valid(), new JacobiansPartition(model, cfg.batchSize(), exact), cfg.partitions());
    ModelOutputGuard.Checked checked = ModelOutputGuard.check(run, TABLE, maps, cfg.input(), cfg.quarantine(),
        "gradient", "bias", "gradient_norm");
    return new JobRun.Counts(input.rowsIn(), checked.rowsOut() / network.outputDim(), input.rejected() + checked.rejectedSamples());
  }
}
