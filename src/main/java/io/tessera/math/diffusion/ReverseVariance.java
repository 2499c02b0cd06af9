package io.tessera.math.diffusion;

/** sigma^2_st of the reverse step p_theta(x_s | x_t) (Tu eq. 19). */
@FunctionalInterface
public interface ReverseVariance {
  double of(int s, int t);

  /**
   * Choice A: the forward step's variance 1 - abar_t / abar_s (the default:
   * docs/methods/diffusion-likelihood-and-lmd.md, Reverse variance: why choice A).
   */
  static ReverseVariance choiceA(NoiseSchedule schedule) {
    return (s, t) -> 1 - schedule.alpha(s, t);
  }

  /**
   * Choice B: the posterior variance (1 - abar_s)(1 - abar_t / abar_s) / (1 - abar_t). It is 0 on
   * the pair with s = 0, where the density would be -infinity, so that pair uses choice A.
   */
  static ReverseVariance choiceB(NoiseSchedule schedule) {
    return (s, t) -> s == 0 ? 1 - schedule.alpha(s, t)
        : (1 - schedule.abar(s)) * (1 - schedule.alpha(s, t)) / (1 - schedule.abar(t));
  }

  static ReverseVariance parse(String name, NoiseSchedule schedule) {
    return switch (name) {
      case "A" -> choiceA(schedule);
      case "B" -> choiceB(schedule);
      default -> throw new IllegalArgumentException("variance must be A or B (Tu eq. 19), got '" + name + "'");
    };
  }
}
