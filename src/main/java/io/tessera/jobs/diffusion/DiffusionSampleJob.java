package io.tessera.jobs.diffusion;

import io.tessera.config.ConfigChecks;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code diffusion-sample} job: ancestral samples of a DDPM from train-diffusion, in blocks of
 * {@code batch_size} ids spread over Spark tasks, written to {@code generated_samples}, whose first
 * five columns are the dataset schema: a run's partition is a dataset the other jobs read (a
 * generative model's side of {@code sample-metrics}, a cloud of {@code persistence}). Sample id i
 * draws from its own stream, so the samples do not depend on partitioning or batch size.
 */
public final class DiffusionSampleJob extends BaseJob<DiffusionSampleConfig> {
  public static final String NAME = "diffusion-sample";
  public static final String TABLE = "generated_samples";
  static final String SPLIT = "generated";
  private static final StructType BLOCKS = new StructType()
      .add("first_id", DataTypes.LongType, false)
      .add("rows", DataTypes.IntegerType, false);

  public DiffusionSampleJob() {
    super(NAME, DiffusionSampleConfig.class, CountUnit.GENERATED_ROW, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, DiffusionSampleConfig cfg) {
    ModelRef model = ModelRef.of(run.spark(), cfg.model(), cfg.devicePolicy());
    DiffusionModel ddpm = model.diffusion();
    ConfigChecks.setting(() -> ddpm.schedule().uniformGrid(cfg.stepSize())); // refuses h > T before any work
    ChainBudget.require(cfg.batchSize(), 1, ddpm.dataDim(), "samples");
    List<Row> blocks = new ArrayList<>();
    for (long first = 0; first < cfg.samples(); first += cfg.batchSize()) {
      blocks.add(RowFactory.create(first, (int) Math.min(cfg.batchSize(), cfg.samples() - first)));
    }
    long written = run.stage(TABLE, run.spark().createDataFrame(blocks, BLOCKS).repartition(run.taskPartitions(cfg.partitions(), blocks.size()))
        .mapPartitions(new DiffusionSamplePartition(model, cfg), TableSchema.rowEncoder(TABLE)));
    return new JobRun.Counts(cfg.samples(), written, 0);
  }
}
