package io.tessera.math.diffusion;

/**
 * LMD's alternating checkerboard masks (Liu, Zhou and Weinberger, Fig. 3;
 * docs/methods/diffusion-likelihood-and-lmd.md, Tessera's implementation: LMD) on a side x side
 * image: patch (a, b) of an n x n grid is inpainted at attempt i iff a + b + i is even, so
 * consecutive attempts are complements. When n does not divide the side, pixel (r, c) belongs to
 * patch (floor(r n / side), floor(c n / side)): patches differ by at most one pixel in size (28
 * pixels in 8 patches: 3 or 4), which spares padding 28 to 32 so that the grid divides the side.
 */
public final class CheckerboardMasks {
  private CheckerboardMasks() {}

  /** known[pixel] is true where the original is kept, false where it is inpainted; row-major. */
  public static boolean[] alternating(int side, int n, int attempt) {
    if (n < 1 || n > side) {
      throw new IllegalArgumentException("the mask grid must have 1.." + side + " patches per side, got " + n);
    }
    boolean[] known = new boolean[side * side];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int a = r * n / side;
        int b = c * n / side;
        known[r * side + c] = (a + b + attempt) % 2 != 0;
      }
    }
    return known;
  }
}
