package io.tessera.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Kubernetes submission in cluster mode against fabric8's API-server mock: the exact
 * command jobs/spark-submit/submit-k8s prints, run by Spark's own submission client (spark-submit's
 * SparkSubmit with spark-kubernetes), creates the driver pod from our templates. The test reads
 * that pod back from the API server and checks what a cluster would run: the image, the numeric
 * non-root user, the image's jar and configs by local:// path, no GPU, DJL offline with its cache
 * volume, and the Spark settings Tessera needs. Executor pods are created later by the driver,
 * which does not run here; their template is checked by DeploymentFilesTest. The runtime jars come
 * from target/lib, so this runs after package, in mvn verify.
 */
@Tag("cluster")
class KubernetesSubmissionIT {
  private static final Path HOME = Path.of(System.getProperty("tessera.project.dir", ".")).toAbsolutePath();

  @TempDir Path tmp;
  private KubernetesMockServer server;
  private NamespacedKubernetesClient client;

  @BeforeEach
  void startApiServer() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new ServerSideApply(), false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stopApiServer() {
    client.close();
    server.destroy();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theDriverPodIsBuiltFromOurImageAndTemplates(boolean gpu) throws Exception {
    String api = "http://" + server.getHostName() + ":" + server.getPort();
    List<String> submit = new ArrayList<>(dryRun(api, gpu));
    // spark-submit's own arguments, after SparkSubmit's class name (or the spark-submit executable).
    int from = submit.indexOf("org.apache.spark.deploy.SparkSubmit") + 1;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Files.readAllLines(HOME.resolve("conf/java17-opens.txt")));
    command.addAll(List.of("-Dlog4j2.configurationFile=" + HOME.resolve("conf/log4j2-test.properties"),
        "-cp", System.getProperty("java.class.path"), "org.apache.spark.deploy.SparkSubmit",
        "--conf", "spark.kubernetes.submission.waitAppCompletion=false"));
    command.addAll(submit.subList(from, submit.size()));
    Path log = tmp.resolve("submit.log");
    Process p = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "spark-submit did not return:\n" + Files.readString(log));
    assertEquals(0, p.exitValue(), Files.readString(log));

    List<Pod> pods = client.pods().inNamespace("default").list().getItems();
    assertEquals(1, pods.size(), "one driver pod: " + pods);
    Pod driver = pods.get(0);
    assertEquals("tessera", driver.getMetadata().getLabels().get("app.kubernetes.io/name"), "from driver-pod.yaml");
    assertEquals("driver", driver.getMetadata().getLabels().get("spark-role"));
    assertTrue(driver.getSpec().getSecurityContext().getRunAsNonRoot());
    assertEquals(185L, driver.getSpec().getSecurityContext().getRunAsUser(), "the image's user, by number");
    assertEquals("spark", driver.getSpec().getServiceAccountName());
    Container container = driver.getSpec().getContainers().get(0);
    assertEquals("tessera:0.1.0", container.getImage());
    assertEquals("/opt/tessera", container.getWorkingDir());
    assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("DJL_OFFLINE") && "true".equals(e.getValue())));
    assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp/djl-cache")));
    assertFalse(container.getResources().getLimits().containsKey("nvidia.com/gpu"), "no GPU unless asked");
    assertTrue(container.getArgs().contains("local:///opt/tessera/tessera.jar"), "the image's jar: " + container.getArgs());
    List<String> app = container.getArgs().subList(container.getArgs().indexOf("local:///opt/tessera/tessera.jar") + 1, container.getArgs().size());
    assertEquals(List.of("run", "patterns", "--config", "conf/patterns.yaml"), app, "the config baked into the image, by relative path");

    // The driver's Spark properties, as Spark ships them in a config map.
    Properties conf = new Properties();
    for (ConfigMap map : client.configMaps().inNamespace("default").list().getItems()) {
      for (String text : map.getData().values()) {
        conf.load(new StringReader(text));
      }
    }
    List<String> jars = List.of(conf.getProperty("spark.jars", "").split(","));
    assertTrue(jars.size() > 20 && jars.stream().allMatch(j -> j.startsWith("local:///opt/tessera/")), "the image's jars: " + jars);
    assertTrue(jars.contains("local:///opt/tessera/lib/pytorch-native-cpu-2.5.1-linux-x86_64.jar"), jars.toString());
    for (String side : List.of("driver", "executor")) {
      String options = conf.getProperty("spark." + side + ".extraJavaOptions", "");
      assertTrue(options.contains("-Dai.djl.offline=true") && options.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), options);
    }
    assertEquals("3g", conf.getProperty("spark.executor.memoryOverhead"));
    // Executors get one GPU (Spark adds the nvidia.com/gpu limit to their pods) only with --gpu; the
    // discovery script is the image's own, in the pods' working directory: nothing to upload.
    assertEquals(gpu ? "1" : null, conf.getProperty("spark.executor.resource.gpu.amount"));
    assertEquals(gpu ? "nvidia.com" : null, conf.getProperty("spark.executor.resource.gpu.vendor"));
    assertEquals(null, conf.getProperty("spark.files"), "nothing to upload");
  }

  /**
   * The mock's CRUD dispatcher, plus what a real API server does with a server-side apply of an
   * object that does not exist yet (Spark's client creates the driver's service and config map
   * that way): it creates it.
   */
  private static final class ServerSideApply extends KubernetesCrudDispatcher {
    @Override
    public MockResponse handlePatch(RecordedRequest request) {
      byte[] body = request.getBody().getBytes();
      MockResponse patched = super.handlePatch(request);
      String type = request.getHeader("Content-Type");
      if (patched.code() != 404 || type == null || !type.startsWith("application/apply-patch")) {
        return patched;
      }
      String path = request.getPath().replaceFirst("\\?.*", "");
      String collection = path.substring(0, path.lastIndexOf('/'));
      return handleCreate(new RecordedRequest(request.getHttpVersion(), HttpMethod.POST, collection, request.getHeaders(), new Buffer(body)));
    }
  }

  /** submit-k8s's --dry-run command line, split into arguments. */
  private static List<String> dryRun(String api, boolean gpu) throws Exception {
    List<String> script = new ArrayList<>(List.of("jobs/spark-submit/submit-k8s", "--dry-run"));
    if (gpu) {
      script.add("--gpu");
    }
    script.addAll(List.of("--", "run", "patterns", "--config", "conf/patterns.yaml"));
    ProcessBuilder dry = new ProcessBuilder(script).directory(HOME.toFile()).redirectErrorStream(true);
    dry.environment().put("K8S_API", api);
    dry.environment().remove("SPARK_HOME");
    Process p = dry.start();
    String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), line);
    ProcessBuilder split = new ProcessBuilder("bash", "-c", "eval \"set -- $LINE\"; printf '%s\\n' \"$@\"").redirectErrorStream(true);
    split.environment().put("LINE", line);
    Process s = split.start();
    List<String> args = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, s.waitFor());
    return args;
  }
}
