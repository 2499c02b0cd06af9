package io.tessera.model.torchscript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.load.ModelLoader;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Fixtures come from scripts/make-torchscript-fixtures.py: PyTorch's own outputs are the reference. */
class TorchScriptLoaderTest {
  private static Path fixture(String name) throws Exception {
    return Path.of(TorchScriptLoaderTest.class.getResource("/models/" + name).toURI());
  }

  private static void assertMatchesPyTorch(Network network, String name) throws Exception {
    JsonNode expected = new ObjectMapper().readTree(fixture(name + ".expected.json").toFile());
    JsonNode inputs = expected.get("inputs");
    int dim = inputs.get(0).size();
    float[] x = new float[inputs.size() * dim];
    for (int i = 0; i < inputs.size(); i++) {
      for (int k = 0; k < dim; k++) {
        x[i * dim + k] = (float) inputs.get(i).get(k).asDouble();
      }
    }
    float[] y = network.forward(x, inputs.size());
    JsonNode outputs = expected.get("outputs");
    int outDim = outputs.get(0).size();
    assertEquals(outDim, network.outputDim());
    for (int i = 0; i < outputs.size(); i++) {
      for (int o = 0; o < outDim; o++) {
        assertEquals(outputs.get(i).get(o).asDouble(), y[i * outDim + o], 1e-5);
      }
    }
  }

  @Test
  void reluSequentialBecomesAnMlpWithItsWeightsInOrder() throws Exception {
    Network network = ModelLoader.load(fixture("relu-mlp-3-8-6-2.pt").toString(), DevicePolicy.CPU, new Configuration());
    ReluMlpNetwork mlp = assertInstanceOf(ReluMlpNetwork.class, network);
    assertEquals(3, mlp.inputDim());
    assertEquals(3, mlp.weights().layers());
    assertEquals(8, mlp.weights().hiddenWidths()[0]);
    assertEquals(6, mlp.weights().hiddenWidths()[1]);
    assertMatchesPyTorch(mlp, "relu-mlp-3-8-6-2");
    network.close();
  }

  @Test
  void nonReluSequentialStaysAnOpaqueTorchScriptModule() throws Exception {
    Network network = ModelLoader.load(fixture("tanh-mlp-3-8-2.pt").toString(), DevicePolicy.CPU, new Configuration());
    assertInstanceOf(TorchScriptNetwork.class, network);
    assertMatchesPyTorch(network, "tanh-mlp-3-8-2");
    // Autograd through the TorchScript module: tanh is smooth, so central differences apply.
    float[] x = {0.3f, -0.2f, 0.5f};
    float[] jacobian = network.jacobian(x, 1);
    double h = 1e-2;
    for (int k = 0; k < 3; k++) {
      float[] up = x.clone();
      float[] down = x.clone();
      up[k] += (float) h;
      down[k] -= (float) h;
      float[] fu = network.forward(up, 1);
      float[] fd = network.forward(down, 1);
      for (int o = 0; o < 2; o++) {
        // Central differences: error O(h^2 f''') plus float32 rounding / h.
        assertEquals((fu[o] - fd[o]) / (2 * h), jacobian[o * 3 + k], 2e-3);
      }
    }
    network.close();
  }
}
