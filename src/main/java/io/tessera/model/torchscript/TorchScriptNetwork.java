package io.tessera.model.torchscript;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.tessera.model.BlockNetwork;
import io.tessera.model.classifier.ReluMlpNetwork;

/**
 * Any TorchScript module that DJL can run, treated as a black box: flat inputs are reshaped to the
 * module's input shape. Patterns and polytopes need weights, so they use {@link ReluMlpNetwork}.
 */
public final class TorchScriptNetwork extends BlockNetwork {
  private final long[] inputShape;

  public TorchScriptNetwork(String id, Model model, long[] inputShape, Device device) {
    super(id, model, (int) new Shape(inputShape).size(), device);
    this.inputShape = inputShape;
    // DJL runs a module called with training=false under no-grad, which rules out input Jacobians,
    // and with training=true it switches the module to train mode (batch-norm statistics, dropout).
    // So: one call with training=true sets DJL's mode flag, then the module itself goes back to
    // eval mode; later calls pass training=true, which DJL then no longer turns into a mode switch.
    probeOutputDim();
    JniUtils.enableInferenceMode((PtSymbolBlock) block);
  }

  @Override
  protected NDArray apply(NDArray inputs) {
    long batch = inputs.getShape().get(0);
    long[] shape = new long[inputShape.length + 1];
    shape[0] = batch;
    System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
    NDArray x = inputs.reshape(new Shape(shape));
    NDArray y = block.forward(new ParameterStore(inputs.getManager(), false), new NDList(x), true).singletonOrThrow();
    return y.reshape(batch, -1);
  }
}
