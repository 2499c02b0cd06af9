package io.tessera.math.latent;

import io.tessera.math.latent.LatentSummary.MassPoint;
import java.util.ArrayList;
import java.util.List;

/** The grid's candidate mass-like points: strict local maxima of rho_ins (or rho_info, or T00) over interior cells. */
public final class GridMaxima {
  private GridMaxima() {}

  /**
   * Local maxima among all 3^n - 1 grid neighbours of rho_ins (rho_info without a reference
   * set), or of its energy density T00, interior cells only, keeping those of at least 5% of the
   * largest; the mass is rho dmu over the maximum's 3^n block. For rho these are the starts of
   * {@link MassPointSearch}; T00 maxima are kept as they are.
   */
  static List<MassPoint> massPoints(GridValue[] points, int resolution, double cellVolume, boolean insufficiency, boolean byEnergy) {
    int n = points[0].z().length;
    double[] rho = new double[points.length];
    double max = 0;
    for (int k = 0; k < points.length; k++) {
      rho[k] = massDensity(points[k], insufficiency, byEnergy);
      max = Math.max(max, rho[k]);
    }
    List<MassPoint> found = new ArrayList<>();
    if (max <= 0) {
      return found;
    }
    int full = (int) Math.pow(3, n);
    for (int k = 0; k < points.length; k++) {
      List<Integer> block = neighbourhood(k, n, resolution);
      // A maximum on the box's edge is the box's doing, not the density's: only interior cells count.
      if (rho[k] < MassPointSearch.MIN_RELATIVE_DENSITY * max || block.size() < full) {
        continue;
      }
      boolean strict = true;
      double mass = 0;
      for (int neighbour : block) {
        // Ties (symmetric grids make them) go to the lower id, so a two-cell peak keeps one.
        if (neighbour != k && (rho[neighbour] > rho[k] || (rho[neighbour] == rho[k] && neighbour < k))) {
          strict = false;
          break;
        }
        mass += points[neighbour].degenerate() ? 0 : rho[neighbour] * points[neighbour].sqrtDetG() * cellVolume;
      }
      if (strict) {
        found.add(new MassPoint(k, points[k].z(), rho[k], mass, null));
      }
    }
    return found;
  }

  /** The density whose maxima are mass-like points: rho_ins (rho_info without a reference) or its T00; 0 where degenerate. */
  public static double massDensity(GridValue p, boolean insufficiency, boolean byEnergy) {
    return p.degenerate() ? 0 : byEnergy ? p.energy() : insufficiency ? p.insufficiencyDensity() : p.informationDensity();
  }

  /** Ids of the point and its in-grid neighbours (offsets in {-1, 0, 1}^n). */
  static List<Integer> neighbourhood(int id, int n, int resolution) {
    int[] index = new int[n];
    int rest = id;
    for (int d = 0; d < n; d++) {
      index[d] = rest % resolution;
      rest /= resolution;
    }
    List<Integer> ids = new ArrayList<>();
    int combos = (int) Math.pow(3, n);
    for (int c = 0; c < combos; c++) {
      int code = c;
      int neighbour = 0;
      int stride = 1;
      boolean inside = true;
      for (int d = 0; d < n; d++) {
        int at = index[d] + code % 3 - 1;
        code /= 3;
        if (at < 0 || at >= resolution) {
          inside = false;
          break;
        }
        neighbour += at * stride;
        stride *= resolution;
      }
      if (inside) {
        ids.add(neighbour);
      }
    }
    return ids;
  }
}
