package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.jobs.diffusion.LmdConfig;
import java.util.List;

/**
 * LMD's MNIST protocol in reduced form (see conf/lmd-mnist.yaml): a U-Net DDPM, an MLP autoencoder
 * trained without labels (for the code distance) and a small CNN classifier (for the deep
 * distance) trained on the in-domain digits of the IDX training file, then the lmd job on test
 * digits of both halves, synthetic shape images, and turned and inverted in-domain test digits.
 *
 * @param trainImages in-domain training images for both models; 0: all of them
 * @param evalImages images per evaluated set (in-domain digits, other digits, shapes, turned and inverted in-domain digits)
 * @param autoencoderLatent the autoencoder's code length
 * @param autoencoderHidden the widths of its encoder's hidden layers (the decoder mirrors them)
 * @param reuseModels whether models already saved under the output are used instead of retrained
 */
public record LmdMnistConfig(
    @JsonUnwrapped MnistFiles mnist,
    @JsonProperty(required = true) String output,
    List<Integer> inDigits,
    Integer trainImages,
    Integer evalImages,
    Boolean reuseModels,
    List<Integer> channels,
    Integer timeEmbedding,
    Integer steps,
    Integer iterations,
    Integer batchSize,
    Double learningRate,
    List<Integer> classifierConvFilters,
    List<Integer> classifierHidden,
    Integer classifierEpochs,
    Integer autoencoderLatent,
    List<Integer> autoencoderHidden,
    Integer autoencoderEpochs,
    List<String> lifts,
    Integer liftStep,
    List<String> distances,
    Integer attempts,
    Integer grid,
    Integer stepSize,
    String variance,
    Long seed,
    String device) {

  public LmdMnistConfig {
    inDigits = inDigits == null ? List.of(0, 1, 2, 3, 4) : inDigits;
    trainImages = trainImages == null ? 0 : trainImages;
    evalImages = evalImages == null ? 100 : evalImages;
    reuseModels = reuseModels == null || reuseModels;
    channels = channels == null ? List.of(16, 32, 32) : channels;
    timeEmbedding = timeEmbedding == null ? 32 : timeEmbedding;
    steps = steps == null ? 1000 : steps;
    iterations = iterations == null ? 6000 : iterations;
    batchSize = batchSize == null ? 64 : batchSize;
    learningRate = learningRate == null ? 2e-3 : learningRate;
    classifierConvFilters = classifierConvFilters == null ? List.of(10, 20) : classifierConvFilters;
    classifierHidden = classifierHidden == null ? List.of(50) : classifierHidden;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
    autoencoderLatent = autoencoderLatent == null ? 16 : autoencoderLatent;
    autoencoderHidden = autoencoderHidden == null ? List.of(256) : autoencoderHidden;
    autoencoderEpochs = autoencoderEpochs == null ? 10 : autoencoderEpochs;
    lifts = lifts == null ? List.of(LmdConfig.INPAINT, LmdConfig.DIFFUSE_DENOISE) : lifts;
    distances = distances == null ? List.of("mse", "ssim", "code", "deep") : distances;
    attempts = attempts == null ? 10 : attempts;
    grid = grid == null ? 8 : grid;
    stepSize = stepSize == null ? 10 : stepSize;
    variance = variance == null ? "A" : variance;
    seed = seed == null ? 1L : seed;
    device = device == null ? "auto" : device;
    if (inDigits.isEmpty() || inDigits.size() >= 10 || inDigits.stream().anyMatch(d -> d < 0 || d > 9)) {
      throw new TesseraException("in_digits must be some but not all of the digits 0-9, got " + inDigits);
    }
    if (trainImages < 0 || evalImages < 1) {
      throw new TesseraException("train_images must be >= 0 and eval_images >= 1, got " + trainImages + " and " + evalImages);
    }
    if (lifts.isEmpty() || !List.of(LmdConfig.INPAINT, LmdConfig.DIFFUSE_DENOISE).containsAll(lifts)) {
      throw new TesseraException("lifts must be some of [" + LmdConfig.INPAINT + ", " + LmdConfig.DIFFUSE_DENOISE + "], got " + lifts);
    }
  }
}
