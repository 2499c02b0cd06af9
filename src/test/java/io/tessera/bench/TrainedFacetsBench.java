package io.tessera.bench;

import ai.djl.Device;
import io.tessera.data.IdxFiles;
import io.tessera.data.LabeledPoints;
import io.tessera.math.LinfAttacks;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.Facets;
import io.tessera.math.polytope.SampleRegion;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Facets on a trained network, the polytopes job's real workload: a 784-340x5-10 MLP trained by
 * Tessera on local MNIST IDX files (5 epochs, Adam, seed 1; kept under target/ and reused), then
 * the region of each of the first N train digits, test digits and FGSM digits (test digits moved
 * by epsilon = 0.1 along the sign of the loss gradient, clipped to [0, 1]), computed as the job
 * does it (Chebyshev centre, then FacetSearch's facets), one at a time. Prints seconds per sample,
 * median and worst per group, and the facet counts; for each group's first sample, the per-row
 * LP reference timed on 30 seeded rows and extrapolated, as a same-process baseline. With CHECK > 0 the facet sets of the first
 * CHECK test digits are compared with the per-row LP reference ({@link Facets#referenceLpInSpan})
 * on every row. Run with bench/facets-trained IDX_DIR [N] [CHECK].
 */
public final class TrainedFacetsBench {
  private static final int SAMPLED_ROWS = 30;
  private TrainedFacetsBench() {}

  public static void main(String[] args) {
    String dir = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int check = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Configuration conf = new Configuration();
    LabeledPoints train = IdxFiles.read(dir + "/train-images-idx3-ubyte.gz", dir + "/train-labels-idx1-ubyte.gz", conf);
    LabeledPoints test = IdxFiles.read(dir + "/t10k-images-idx3-ubyte.gz", dir + "/t10k-labels-idx1-ubyte.gz", conf);
    Path model = Path.of("target/bench-models/mnist-784-340x5-10");
    if (!Files.exists(model)) {
      float[] x = new float[train.size() * 784];
      float[] y = new float[train.size()];
      for (int i = 0; i < train.size(); i++) {
        System.arraycopy(train.features()[i], 0, x, i * 784, 784);
        y[i] = train.labels()[i];
      }
      NetworkTrainer.train(new TrainingSet(x, y, train.size(), 784), null, new TrainSpec("mnist-784-340x5-10", ModelCard.Task.CLASSIFICATION,
          List.of(340, 340, 340, 340, 340), 10, 5, 128, 0.001, 1, DevicePolicy.CPU, dir), model, System.out::println);
    }
    try (ReluMlpNetwork network = TesseraModelFormat.load(model, Device.cpu())) {
      MlpWeights weights = network.weights();
      System.out.printf(Locale.ROOT, "facets of trained 784-340x5-10 regions (%s), %d samples per group, one at a time%n", dir, n);
      float[][] fgsm = new float[n][];
      for (int i = 0; i < n; i++) {
        float[] clean = test.features()[i];
        float[] gradient = network.lossGradient(clean, 1, new int[] {test.labels()[i]});
        fgsm[i] = LinfAttacks.signedStep(clean, clean, gradient, 0.1, 0.1, new LinfAttacks.Domain(0, 1));
      }
      List<Double> all = new java.util.ArrayList<>();
      group("train", Arrays.copyOf(train.features(), n), weights, all);
      group("test", Arrays.copyOf(test.features(), n), weights, all);
      group("fgsm", fgsm, weights, all);
      double[] seconds = all.stream().mapToDouble(Double::doubleValue).toArray();
      double median = PatternsThroughputBench.median(seconds);
      double worst = Arrays.stream(seconds).max().orElse(Double.NaN);
      System.out.printf(Locale.ROOT, "all    median %.1f s, worst %.1f s per sample (%d samples): worst / median %.2f%n", median, worst, seconds.length, worst / median);
      for (int i = 0; i < check; i++) {
        check("test " + i, test.features()[i], weights);
      }
    }
  }

  /**
   * The baseline in the same process: the per-row LP reference (in the span) timed on
   * {@link #SAMPLED_ROWS} seeded rows and extrapolated to all, its verdicts checked on those rows.
   */
  private static void sampledReference(SampleRegion r, double productionSeconds) {
    int[] rows = new java.util.Random(7).ints(0, r.region().rows()).distinct().limit(SAMPLED_ROWS).sorted().toArray();
    long start = System.nanoTime();
    int[] active = Facets.referenceLpInSpan(r.region(), rows);
    double seconds = (System.nanoTime() - start) / 1e9 * r.region().rows() / rows.length;
    for (int row : rows) {
      if ((Arrays.binarySearch(active, row) >= 0) != (Arrays.binarySearch(r.facets(), row) >= 0)) {
        throw new AssertionError("row " + row + ": the per-row reference and FacetSearch disagree");
      }
    }
    System.out.printf(Locale.ROOT, "         per-row LP reference %.0f s (extrapolated from %d rows, verdicts identical on them): %.1fx the production time%n",
        seconds, rows.length, seconds / productionSeconds);
  }

  /** Every row of one region decided by both methods; any disagreement ends the bench. */
  private static void check(String label, float[] sample, MlpWeights weights) {
    SampleRegion r = SampleRegion.of(weights, toDoubles(sample), null, null);
    long start = System.nanoTime();
    int[] reference = Facets.referenceLpInSpan(r.region());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!Arrays.equals(reference, r.facets())) {
      throw new AssertionError(label + ": the per-row reference finds " + reference.length + " facets, FacetSearch " + r.facets().length
          + "; rows in one set only: " + Arrays.toString(symmetricDifference(reference, r.facets())));
    }
    System.out.printf(Locale.ROOT, "check %-8s identical facet sets on all %d rows (%d facets); per-row reference %.1f s%n", label,
        r.region().rows(), reference.length, seconds);
  }

  private static int[] symmetricDifference(int[] x, int[] y) {
    return java.util.stream.IntStream.concat(Arrays.stream(x).filter(v -> Arrays.binarySearch(y, v) < 0),
        Arrays.stream(y).filter(v -> Arrays.binarySearch(x, v) < 0)).sorted().toArray();
  }

  private static double[] toDoubles(float[] sample) {
    double[] x = new double[sample.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = sample[j];
    }
    return x;
  }

  private static void group(String name, float[][] samples, MlpWeights weights, List<Double> all) {
    if (samples.length == 0) {
      return;
    }
    double[] seconds = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      double[] x = toDoubles(samples[i]);
      String label = name + " " + i;
      long start = System.nanoTime();
      SampleRegion r = SampleRegion.of(weights, x, null, null, (decided, rows, facets, lps, elapsed) ->
          System.out.printf(Locale.ROOT, "  %s: %d of %d rows decided, %d facets, %d LPs, %.0f s%n", label, decided, rows, facets, lps, elapsed));
      seconds[i] = (System.nanoTime() - start) / 1e9;
      all.add(seconds[i]);
      System.out.printf(Locale.ROOT, "%-8s %d facets of %d rows, %.1f s%n", label, r.facets().length, r.region().rows(), seconds[i]);
      if (i == 0) {
        sampledReference(r, seconds[i]);
      }
    }
    System.out.printf(Locale.ROOT, "%-6s median %.1f s, worst %.1f s per sample (%d samples)%n", name, PatternsThroughputBench.median(seconds),
        Arrays.stream(seconds).max().orElseThrow(), seconds.length);
  }
}
