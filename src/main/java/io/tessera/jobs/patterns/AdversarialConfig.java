package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import io.tessera.math.LinfAttacks;
import java.util.List;

/**
 * Settings of the {@code adversarial} job (see conf/adversarial.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param epsilon L-infinity budget, > 0
 * @param attacks fgsm and/or pgd
 * @param pgdSteps PGD iterations
 * @param pgdStepSize PGD step; default epsilon / 4
 * @param domain [lo, hi] to clip every feature to (e.g. [0, 1] for images); none when absent
 */
public record AdversarialConfig(
    @JsonUnwrapped DatasetJobOptions common,
    @JsonProperty(required = true) Double epsilon,
    List<String> attacks,
    Integer pgdSteps,
    Double pgdStepSize,
    List<Double> domain,
    Integer batchSize) implements DatasetJobConfig {

  public static final List<String> ATTACKS = List.of("fgsm", "pgd");

  public AdversarialConfig {
    attacks = attacks == null ? ATTACKS : attacks;
    pgdSteps = pgdSteps == null ? 10 : pgdSteps;
    batchSize = batchSize == null ? 1024 : batchSize;
    if (!Double.isFinite(epsilon) || epsilon <= 0) {
      throw new TesseraException("epsilon must be a finite number > 0, got " + epsilon);
    }
    pgdStepSize = pgdStepSize == null ? epsilon / 4 : pgdStepSize;
    if (attacks.isEmpty() || !ATTACKS.containsAll(attacks) || attacks.stream().distinct().count() != attacks.size()) {
      throw new TesseraException("attacks must be distinct names from " + ATTACKS + ", got " + attacks);
    }
    if (pgdSteps < 1 || !Double.isFinite(pgdStepSize) || pgdStepSize <= 0) {
      throw new TesseraException("pgd_steps must be >= 1 and pgd_step_size a finite number > 0");
    }
    if (domain != null && (domain.size() != 2 || !(domain.get(0) < domain.get(1)))) {
      throw new TesseraException("domain must be [lo, hi] with lo < hi, got " + domain);
    }
    ConfigChecks.batchSize(batchSize);
  }


  public LinfAttacks.Domain clipDomain() {
    return domain == null ? LinfAttacks.Domain.NONE : new LinfAttacks.Domain(domain.get(0), domain.get(1));
  }
}
