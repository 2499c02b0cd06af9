package io.tessera.reproduce.topology;

import io.tessera.ConfigException;
import java.util.List;

/**
 * What is known about each manifold of the protocol: its Betti numbers over Z/2, the scale and
 * threshold at which max–min landmarks of it show them (docs/methods/persistence.md, How it is
 * checked), and a constraint residual that is exactly 0 on the manifold, the point-cloud analogue
 * of Jin et al.'s bond-length error.
 */
enum ManifoldTruth {
  CIRCLE("circle", new int[] {1, 1, 0}, 1.0, 1.8, "| |x| - 1 |"),
  CLIFFORD_TORUS("clifford-torus", new int[] {1, 2, 1}, 1.1, 1.2, "|x1^2 + x2^2 - 1| + |x3^2 + x4^2 - 1|"),
  SPHERE("sphere", new int[] {1, 0, 1}, 1.1, 1.3, "| |x| - 1 |"),
  KLEIN_BOTTLE("klein-bottle", new int[] {1, 2, 1}, 1.5, 1.7, "|(rho - 2)^2 + x3^2 + x4^2 - 1|, rho = |(x1, x2)|");

  static final List<String> KINDS = List.of("circle", "clifford-torus", "sphere", "klein-bottle");

  final String kind;
  final int[] betti;
  final double scale;
  final double threshold;
  final String residualFormula;

  ManifoldTruth(String kind, int[] betti, double scale, double threshold, String residualFormula) {
    this.kind = kind;
    this.betti = betti;
    this.scale = scale;
    this.threshold = threshold;
    this.residualFormula = residualFormula;
  }

  static ManifoldTruth of(String kind) {
    for (ManifoldTruth m : values()) {
      if (m.kind.equals(kind)) {
        return m;
      }
    }
    throw new ConfigException("manifold '" + kind + "' has no known topology here; known: " + KINDS);
  }

  /** The constraint residual of one point: 0 exactly on the manifold. */
  double residual(double[] x) {
    return switch (this) {
      case CLIFFORD_TORUS -> Math.abs(x[0] * x[0] + x[1] * x[1] - 1) + Math.abs(x[2] * x[2] + x[3] * x[3] - 1);
      case CIRCLE, SPHERE -> {
        double squared = 0;
        for (double c : x) {
          squared += c * c;
        }
        yield Math.abs(Math.sqrt(squared) - 1);
      }
      case KLEIN_BOTTLE -> {
        double rho = Math.hypot(x[0], x[1]);
        yield Math.abs((rho - 2) * (rho - 2) + x[2] * x[2] + x[3] * x[3] - 1);
      }
    };
  }
}
