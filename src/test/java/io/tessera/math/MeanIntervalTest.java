package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {
  @Test
  void matchesTheTextbookIntervalOfAKnownSample() {
    // 1..5: mean 3, s = sqrt(2.5); t_{4, 0.975} = 2.776445105 (standard tables, 10 digits).
    MeanInterval m = MeanInterval.of95(new double[] {1, 2, 3, 4, 5});
    double half = 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5);
    assertEquals(3, m.mean(), 1e-15);
    assertEquals(Math.sqrt(2.5), m.sd(), 1e-15);
    assertEquals(3 - half, m.low(), 1e-8);
    assertEquals(3 + half, m.high(), 1e-8);
    assertEquals(1, m.min());
    assertEquals(5, m.max());
    assertEquals("3.00 [1.04, 4.96]", m.format("%.2f"));
    assertEquals(half, MeanInterval.halfWidth(5, Math.sqrt(2.5), 0.95), 1e-8, "the same interval from count and sd alone");
  }

  @Test
  void coversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
    // 4,000 normal samples of size 8: coverage is binomial(4000, 0.95), sd 0.0034; 0.94-0.96 is ±3 sd.
    Random random = new Random(7);
    int covered = 0;
    int trials = 4000;
    for (int t = 0; t < trials; t++) {
      double[] v = new double[8];
      for (int i = 0; i < v.length; i++) {
        v[i] = 2 + 3 * random.nextGaussian();
      }
      MeanInterval m = MeanInterval.of95(v);
      if (m.low() <= 2 && 2 <= m.high()) {
        covered++;
      }
    }
    double rate = covered / (double) trials;
    assertTrue(rate > 0.94 && rate < 0.96, "coverage " + rate);
  }

  @Test
  void aProportionIsTheMeanOfZerosAndOnes() {
    double[] values = new double[40];
    java.util.Arrays.fill(values, 0, 30, 1);
    MeanInterval m = MeanInterval.of95(values);
    assertEquals(m.high() - m.mean(), MeanInterval.proportionHalfWidth(0.75, 40), 1e-12);
  }

  @Test
  void oneValueHasNoIntervalAndBadInputIsRefused() {
    MeanInterval m = MeanInterval.of95(new double[] {4});
    assertEquals(4, m.mean());
    assertTrue(Double.isNaN(m.low()) && Double.isNaN(m.sd()));
    assertThrows(IllegalArgumentException.class, () -> MeanInterval.of95(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> MeanInterval.of95(new double[] {1, Double.NaN}));
  }
}
