package io.tessera.jobs.diffusion;

import io.tessera.math.Seeds;
import io.tessera.math.diffusion.CheckerboardMasks;
import io.tessera.math.diffusion.Inpainting;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.diffusion.DiffusionModel;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * One LMD attempt's lift, shared by the lmd job and its figure so that both show the same chains:
 * attempt a of image id uses mask parity a and draws from (seed, id, a) alone.
 *
 * @param liftStep t0 of diffuse-denoise, resolved against the model's T
 */
public record LmdLift(String lift, int grid, int stepSize, int liftStep, String variance, double lo, double hi, long seed)
    implements Serializable {

  /** The config's lift with t0 defaulting to T / 2. */
  public static LmdLift of(LmdConfig cfg, int steps) {
    return new LmdLift(cfg.lift(), cfg.grid(), cfg.stepSize(), cfg.liftStep() == null ? steps / 2 : cfg.liftStep(), cfg.variance(),
        cfg.clamp().get(0), cfg.clamp().get(1), cfg.seed());
  }

  /** The known pixels of attempt {@code attempt} (all unknown for diffuse-denoise, which uses no mask). */
  public boolean[] known(int side, int attempt) {
    return LmdConfig.INPAINT.equals(lift) ? CheckerboardMasks.alternating(side, grid, attempt) : new boolean[side * side];
  }

  public SplittableRandom noise(long imageId, int attempt) {
    return Seeds.forSample(seed, imageId, "lmd/attempt=" + attempt);
  }

  /** Lifts {@code chains} rows of {@code originals} (chains x dim), each with its mask and stream. */
  public double[] apply(DiffusionModel ddpm, double[] originals, boolean[][] known, int chains, SplittableRandom[] noise) {
    int dim = ddpm.dataDim();
    NoiseSchedule schedule = ddpm.schedule();
    ReverseVariance reverse = ReverseVariance.parse(variance, schedule);
    return LmdConfig.INPAINT.equals(lift)
        ? Inpainting.inpaint(originals, known, chains, dim, schedule.uniformGrid(stepSize), schedule, ddpm, reverse, noise, lo, hi)
        : Inpainting.diffuseDenoise(originals, chains, dim, schedule.uniformGrid(Math.min(stepSize, liftStep), liftStep), schedule, ddpm,
            reverse, noise, lo, hi);
  }
}
