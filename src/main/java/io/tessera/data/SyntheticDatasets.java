package io.tessera.data;

import io.tessera.EnumNames;
import io.tessera.TesseraException;
import java.util.SplittableRandom;

/**
 * Seeded generators for the toy datasets of the seed papers. The same (kind, n, seed, dim) always
 * gives the same points. Each kind's formula is in its Javadoc (sklearn's conventions for the 2-D shapes).
 */
public final class SyntheticDatasets {
  private SyntheticDatasets() {}

  public enum Kind {
    /** Liu et al.'s toy regression: x uniform in [-1,1]^2, target x1^2 + x2^2 - 0.4, label = target > 0. */
    REGRESSION,
    /** Class 0 uniform in the disk r < 0.5, class 1 uniform in the annulus 0.7 < r < 1. */
    CIRCLE_ANNULUS,
    /** x uniform in [-1,1]^2, label = (x1 > 0) xor (x2 > 0). */
    XOR,
    /** theta = 1.5 pi (1 + 2u); (theta cos theta, theta sin theta) + N(0, I), all divided by 10. */
    SWISS_ROLL,
    /** Two interleaved half circles (sklearn make_moons), label = which moon. */
    MOONS,
    /** Two concentric circles of radius 1 and 0.8 (sklearn make_circles), label = inner. */
    CIRCLES,
    /** theta = 3 pi (u - 1/2); (sin theta, sign(theta) (cos theta - 1)). */
    S_CURVE,
    /** Three Gaussians (sigma 1) in Haar-random 2-D planes of R^dim with N(0, 3^2 I) offsets; label = component. */
    THREE_GAUSSIANS,
    /** The 3-D Swiss roll (scikit-learn's recipe): t = 1.5 pi (1 + 2u), (t cos t, 21 v, t sin t); target = t. */
    SWISS_ROLL_3D,
    /** Uniform on the unit circle in R^2; Betti numbers (1, 1). */
    CIRCLE,
    /** Uniform on the unit sphere S^2 in R^3 (normalised Gaussians); Betti numbers (1, 0, 1). */
    SPHERE,
    /** The Clifford torus (cos a, sin a, cos b, sin b) in R^4, a and b uniform: flat, so uniform in area; Betti (1, 2, 1). */
    CLIFFORD_TORUS,
    /**
     * A Klein bottle in R^4: ((2 + cos v) cos u, (2 + cos v) sin u, sin v cos(u/2), sin v sin(u/2)), u and v
     * uniform in [0, 2 pi); (u + 2 pi, v) and (u, -v) are the same point. Betti (1, 1, 0) over Z/3, (1, 2, 1) over Z/2.
     */
    KLEIN_BOTTLE,
    /** 32 x 32 images of a moved and turned ellipse (TopologyImages): a torus in R^1024, Jin et al.'s "torus". */
    ELLIPSE_TORUS,
    /** 32 x 32 images of a lit hemisphere (TopologyImages): a sphere in R^1024, standing in for Jin et al.'s "jar". */
    JAR;

    public static Kind parse(String name) {
      return EnumNames.parse(Kind.class, name, "dataset kind");
    }

    public String displayName() {
      return EnumNames.display(this);
    }
  }

  /**
   * {@code dim} is used by THREE_GAUSSIANS only (the ambient dimension D); the others are 2-D but
   * SWISS_ROLL_3D and SPHERE (3-D), CLIFFORD_TORUS and KLEIN_BOTTLE (4-D), ELLIPSE_TORUS and JAR (1024-D images).
   */
  public static LabeledPoints generate(Kind kind, int n, long seed, int dim) {
    if (n <= 0) {
      throw new TesseraException("dataset size must be positive, got " + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    return switch (kind) {
      case REGRESSION -> regression(n, random);
      case CIRCLE_ANNULUS -> circleAnnulus(n, random);
      case XOR -> xor(n, random);
      case SWISS_ROLL -> swissRoll(n, random);
      case MOONS -> moons(n, random);
      case CIRCLES -> circles(n, random);
      case S_CURVE -> sCurve(n, random);
      case THREE_GAUSSIANS -> threeGaussians(n, dim, random);
      case SWISS_ROLL_3D -> swissRoll3d(n, random);
      case CIRCLE -> circle(n, random);
      case SPHERE -> sphere(n, random);
      case CLIFFORD_TORUS -> cliffordTorus(n, random);
      case KLEIN_BOTTLE -> kleinBottle(n, random);
      case ELLIPSE_TORUS -> TopologyImages.ellipseTorus(n, random);
      case JAR -> TopologyImages.jar(n, random);
    };
  }

  private static LabeledPoints regression(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    int[] labels = new int[n];
    double[] targets = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1)};
      targets[i] = (double) x[i][0] * x[i][0] + (double) x[i][1] * x[i][1] - 0.4;
      labels[i] = targets[i] > 0 ? 1 : 0;
    }
    return new LabeledPoints(x, labels, targets);
  }

  private static LabeledPoints circleAnnulus(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      double radius = labels[i] == 0 ? 0.5 * Math.sqrt(r.nextDouble()) : Math.sqrt(r.nextDouble(0.49, 1.0));
      x[i] = polar(radius, r.nextDouble(0, 2 * Math.PI));
    }
    return new LabeledPoints(x, labels, null);
  }

  private static LabeledPoints xor(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-1, 1)};
      labels[i] = (x[i][0] > 0) ^ (x[i][1] > 0) ? 1 : 0;
    }
    return new LabeledPoints(x, labels, null);
  }

  private static LabeledPoints swissRoll(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      double t = 1.5 * Math.PI * (1 + 2 * r.nextDouble());
      x[i] = new float[] {(float) ((t * Math.cos(t) + r.nextGaussian()) / 10), (float) ((t * Math.sin(t) + r.nextGaussian()) / 10)};
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints moons(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double phi = r.nextDouble(0, Math.PI);
      labels[i] = i % 2;
      x[i] = labels[i] == 0
          ? new float[] {(float) Math.cos(phi), (float) Math.sin(phi)}
          : new float[] {(float) (1 - Math.cos(phi)), (float) (1 - Math.sin(phi) - 0.5)};
    }
    return new LabeledPoints(x, labels, null);
  }

  private static LabeledPoints circles(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      x[i] = polar(labels[i] == 0 ? 1.0 : 0.8, r.nextDouble(0, 2 * Math.PI));
    }
    return new LabeledPoints(x, labels, null);
  }

  private static LabeledPoints sCurve(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      double t = 3 * Math.PI * (r.nextDouble() - 0.5);
      x[i] = new float[] {(float) Math.sin(t), (float) (Math.signum(t) * (Math.cos(t) - 1))};
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints swissRoll3d(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1.5 * Math.PI * (1 + 2 * r.nextDouble());
      double y = 21 * r.nextDouble();
      x[i] = new float[] {(float) (t[i] * Math.cos(t[i])), (float) y, (float) (t[i] * Math.sin(t[i]))};
    }
    return new LabeledPoints(x, null, t);
  }

  private static LabeledPoints circle(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      x[i] = polar(1, r.nextDouble(0, 2 * Math.PI));
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints sphere(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      double[] g = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      scale(g, 1 / norm(g));
      x[i] = new float[] {(float) g[0], (float) g[1], (float) g[2]};
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints cliffordTorus(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] a = polar(1, r.nextDouble(0, 2 * Math.PI));
      float[] b = polar(1, r.nextDouble(0, 2 * Math.PI));
      x[i] = new float[] {a[0], a[1], b[0], b[1]};
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints kleinBottle(int n, SplittableRandom r) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble(0, 2 * Math.PI);
      double v = r.nextDouble(0, 2 * Math.PI);
      double rho = 2 + Math.cos(v);
      x[i] = new float[] {(float) (rho * Math.cos(u)), (float) (rho * Math.sin(u)), (float) (Math.sin(v) * Math.cos(u / 2)),
          (float) (Math.sin(v) * Math.sin(u / 2))};
    }
    return new LabeledPoints(x, null, null);
  }

  private static LabeledPoints threeGaussians(int n, int dim, SplittableRandom r) {
    if (dim < 2) {
      throw new TesseraException("three-gaussians needs an ambient dimension of at least 2, got " + dim);
    }
    double[][][] planes = new double[3][][];
    double[][] offsets = new double[3][dim];
    for (int k = 0; k < 3; k++) {
      planes[k] = randomPlane(dim, r);
      for (int d = 0; d < dim; d++) {
        offsets[k][d] = 3 * r.nextGaussian();
      }
    }
    float[][] x = new float[n][dim];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      double c0 = r.nextGaussian();
      double c1 = r.nextGaussian();
      for (int d = 0; d < dim; d++) {
        x[i][d] = (float) (offsets[k][d] + planes[k][0][d] * c0 + planes[k][1][d] * c1);
      }
      labels[i] = k;
    }
    return new LabeledPoints(x, labels, null);
  }

  /**
   * Two orthonormal vectors: Gram-Schmidt on a Gaussian D x 2 matrix, which is its thin QR with
   * diag(R) > 0, so the plane is Haar-uniform.
   */
  private static double[][] randomPlane(int dim, SplittableRandom r) {
    double[] q0 = new double[dim];
    double[] q1 = new double[dim];
    for (int d = 0; d < dim; d++) {
      q0[d] = r.nextGaussian();
      q1[d] = r.nextGaussian();
    }
    scale(q0, 1 / norm(q0));
    double dot = 0;
    for (int d = 0; d < dim; d++) {
      dot += q0[d] * q1[d];
    }
    for (int d = 0; d < dim; d++) {
      q1[d] -= dot * q0[d];
    }
    scale(q1, 1 / norm(q1));
    return new double[][] {q0, q1};
  }

  private static float[] polar(double radius, double angle) {
    return new float[] {(float) (radius * Math.cos(angle)), (float) (radius * Math.sin(angle))};
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static void scale(double[] v, double f) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= f;
    }
  }
}
