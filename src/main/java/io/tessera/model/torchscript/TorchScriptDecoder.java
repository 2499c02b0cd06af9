package io.tessera.model.torchscript;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.tessera.TesseraException;
import io.tessera.math.latent.SmoothMlpJets;
import io.tessera.model.DjlRuntime;
import io.tessera.model.autoencoder.LatentDecoder;

/**
 * A user's TorchScript decoder, forward(z [B, n] float64) -> [B, N] float64 (export after
 * model.double(): float32 decoders are a thousand times too coarse for curvature;
 * docs/methods/latent-curvature.md, Finite differences and the convergence check). A black box: its
 * jets come from finite differences.
 */
public final class TorchScriptDecoder implements LatentDecoder {
  private final String id;
  private final Model model;
  private final Device device;
  private final int latentDim;
  private final int ambientDim;

  public TorchScriptDecoder(String id, String label, Model model, int latentDim, Device device) {
    this.id = id;
    this.model = model;
    this.device = device;
    this.latentDim = latentDim;
    double[][] probe;
    try {
      probe = decode(new double[1][latentDim]);
    } catch (RuntimeException e) {
      throw new TesseraException("decoder " + label + " does not map float64 latent points [B, " + latentDim + "] to rows: "
          + e.getMessage(), e);
    }
    this.ambientDim = probe[0].length;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int latentDim() {
    return latentDim;
  }

  @Override
  public int ambientDim() {
    return ambientDim;
  }

  @Override
  public double[][] decode(double[][] z) {
    double[] flat = new double[z.length * latentDim];
    for (int i = 0; i < z.length; i++) {
      System.arraycopy(z[i], 0, flat, i * latentDim, latentDim);
    }
    try (NDManager scope = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
      NDArray x = scope.create(flat, new Shape(z.length, latentDim));
      NDArray y = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
      if (y.getDataType() != DataType.FLOAT64) {
        throw new TesseraException("decoder " + id + " returned " + y.getDataType() + "; curvature needs a float64 decoder (export after model.double())");
      }
      int cols = (int) (y.getShape().size() / z.length);
      double[] values = y.toDoubleArray();
      double[][] out = new double[z.length][cols];
      for (int i = 0; i < z.length; i++) {
        System.arraycopy(values, i * cols, out[i], 0, cols);
      }
      return out;
    }
  }

  @Override
  public SmoothMlpJets exactJets() {
    return null;
  }
}
