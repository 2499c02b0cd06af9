package io.tessera.jobs.patterns;

import io.tessera.TesseraException;
import io.tessera.math.LinfAttacks;
import io.tessera.model.Network;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the adversarial job: FGSM (one signed-gradient step of size epsilon) and PGD
 * (repeated steps projected back onto the epsilon-ball), batch by batch, gradients by autograd.
 */
final class AdversarialPartition extends BatchedPartition<Network> {
  private static final long serialVersionUID = 1L;

  private final List<String> attacks;
  private final double epsilon;
  private final int pgdSteps;
  private final double pgdStepSize;
  private final LinfAttacks.Domain domain;

  AdversarialPartition(ModelRef model, int batchSize, List<String> attacks, double epsilon, int pgdSteps, double pgdStepSize,
      LinfAttacks.Domain domain) {
    super(model, ModelRef::network, batchSize);
    this.attacks = List.copyOf(attacks);
    this.epsilon = epsilon;
    this.pgdSteps = pgdSteps;
    this.pgdStepSize = pgdStepSize;
    this.domain = domain;
  }

  @Override
  protected List<Row> process(Network network, List<Row> batch) {
    int n = batch.size();
    int dim = network.inputDim();
    int outDim = network.outputDim();
    float[] clean = ValidatedInput.features(batch, dim);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      if (batch.get(i).isNullAt(2)) {
        throw new TesseraException("sample id " + batch.get(i).getLong(0) + ": column label is NULL; attacks need class labels");
      }
      labels[i] = batch.get(i).getInt(2);
    }
    float[] cleanOut = network.forward(clean, n);
    List<Row> out = new ArrayList<>(n * attacks.size());
    for (String attack : attacks) {
      float[] adversarial = attack.equals("fgsm") ? fgsm(network, clean, labels) : pgd(network, clean, labels);
      float[] advOut = network.forward(adversarial, n);
      double[] linf = LinfAttacks.linfDistances(adversarial, clean, dim);
      for (int i = 0; i < n; i++) {
        Row in = batch.get(i);
        float[] features = new float[dim];
        System.arraycopy(adversarial, i * dim, features, 0, dim);
        out.add(RowFactory.create(in.getLong(0), attack, labels[i], in.isNullAt(4) ? null : in.getDouble(4), features, in.getString(1),
            epsilon, linf[i], LinfAttacks.prediction(cleanOut, i * outDim, outDim), LinfAttacks.prediction(advOut, i * outDim, outDim),
            network.id()));
      }
    }
    return out;
  }

  private float[] fgsm(Network network, float[] clean, int[] labels) {
    float[] grad = network.lossGradient(clean, labels.length, labels);
    return LinfAttacks.signedStep(clean, clean, grad, epsilon, epsilon, domain);
  }

  private float[] pgd(Network network, float[] clean, int[] labels) {
    float[] current = clean;
    for (int step = 0; step < pgdSteps; step++) {
      float[] grad = network.lossGradient(current, labels.length, labels);
      current = LinfAttacks.signedStep(current, clean, grad, pgdStepSize, epsilon, domain);
    }
    return current;
  }
}
