package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.cli.options.ConfigOptions;
import io.tessera.data.DatasetIO;
import io.tessera.jobs.diffusion.LmdConfig;
import io.tessera.jobs.diffusion.LmdLift;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.model.load.ModelLoader;
import io.tessera.report.InpaintingFigure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tessera report inpainting}: original, masked and lifted images of LMD's first attempt. */
@Command(name = "inpainting", mixinStandardHelpOptions = true,
    description = "Draw, for a few images of an lmd config's input, the original, the masked image and the lift of attempt 0"
        + " (the same chain the lmd job scores).")
final class ReportInpaintingCommand extends FigureCommand {
  @Mixin ConfigOptions options;

  @picocli.CommandLine.Option(names = "--ids", required = true, split = ",", description = "Sample ids (comma-separated).")
  List<Long> ids;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    LmdConfig cfg = options.load(LmdConfig.class);
    try (DiffusionModel ddpm = ModelLoader.loadDiffusion(cfg.model(), DevicePolicy.parse(cfg.device()),
        spark.sparkContext().hadoopConfiguration())) {
      int dim = ddpm.dataDim();
      int side = (int) Math.round(Math.sqrt(dim));
      LmdLift lift = LmdLift.of(cfg, ddpm.schedule().steps());
      List<Row> rows = DatasetIO.read(spark, cfg.input()).where(org.apache.spark.sql.functions.col(DatasetIO.ID).isin(ids.toArray()))
          .orderBy(DatasetIO.ID).select(DatasetIO.ID, DatasetIO.FEATURES).collectAsList();
      if (rows.size() != ids.size()) {
        throw new TesseraException("found " + rows.size() + " of the ids " + ids + " in " + cfg.input());
      }
      int n = rows.size();
      double[] originals = new double[n * dim];
      boolean[][] known = new boolean[n][];
      SplittableRandom[] noise = new SplittableRandom[n];
      double[][][] images = new double[3][n][];
      List<String> titles = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<Float> features = rows.get(i).getList(1);
        if (features.size() != dim) {
          throw new TesseraException(cfg.input() + ": sample " + rows.get(i).getLong(0) + " has " + features.size() + " features, the model takes " + dim);
        }
        images[0][i] = new double[dim];
        images[1][i] = new double[dim];
        known[i] = lift.known(side, 0);
        noise[i] = lift.noise(rows.get(i).getLong(0), 0);
        for (int k = 0; k < dim; k++) {
          originals[i * dim + k] = features.get(k);
          images[0][i][k] = features.get(k);
          images[1][i][k] = known[i][k] ? features.get(k) : Double.NaN;
        }
        titles.add("id " + rows.get(i).getLong(0));
      }
      double[] lifted = lift.apply(ddpm, originals, known, n, noise);
      for (int i = 0; i < n; i++) {
        images[2][i] = java.util.Arrays.copyOfRange(lifted, i * dim, (i + 1) * dim);
      }
      InpaintingFigure.write(titles, images, side, cfg.clamp().get(0), cfg.clamp().get(1), out);
      return n + " images, lift " + cfg.lift();
    }
  }
}
