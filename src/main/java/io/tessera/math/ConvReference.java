package io.tessera.math;

/**
 * A slow, plain float64 2-D convolution (cross-correlation, as deep-learning libraries define it),
 * its two gradients, 2x2 max-pooling and ReLU: the independent reference that engine convolutions
 * are checked against (docs/platforms.md). Tensors are row-major NCHW arrays; weights are
 * (filters, channels, k, k).
 *
 * <p>Forward: y[b,f,i,j] = bias[f] + sum_{c,u,v} w[f,c,u,v] x[b,c,s i + u - p, s j + v - p], with x
 * zero outside the image. Given g = dL/dy, dL/dx and dL/dw are the same sum read the other way.
 */
public final class ConvReference {
  /** Shape of one convolution: batch, channels, side of the square input, filters, kernel, stride, padding. */
  public record Conv(int batch, int channels, int side, int filters, int kernel, int stride, int padding) {
    public int outSide() {
      return (side + 2 * padding - kernel) / stride + 1;
    }

    public int inputSize() {
      return batch * channels * side * side;
    }

    public int weightSize() {
      return filters * channels * kernel * kernel;
    }

    public int outputSize() {
      return batch * filters * outSide() * outSide();
    }
  }

  private ConvReference() {}

  public static double[] forward(Conv c, double[] x, double[] w, double[] bias) {
    double[] y = new double[c.outputSize()];
    visit(c, (yi, xi, wi) -> y[yi] += w[wi] * x[xi]);
    int plane = c.outSide() * c.outSide();
    for (int i = 0; i < y.length; i++) {
      y[i] += bias[(i / plane) % c.filters()];
    }
    return y;
  }

  /** dL/dx for dL/dy = {@code g}. */
  public static double[] inputGradient(Conv c, double[] w, double[] g) {
    double[] dx = new double[c.inputSize()];
    visit(c, (yi, xi, wi) -> dx[xi] += w[wi] * g[yi]);
    return dx;
  }

  /** dL/dw for dL/dy = {@code g}. */
  public static double[] weightGradient(Conv c, double[] x, double[] g) {
    double[] dw = new double[c.weightSize()];
    visit(c, (yi, xi, wi) -> dw[wi] += x[xi] * g[yi]);
    return dw;
  }

  /** dL/dbias for dL/dy = {@code g}. */
  public static double[] biasGradient(Conv c, double[] g) {
    double[] db = new double[c.filters()];
    int plane = c.outSide() * c.outSide();
    for (int i = 0; i < g.length; i++) {
      db[(i / plane) % c.filters()] += g[i];
    }
    return db;
  }

  /** 2x2 max-pooling with stride 2 over (planes, side, side); odd last rows and columns are dropped. */
  public static double[] maxPool2(double[] x, int planes, int side) {
    int half = side / 2;
    double[] out = new double[planes * half * half];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < half; i++) {
        for (int j = 0; j < half; j++) {
          out[(p * half + i) * half + j] = x[argmax2(x, p, side, i, j)];
        }
      }
    }
    return out;
  }

  /** The gradient of {@link #maxPool2}: each window's upstream gradient goes to its maximum. */
  public static double[] maxPool2Gradient(double[] x, int planes, int side, double[] g) {
    int half = side / 2;
    double[] dx = new double[x.length];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < half; i++) {
        for (int j = 0; j < half; j++) {
          dx[argmax2(x, p, side, i, j)] += g[(p * half + i) * half + j];
        }
      }
    }
    return dx;
  }

  public static double[] relu(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.max(0, x[i]);
    }
    return out;
  }

  /** The gradient of {@link #relu} at {@code x} for upstream {@code g}. */
  public static double[] reluGradient(double[] x, double[] g) {
    double[] dx = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      dx[i] = x[i] > 0 ? g[i] : 0;
    }
    return dx;
  }

  private static int argmax2(double[] x, int plane, int side, int i, int j) {
    int best = -1;
    for (int u = 0; u < 2; u++) {
      for (int v = 0; v < 2; v++) {
        int k = (plane * side + 2 * i + u) * side + 2 * j + v;
        if (best < 0 || x[k] > x[best]) {
          best = k;
        }
      }
    }
    return best;
  }

  private interface Term {
    void add(int yIndex, int xIndex, int wIndex);
  }

  /** Calls {@code term} once per product w[f,c,u,v] x[b,c,..] that enters y[b,f,i,j]. */
  private static void visit(Conv c, Term term) {
    int n = c.side();
    int m = c.outSide();
    int k = c.kernel();
    for (int b = 0; b < c.batch(); b++) {
      for (int f = 0; f < c.filters(); f++) {
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < m; j++) {
            int yi = ((b * c.filters() + f) * m + i) * m + j;
            for (int ch = 0; ch < c.channels(); ch++) {
              for (int u = 0; u < k; u++) {
                int row = c.stride() * i + u - c.padding();
                if (row < 0 || row >= n) {
                  continue;
                }
                for (int v = 0; v < k; v++) {
                  int col = c.stride() * j + v - c.padding();
                  if (col >= 0 && col < n) {
                    term.add(yi, ((b * c.channels() + ch) * n + row) * n + col, ((f * c.channels() + ch) * k + u) * k + v);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
