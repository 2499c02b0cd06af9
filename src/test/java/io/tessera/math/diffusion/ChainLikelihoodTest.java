package io.tessera.math.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Eq. 23 on Gaussian data, where the optimal eps-network and the true density are known. */
class ChainLikelihoodTest {
  private static final double[] MU = {0.5, -0.3};
  private static final double SIGMA2 = 0.16;
  private static final double[] X0 = {0.7, -0.1};

  @Test
  void exactReverseStepsAndPriorGiveTheTrueDensityOnAnyGrid() {
    // With the exact posterior variance and prior, every chain telescopes to log q(x_0) exactly:
    // this pins down the indices, signs and constants
    // (docs/methods/diffusion-likelihood-and-lmd.md, Closed form for Gaussian data).
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(100);
    GaussianEpsilon eps = new GaussianEpsilon(MU, SIGMA2, schedule);
    ReverseVariance exact = (s, t) -> eps.marginalVariance(s) * (1 - schedule.alpha(s, t)) / eps.marginalVariance(t);
    double[] priorMean = {Math.sqrt(schedule.abar(100)) * MU[0], Math.sqrt(schedule.abar(100)) * MU[1]};
    ChainLikelihood.Prior prior = new ChainLikelihood.Prior(priorMean, eps.marginalVariance(100));
    for (int[] grid : new int[][] {schedule.uniformGrid(1), schedule.uniformGrid(7), {0, 3, 50, 99, 100}, {0, 100}}) {
      double[] logq = ChainLikelihood.estimate(repeat(X0, 5), 5, 2, grid, schedule, eps, exact, prior, noise(5, 1));
      for (double value : logq) {
        assertEquals(eps.logDensity(X0), value, 1e-9, "grid " + Arrays.toString(grid));
      }
    }
  }

  @Test
  void choiceAIsALowerBoundWhoseBiasAndSpreadShrinkWithFinerSteps() {
    // docs/methods/diffusion-likelihood-and-lmd.md, Closed form for Gaussian data: truth -0.255;
    // with T = 1000 and 2,000 rounds choice A gives about -0.264 +- 0.089 per round at 1,000 pairs
    // and -0.33 +- 0.27 at 100.
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(1000);
    GaussianEpsilon eps = new GaussianEpsilon(MU, SIGMA2, schedule);
    double truth = eps.logDensity(X0);
    assertEquals(-0.2553, truth, 1e-4);
    int rounds = 2000;
    double[] fine = ChainLikelihood.estimate(repeat(X0, rounds), rounds, 2, schedule.uniformGrid(1), schedule, eps,
        ReverseVariance.choiceA(schedule), ChainLikelihood.Prior.standard(2), noise(rounds, 2));
    double[] coarse = ChainLikelihood.estimate(repeat(X0, rounds), rounds, 2, schedule.uniformGrid(10), schedule, eps,
        ReverseVariance.choiceA(schedule), ChainLikelihood.Prior.standard(2), noise(rounds, 3));
    double fineMean = mean(fine);
    double coarseMean = mean(coarse);
    double fineSe = sd(fine) / Math.sqrt(rounds);
    assertTrue(fineMean <= truth + 4 * fineSe && fineMean > truth - 0.03, "1,000 pairs: " + fineMean + " against " + truth);
    assertTrue(sd(fine) > 0.05 && sd(fine) < 0.13, "per-round sd at 1,000 pairs: " + sd(fine));
    assertTrue(coarseMean < fineMean - 0.03 && coarseMean > truth - 0.2, "100 pairs: " + coarseMean + ", 1,000 pairs: " + fineMean);
    assertTrue(sd(coarse) > 2 * sd(fine), "spread at 100 pairs " + sd(coarse) + " vs 1,000 pairs " + sd(fine));
  }

  @Test
  void choiceBFallsBackToAOnTheLastPairAndEachRowHasItsOwnNoise() {
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(100);
    ReverseVariance b = ReverseVariance.choiceB(schedule);
    assertEquals(ReverseVariance.choiceA(schedule).of(0, 10), b.of(0, 10), 0);
    assertTrue(b.of(10, 20) < ReverseVariance.choiceA(schedule).of(10, 20));
    GaussianEpsilon eps = new GaussianEpsilon(MU, SIGMA2, schedule);
    double[] both = ChainLikelihood.estimate(repeat(X0, 2), 2, 2, schedule.uniformGrid(5), schedule, eps, b,
        ChainLikelihood.Prior.standard(2), new SplittableRandom[] {new SplittableRandom(8), new SplittableRandom(9)});
    double[] second = ChainLikelihood.estimate(X0.clone(), 1, 2, schedule.uniformGrid(5), schedule, eps, b,
        ChainLikelihood.Prior.standard(2), new SplittableRandom[] {new SplittableRandom(9)});
    assertArrayEquals(new double[] {second[0]}, new double[] {both[1]}, 0, "a row's estimate depends on its own stream only");
  }

  @Test
  void schedulesAndGridsAreChecked() {
    NoiseSchedule t100 = NoiseSchedule.scaledLinear(100);
    assertEquals(2.0e-5, t100.abar(100), 0.1e-5);
    assertEquals(4.0e-5, NoiseSchedule.scaledLinear(1000).abar(1000), 0.1e-5);
    assertArrayEquals(new int[] {0, 30, 60, 90, 100}, t100.uniformGrid(30));
    assertThrows(IllegalArgumentException.class, () -> t100.checkGrid(new int[] {0, 50, 50, 100}));
    assertThrows(IllegalArgumentException.class, () -> t100.checkGrid(new int[] {1, 100}));
    assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.scaledLinear(10));
  }

  private static double[] repeat(double[] x, int times) {
    double[] out = new double[x.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(x, 0, out, i * x.length, x.length);
    }
    return out;
  }

  private static SplittableRandom[] noise(int rows, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] out = new SplittableRandom[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = root.split();
    }
    return out;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double sd(double[] v) {
    double m = mean(v);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
  }
}
