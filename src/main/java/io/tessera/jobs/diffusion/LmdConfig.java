package io.tessera.jobs.diffusion;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import java.util.List;

/**
 * Settings of the {@code lmd} job (see conf/lmd.yaml): LMD out-of-distribution scores of square
 * single-channel images under a DDPM from train-diffusion.
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param lift inpaint (checkerboard masks, LMD's default) or diffuse-denoise (to liftStep and back)
 * @param liftStep t0 of diffuse-denoise; null: T / 2 of the model
 * @param featureModel a classifier directory from tessera train whose penultimate features give the deep distance
 * @param codeModel an autoencoder directory from tessera train-autoencoder (trained without labels) whose codes give
 *     the code distance
 * @param keepAttempts whether ood_scores keeps every attempt's distance
 * @param grid patches per side of the alternating checkerboard mask
 * @param stepSize h on the model's T-step grid for the inpainting chain
 * @param clamp the data's range [lo, hi], applied to inpainted images
 * @param inDistributionSplit the split whose scores every other split is compared to (ROC-AUC); null: no AUC
 */
public record LmdConfig(
    @JsonUnwrapped DatasetJobOptions common,
    Integer attempts,
    Integer grid,
    Integer stepSize,
    String variance,
    List<String> distances,
    List<Double> clamp,
    String inDistributionSplit,
    Long seed,
    Integer batchSize,
    String lift,
    Integer liftStep,
    String featureModel,
    String codeModel,
    Boolean keepAttempts) implements DatasetJobConfig {

  public static final List<String> DISTANCES = List.of("mse", "ssim", "deep", "code");
  public static final String INPAINT = "inpaint";
  public static final String DIFFUSE_DENOISE = "diffuse-denoise";

  public LmdConfig {
    attempts = attempts == null ? 10 : attempts;
    grid = grid == null ? 8 : grid;
    stepSize = stepSize == null ? 1 : stepSize;
    variance = variance == null ? "A" : variance;
    distances = distances == null ? List.of("mse", "ssim") : distances;
    lift = lift == null ? INPAINT : lift;
    keepAttempts = keepAttempts == null || keepAttempts;
    clamp = clamp == null ? List.of(0.0, 1.0) : clamp;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 64 : batchSize;
    if (attempts < 1 || grid < 1 || stepSize < 1) {
      throw new TesseraException("attempts, grid and step_size must be >= 1, got " + attempts + ", " + grid + " and " + stepSize);
    }
    if (!List.of("A", "B").contains(variance)) {
      throw new TesseraException("variance must be A or B (Tu eq. 19), got '" + variance + "'");
    }
    if (distances.isEmpty() || !DISTANCES.containsAll(distances)) {
      throw new TesseraException("distances must be some of " + DISTANCES + " (LPIPS needs pretrained weights), got " + distances);
    }
    requireTogether(distances, "deep", featureModel, "feature_model", "a classifier from tessera train");
    requireTogether(distances, "code", codeModel, "code_model", "an autoencoder from tessera train-autoencoder");
    if (!List.of(INPAINT, DIFFUSE_DENOISE).contains(lift)) {
      throw new TesseraException("lift must be " + INPAINT + " or " + DIFFUSE_DENOISE + ", got '" + lift + "'");
    }
    if (liftStep != null && (!DIFFUSE_DENOISE.equals(lift) || liftStep < 1)) {
      throw new TesseraException("lift_step is the t0 of lift " + DIFFUSE_DENOISE + " and must be >= 1, got " + liftStep + " with lift " + lift);
    }
    ConfigChecks.interval(clamp, "clamp");
    ConfigChecks.batchSize(batchSize);
  }

  /** A learned distance and the model it needs are given together or not at all. */
  private static void requireTogether(List<String> distances, String distance, String model, String key, String what) {
    if (distances.contains(distance) != (model != null)) {
      throw new TesseraException("distance " + distance + " and " + key + " go together: " + distance + " needs " + what + " as " + key
          + ", and " + key + " is only used by " + distance);
    }
  }
}
