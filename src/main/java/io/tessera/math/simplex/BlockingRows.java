package io.tessera.math.simplex;

/**
 * The ratio test of {@link VertexWalk}: which row a move from x along d meets first. A row j can
 * only be met after a step of at least its distance from x, and that distance is bounded below by
 * its last exact measurement less the path walked since (x moves by exactly that much). Rows are
 * visited in order of that bound from a heap, and the visit stops once the bound exceeds the best
 * step found: on a trained MNIST region a quarter of the rows are read, exactly as if all were.
 */
final class BlockingRows {
  private final double[][] a;
  private final double[] c;
  private final double[] norm;
  private final int[] heap;
  private final double[] key;
  private double step;

  BlockingRows(double[][] a, double[] c) {
    this.a = a;
    this.c = c;
    norm = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      norm[j] = Math.sqrt(VertexWalk.dot(a[j], a[j]));
    }
    heap = new int[a.length];
    key = new double[a.length];
  }

  /** Measures every row's distance from v.x exactly. */
  void measure(Vertex v) {
    for (int j = 0; j < a.length; j++) {
      measure(v, j);
    }
  }

  void measure(Vertex v, int j) {
    v.distance[j] = norm[j] > VertexWalk.ZERO_ROW ? (c[j] - VertexWalk.dot(a[j], v.x)) / norm[j] : Double.POSITIVE_INFINITY;
    v.stamp[j] = v.path;
  }

  /**
   * The first row other than {@code skip} and the tight ones that x + t d meets, or -1 if none
   * (then {@link #step} is infinite). Ties go to the steeper row, or under Bland's rule to the
   * lower index. A row is met only if d rises against it by more than 1e-9 of |a_j| |d|, which
   * keeps every pivot element away from zero.
   */
  int block(Vertex v, double[] d, int skip, boolean bland) {
    double dn = Math.sqrt(VertexWalk.dot(d, d));
    int m = 0;
    for (int j = 0; j < a.length; j++) {
      if (j != skip && v.position[j] < 0 && norm[j] > VertexWalk.ZERO_ROW) {
        key[j] = v.distance[j] - (v.path - v.stamp[j]);
        heap[m++] = j;
      }
    }
    for (int i = m / 2 - 1; i >= 0; i--) {
      siftDown(i, m);
    }
    double best = Double.POSITIVE_INFINITY;
    double bestRate = 0;
    int hit = -1;
    while (m > 0) {
      int j = heap[0];
      if (key[j] > best * dn * (1 + 1e-9) + 1e-300) {
        break; // no row left can be met before the best step
      }
      heap[0] = heap[--m];
      siftDown(0, m);
      double[] row = a[j];
      double ax0 = 0;
      double ax1 = 0;
      double rate0 = 0;
      double rate1 = 0;
      int i = 0;
      for (; i + 1 < row.length; i += 2) { // both products in one pass over the row, two partial sums each
        ax0 += row[i] * v.x[i];
        ax1 += row[i + 1] * v.x[i + 1];
        rate0 += row[i] * d[i];
        rate1 += row[i + 1] * d[i + 1];
      }
      if (i < row.length) {
        ax0 += row[i] * v.x[i];
        rate0 += row[i] * d[i];
      }
      double rate = rate0 + rate1;
      double slack = c[j] - (ax0 + ax1);
      v.distance[j] = slack / norm[j];
      v.stamp[j] = v.path;
      if (rate <= 1e-9 * norm[j] * dn) {
        continue;
      }
      double t = Math.max(slack, 0) / rate;
      boolean tie = Math.abs(t - best) <= 1e-12 * Math.max(t, best);
      if (hit < 0 || (tie ? (bland ? j < hit : rate > bestRate) : t < best)) {
        best = t;
        bestRate = rate;
        hit = j;
      }
    }
    step = best;
    return hit;
  }

  /** The step length of the last {@link #block}. */
  double step() {
    return step;
  }

  /** x += t d, and the path grows by t |d|. */
  void move(Vertex v, double[] d, double t) {
    for (int i = 0; i < v.x.length; i++) {
      v.x[i] += t * d[i];
    }
    v.path += t * Math.sqrt(VertexWalk.dot(d, d));
  }

  private void siftDown(int i, int m) {
    int j = heap[i];
    double kj = key[j];
    while (true) {
      int child = 2 * i + 1;
      if (child >= m) {
        break;
      }
      if (child + 1 < m && key[heap[child + 1]] < key[heap[child]]) {
        child++;
      }
      if (key[heap[child]] >= kj) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = j;
  }
}
