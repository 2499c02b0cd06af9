package io.tessera.math.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.data.SyntheticDatasets;
import io.tessera.math.Points;
import io.tessera.math.Precision;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vietoris–Rips persistence against closed forms, a slow boundary-matrix oracle and known Betti numbers (docs/methods/persistence.md). */
class RipsPersistenceTest {
  private static final double EPS = 1e-12;

  @Test
  void regularPolygonsAndTheOctahedronHaveTheirExactDiagrams() {
    PersistenceDiagram square = RipsPersistence.of(polygon(4), 1, 2);
    assertIntervals(new double[][] {{0, Math.sqrt(2)}, {0, Math.sqrt(2)}, {0, Math.sqrt(2)}, {0, Double.POSITIVE_INFINITY}}, square.dimension(0));
    assertIntervals(new double[][] {{Math.sqrt(2), 2}}, square.dimension(1));

    double side = 2 * Math.sin(Math.PI / 5);
    double diagonal = 2 * Math.sin(2 * Math.PI / 5);
    PersistenceDiagram pentagon = RipsPersistence.of(polygon(5), 1, 2);
    assertIntervals(new double[][] {{0, side}, {0, side}, {0, side}, {0, side}, {0, Double.POSITIVE_INFINITY}}, pentagon.dimension(0));
    assertIntervals(new double[][] {{side, diagonal}}, pentagon.dimension(1));

    PersistenceDiagram hexagon = RipsPersistence.of(polygon(6), 2, 2);
    assertEquals(5, hexagon.dimension(0).length - 1);
    assertIntervals(new double[][] {{1, Math.sqrt(3)}}, hexagon.dimension(1));
    assertIntervals(new double[][] {{Math.sqrt(3), 2}}, hexagon.dimension(2));

    double[][] octahedron = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    PersistenceDiagram o = RipsPersistence.of(octahedron, 2, 2);
    assertEquals(0, o.dimension(1).length);
    assertIntervals(new double[][] {{Math.sqrt(2), 2}}, o.dimension(2));
  }

  @Test
  void theProductOfTwoSquaresUnderTheMaxMetricIsATorusOfSquares() {
    double[][] square = polygon(4);
    double[][] d = new double[16][16];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        d[i][j] = Math.max(Points.distance(square[i / 4], square[j / 4]), Points.distance(square[i % 4], square[j % 4]));
      }
    }
    PersistenceDiagram torus = RipsPersistence.ofDistances(d, 2, Double.POSITIVE_INFINITY, 2);
    assertEquals(15, torus.dimension(0).length - 1);
    assertIntervals(new double[][] {{Math.sqrt(2), 2}, {Math.sqrt(2), 2}}, torus.dimension(1));
    assertIntervals(new double[][] {{Math.sqrt(2), 2}}, torus.dimension(2));
  }

  @Test
  void equalsTheBoundaryMatrixReductionOnRandomClouds() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 4; trial++) {
      double[][] points = gaussian(random, 24, 3);
      double tau = trial % 2 == 0 ? Double.POSITIVE_INFINITY : 1.6;
      for (int p : new int[] {2, 3}) {
        PersistenceDiagram fast = RipsPersistence.of(points, 2, tau, p);
        List<double[][]> slow = BoundaryMatrixOracle.diagrams(distances(points), 2, fast.threshold(), p);
        for (int k = 0; k <= 2; k++) {
          assertIntervals(slow.get(k), fast.dimension(k));
        }
      }
    }
    double[][] plane = gaussian(random, 70, 2);
    PersistenceDiagram fast = RipsPersistence.of(plane, 1, 2);
    List<double[][]> slow = BoundaryMatrixOracle.diagrams(distances(plane), 1, fast.threshold(), 2);
    assertIntervals(slow.get(0), fast.dimension(0));
    assertIntervals(slow.get(1), fast.dimension(1));
  }

  /** Fixtures from GUDHI (a simplex tree and a homology reduction); scripts/persistence-reference.py regenerates them. */
  @ParameterizedTest
  @ValueSource(strings = {"torus-r3", "gaussian-r4-z3", "annulus-r2"})
  void equalsGudhiOnTheCheckedInClouds(String name) throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/persistence");
    double[][] points = java.nio.file.Files.readAllLines(dir.resolve(name + ".points.csv")).stream()
        .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    List<String> lines = java.nio.file.Files.readAllLines(dir.resolve(name + ".diagram.csv"));
    java.util.Map<String, String> header = new java.util.HashMap<>();
    for (String field : lines.get(0).substring(2).split(" ")) {
      header.put(field.split("=")[0], field.split("=")[1]);
    }
    int q = Integer.parseInt(header.get("max_dimension"));
    PersistenceDiagram ours = RipsPersistence.of(points, q, parse(header.get("threshold")), Integer.parseInt(header.get("prime")));
    for (int k = 0; k <= q; k++) {
      String prefix = k + ",";
      double[][] gudhi = lines.stream().skip(1).filter(l -> l.startsWith(prefix))
          .map(l -> new double[] {parse(l.split(",")[1]), parse(l.split(",")[2])})
          .sorted(java.util.Comparator.<double[]>comparingDouble(i -> i[0]).thenComparingDouble(i -> i[1])).toArray(double[][]::new);
      assertTrue(gudhi.length > 0, name + " has an H" + k + " diagram to compare");
      assertIntervals(gudhi, ours.dimension(k), 1e-12);
    }
  }

  private static double parse(String value) {
    return value.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
  }

  @Test
  void h0DeathsAreTheMinimumSpanningTreeWhicheverWayTheyAreFound() {
    double[][] line = {{0}, {0.5}, {1.75}, {2}, {4}};
    assertIntervals(new double[][] {{0, 0.25}, {0, 0.5}, {0, 1.25}, {0, 2}, {0, Double.POSITIVE_INFINITY}}, RipsPersistence.of(line, 0, 2).dimension(0));
    double[][] cloud = gaussian(new SplittableRandom(3), 300, 5);
    // Prim (H0 alone) and Kruskal in filtration order (when H1 is asked) are independent routes.
    assertIntervals(RipsPersistence.of(cloud, 0, 2).dimension(0), RipsPersistence.of(cloud, 1, 2).dimension(0));
    double[][] cut = RipsPersistence.of(cloud, 1, 1.2, 2).dimension(0);
    double[][] all = RipsPersistence.of(cloud, 0, 2).dimension(0);
    long longer = Arrays.stream(all).filter(i -> i[1] > 1.2).count();
    assertEquals(longer, Arrays.stream(cut).filter(i -> i[1] == Double.POSITIVE_INFINITY).count(), "tree edges above the threshold leave components");
  }

  @Test
  void diagramsAreInvariantToOrderAndRigidMotionAndScaleWithThePoints() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] points = gaussian(random, 60, 3);
    PersistenceDiagram base = RipsPersistence.of(points, 2, 2);
    double[][] moved = new double[60][];
    double c = Math.cos(0.7);
    double s = Math.sin(0.7);
    for (int i = 0; i < 60; i++) {
      double[] p = points[(i * 7) % 60];
      moved[i] = new double[] {c * p[0] - s * p[1] + 3, s * p[0] + c * p[1] - 1, -p[2] + 0.5};
    }
    PersistenceDiagram other = RipsPersistence.of(moved, 2, 2);
    double[][] scaled = Arrays.stream(points).map(p -> Arrays.stream(p).map(x -> 2.5 * x).toArray()).toArray(double[][]::new);
    PersistenceDiagram bigger = RipsPersistence.of(scaled, 2, 2);
    for (int k = 0; k <= 2; k++) {
      assertIntervals(base.dimension(k), other.dimension(k), 1e-9);
      double[][] shrunk = Arrays.stream(bigger.dimension(k)).map(i -> new double[] {i[0] / 2.5, i[1] / 2.5}).toArray(double[][]::new);
      assertIntervals(base.dimension(k), shrunk, 1e-9);
    }
  }

  @Test
  void aCircleHasOneLoopDyingNearRootThree() {
    for (long seed = 1; seed <= 4; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double[][] circle = new double[200][];
      for (int i = 0; i < 200; i++) {
        double a = random.nextDouble(0, 2 * Math.PI);
        circle[i] = new double[] {Math.cos(a), Math.sin(a)};
      }
      double[][] h1 = RipsPersistence.of(circle, 1, 2).dimension(1);
      assertEquals(1, h1.length, "seed " + seed);
      double death = h1[0][1];
      assertTrue(death >= 1.732 && death <= 1.735, "seed " + seed + ": the loop dies at " + death);
    }
  }

  @Test
  void sphereTorusAndKleinBottleLandmarksHaveTheirBettiNumbers() {
    for (long seed = 1; seed <= 3; seed++) {
      PersistenceDiagram sphere = landmarkDiagram(SyntheticDatasets.Kind.SPHERE, 3000, 80, seed, 1.3, 2);
      for (double eps = 0.9; eps <= 1.25; eps += 0.05) {
        assertArrayEquals(new int[] {1, 0, 1}, sphere.betti(eps), "sphere seed " + seed + " at " + eps);
      }
      PersistenceDiagram torus = landmarkDiagram(SyntheticDatasets.Kind.CLIFFORD_TORUS, 6000, 150, seed, 1.2, 2);
      assertArrayEquals(new int[] {1, 2, 1}, torus.betti(1.1), "torus seed " + seed);
      PersistenceDiagram kleinZ2 = landmarkDiagram(SyntheticDatasets.Kind.KLEIN_BOTTLE, 10_000, 130, seed, 1.7, 2);
      PersistenceDiagram kleinZ3 = landmarkDiagram(SyntheticDatasets.Kind.KLEIN_BOTTLE, 10_000, 130, seed, 1.7, 3);
      for (double eps = 1.4; eps <= 1.6; eps += 0.05) {
        assertArrayEquals(new int[] {1, 2, 1}, kleinZ2.betti(eps), "Klein bottle over Z/2, seed " + seed + " at " + eps);
        assertArrayEquals(new int[] {1, 1, 0}, kleinZ3.betti(eps), "Klein bottle over Z/3, seed " + seed + " at " + eps);
      }
    }
  }

  @Test
  void refusesWhatHasNoDiagram() {
    double[][] ok = {{0, 0}, {1, 0}};
    assertMessage("non-empty", () -> RipsPersistence.of(new double[0][], 1, 2));
    assertMessage("point 1 has 1 coordinates", () -> RipsPersistence.of(new double[][] {{0, 0}, {1}}, 1, 2));
    assertMessage("point 0 has a NaN", () -> RipsPersistence.of(new double[][] {{Double.NaN, 0}}, 1, 2));
    assertMessage("threshold must be > 0", () -> RipsPersistence.of(ok, 1, 0, 2));
    assertMessage("threshold must be > 0", () -> RipsPersistence.of(ok, 1, Double.NaN, 2));
    assertMessage("dimension must be 0..2", () -> RipsPersistence.of(ok, 3, 2));
    assertMessage("needs a prime", () -> RipsPersistence.of(ok, 1, 4));
    assertMessage("not a finite, symmetric", () -> RipsPersistence.ofDistances(new double[][] {{0, 1}, {2, 0}}, 1, 1, 2));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static PersistenceDiagram landmarkDiagram(SyntheticDatasets.Kind kind, int n, int m, long seed, double tau, int p) {
    double[][] points = java.util.Arrays.stream(SyntheticDatasets.generate(kind, n, seed, 0).features()).map(Precision::widen)
        .toArray(double[][]::new);
    return RipsPersistence.of(Landmarks.maxMin(points, m, seed).of(points), 2, tau, p);
  }

  static double[][] polygon(int k) {
    double[][] p = new double[k][];
    for (int i = 0; i < k; i++) {
      p[i] = new double[] {Math.cos(2 * Math.PI * i / k), Math.sin(2 * Math.PI * i / k)};
    }
    return p;
  }

  static double[][] gaussian(SplittableRandom random, int n, int dim) {
    double[][] p = new double[n][dim];
    for (double[] row : p) {
      for (int c = 0; c < dim; c++) {
        row[c] = random.nextGaussian();
      }
    }
    return p;
  }

  static double[][] distances(double[][] points) {
    double[][] d = new double[points.length][points.length];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < points.length; j++) {
        d[i][j] = Points.distance(points[i], points[j]);
      }
    }
    return d;
  }

  static void assertIntervals(double[][] expected, double[][] actual) {
    assertIntervals(expected, actual, EPS);
  }

  static void assertIntervals(double[][] expected, double[][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, () -> "interval count: expected " + Arrays.deepToString(expected) + " got " + Arrays.deepToString(actual));
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i][0], actual[i][0], tolerance, "birth of interval " + i);
      assertEquals(expected[i][1], actual[i][1], tolerance, "death of interval " + i);
    }
  }
}
