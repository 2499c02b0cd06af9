package io.tessera.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiuMnistReproductionTest {
  private static LiuMnistReproduction.PathRow path(int hamming, int regions, Integer bisection) {
    return new LiuMnistReproduction.PathRow(hamming, hamming + 1000, 1.0, hamming, regions, bisection, 0);
  }

  @Test
  void tableFivePicksPairsSpreadOverTheHammingRange() {
    List<LiuMnistReproduction.PathRow> sorted = new ArrayList<>();
    for (int h = 0; h < 60; h++) {
      sorted.add(path(h, h + 1, h + 1));
    }
    // Ranks (i + 0.5) * 60 / 6 = 5, 15, ..., 55: one pair from the middle of each sixth.
    assertEquals(List.of(5, 15, 25, 35, 45, 55), LiuMnistReproduction.spread(sorted, 6).stream().map(LiuMnistReproduction.PathRow::hamming).toList());
    assertEquals(3, LiuMnistReproduction.spread(sorted.subList(0, 3), 6).size(), "fewer pairs than asked: all of them");
  }

  @Test
  void theSummaryCountsRegionsBeyondTheHammingBound() {
    // Excess regions - 1 - d_H: 0, 2, 4; Algorithm 2 exact on the first two.
    LiuMnistReproduction.PathSummary s = LiuMnistReproduction.summarise(List.of(path(10, 11, 11), path(20, 23, 23), path(30, 35, 33)));
    assertEquals(2, s.excess().mean(), 1e-12);
    assertEquals(2, s.excess().sd(), 1e-12);
    assertEquals(23, s.regions().mean(), 1e-12);
    assertEquals(1 / 3.0, s.shareAtBound(), 1e-12);
    assertEquals(2 / 3.0, s.shareBisectionExact(), 1e-12);
  }
}
