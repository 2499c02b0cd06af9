package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tessera.pipeline.PipelineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What can be tested of the cluster deployment without a cluster: the submit scripts assemble the
 * documented spark-submit arguments (dry run), the Kubernetes pod templates parse and ask for what
 * the README says, every file the Spark properties, the Dockerfile and the Airflow DAG name
 * exists, the DAG is valid Python that runs only known jobs, and the GPU discovery script speaks
 * Spark's format.
 */
class DeploymentFilesTest {
  private static final Path HOME = Path.of("").toAbsolutePath();

  @Test
  void submitScriptsAssembleTheDocumentedArguments() throws Exception {
    List<String> local = dryRun(Map.of(), "jobs/spark-submit/submit-local");
    assertFollows(local, "--master", "local[*]");
    assertFollows(local, "--conf", "spark.driver.memory=4g");

    List<String> standalone = dryRun(Map.of("SPARK_MASTER_URL", "spark://m:7077"), "jobs/spark-submit/submit-standalone");
    assertFollows(standalone, "--master", "spark://m:7077");
    assertFollows(standalone, "--deploy-mode", "client");
    assertFollows(standalone, "--conf", "spark.executor.cores=2");

    List<String> yarn = dryRun(Map.of(), "jobs/spark-submit/submit-yarn", "--gpu", "--files", "conf/patterns.yaml",
        "--principal", "tessera@EXAMPLE.COM", "--keytab", "/etc/tessera.keytab", "--verbose");
    assertFollows(yarn, "--master", "yarn");
    assertFollows(yarn, "--deploy-mode", "cluster");
    assertFollows(yarn, "--conf", "spark.executor.memoryOverhead=3g");
    assertFollows(yarn, "--conf", "spark.executor.resource.gpu.amount=1");
    // The user's --files, the logging config and the GPU discovery script in one list (a --files would otherwise replace spark.files).
    assertFollows(yarn, "--files", "conf/patterns.yaml," + HOME.resolve("conf/log4j2-spark.properties") + ","
        + HOME.resolve("conf/log4j2-spark-executor.properties") + "," + HOME.resolve("jobs/gpu/get-gpus-resources.sh"));
    // Cluster mode: the driver and the executors read the shipped logging config from their working directory.
    assertTrue(yarn.stream().anyMatch(a -> a.startsWith("spark.driver.extraJavaOptions=") && a.endsWith(" -Dlog4j2.configurationFile=log4j2-spark.properties")));
    assertTrue(yarn.stream().anyMatch(a -> a.startsWith("spark.executor.extraJavaOptions=")
        && a.endsWith(" -Dlog4j2.configurationFile=log4j2-spark-executor.properties")));
    // A local driver reads it where it is.
    assertTrue(local.stream().anyMatch(a -> a.startsWith("spark.driver.extraJavaOptions=")
        && a.endsWith(" -Dlog4j2.configurationFile=" + HOME.resolve("conf/log4j2-spark.properties"))), local.toString());
    assertTrue(yarn.stream().noneMatch(a -> a.startsWith("spark.files=")), yarn.toString());
    assertFollows(yarn, "--principal", "tessera@EXAMPLE.COM");
    assertFollows(yarn, "--keytab", "/etc/tessera.keytab");
    assertTrue(yarn.contains("--verbose"), yarn.toString());

    List<String> k8s = dryRun(Map.of("K8S_API", "https://k8s.example.com:6443"), "jobs/spark-submit/submit-k8s", "--gpu");
    assertFollows(k8s, "--master", "k8s://https://k8s.example.com:6443");
    assertFollows(k8s, "--conf", "spark.kubernetes.executor.podTemplateFile=" + HOME.resolve("jobs/k8s/executor-pod.yaml"));
    assertTrue(k8s.contains("local:///opt/tessera/tessera.jar"), "the image's jar: " + k8s);
    assertFalse(k8s.contains("--files"), "the image holds the GPU script and the logging config; nothing to upload: " + k8s);
    assertTrue(k8s.stream().anyMatch(a -> a.startsWith("spark.executor.extraJavaOptions=")
        && a.endsWith(" -Dlog4j2.configurationFile=conf/log4j2-spark-executor.properties")));

    for (List<String> command : List.of(local, standalone, yarn, k8s)) {
      // conf/spark-tessera.conf as --conf pairs: a --properties-file would stop the cluster's spark-defaults.conf from loading.
      assertFalse(command.contains("--properties-file"), command.toString());
      assertFollows(command, "--conf", "spark.executorEnv.DJL_OFFLINE=true");
      assertFollows(command, "--class", "io.tessera.cli.TesseraMain");
      assertEquals(List.of("run", "patterns", "--config", "conf/patterns.yaml"), command.subList(command.size() - 4, command.size()));
    }
    ProcessResult unknown = run(Map.of(), "jobs/spark-submit/tessera-submit", "--mode", "mesos", "--dry-run", "--", "run", "patterns");
    assertEquals(2, unknown.status());
    assertTrue(unknown.output().contains("unknown mode 'mesos'"), unknown.output());
    ProcessResult noMaster = run(Map.of(), "jobs/spark-submit/submit-standalone", "--dry-run", "--", "run", "patterns");
    assertTrue(noMaster.status() != 0 && noMaster.output().contains("SPARK_MASTER_URL"), noMaster.output());
  }

  @Test
  void podTemplatesAndReferencedFilesExist() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode driver = yaml.readTree(HOME.resolve("jobs/k8s/driver-pod.yaml").toFile());
    JsonNode executor = yaml.readTree(HOME.resolve("jobs/k8s/executor-pod.yaml").toFile());
    assertEquals("Pod", driver.path("kind").asText());
    assertEquals("Pod", executor.path("kind").asText());
    assertEquals("spark-kubernetes-driver", driver.at("/spec/containers/0/name").asText());
    assertEquals("spark-kubernetes-executor", executor.at("/spec/containers/0/name").asText());
    assertTrue(executor.at("/spec/containers/0/resources").isMissingNode(), "GPUs come from spark.executor.resource.gpu.* only");
    for (JsonNode pod : List.of(driver, executor)) {
      assertTrue(pod.at("/spec/securityContext/runAsNonRoot").asBoolean());
      assertEquals(185, pod.at("/spec/securityContext/runAsUser").asInt(), "a numeric user, which runAsNonRoot can check");
    }
    assertTrue(Files.readString(HOME.resolve("jobs/k8s/Dockerfile")).contains("\nUSER 185\n"), "the image runs as uid 185");
    assertEquals("true", executor.at("/spec/containers/0/env/0/value").asText(), "DJL offline on executors");

    Pattern home = Pattern.compile("@HOME@/(\\S+)");
    for (String conf : List.of("spark-tessera", "spark-local", "spark-standalone", "spark-yarn", "spark-k8s", "spark-gpu")) {
      Matcher m = home.matcher(Files.readString(HOME.resolve("conf/" + conf + ".conf")));
      while (m.find()) {
        assertTrue(Files.exists(HOME.resolve(m.group(1))), "conf/" + conf + ".conf names " + m.group(1));
      }
    }
    Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(Files.readString(HOME.resolve("jobs/k8s/Dockerfile")));
    int copies = 0;
    while (copy.find()) {
      copies++;
      if (!copy.group(1).startsWith("target/")) { // target/ is built by mvn package, after the tests
        assertTrue(Files.exists(HOME.resolve(copy.group(1))), "the Dockerfile copies " + copy.group(1));
      }
    }
    assertEquals(5, copies);
  }

  /**
   * The DAG against Airflow 3's import paths (airflow.sdk, the standard provider's BashOperator),
   * stubbed in src/test/resources/airflow3 because Airflow cannot be installed here: the file
   * imports and builds its graph, each task's command renders with Jinja and is valid bash, the
   * stages run in parallel before the report, run ids come from Airflow's run id, and a worker
   * without a Tessera distribution fails loudly. What Airflow itself does with the graph is not tested.
   */
  @Test
  void airflowDagBuildsItsGraphAndRendersCommandsUnderAirflow3sApi() throws Exception {
    Path dag = HOME.resolve("jobs/airflow/tessera_audit_dag.py");
    String source = Files.readString(dag);
    Assumptions.assumeTrue(run(Map.of(), "python3", "-c", "import jinja2").status() == 0, "python3 with jinja2 is needed");
    assertFalse(source.contains("Variable.get") || source.contains("open("), "nothing is read when the scheduler parses the file");
    assertTrue(source.contains("from airflow.sdk import DAG") && !source.contains("from airflow import DAG"), "Airflow 3's DAG");

    Path empty = Files.createTempDirectory("no-tessera");
    Path stubs = HOME.resolve("src/test/resources/airflow3");
    ProcessResult rendered = run(Map.of("PYTHONPATH", stubs.resolve("stubs").toString()), "python3", stubs.resolve("render.py").toString(),
        dag.toString(), empty.toString(), "manual__2026-12-07T08:00:00+00:00");
    assertEquals(0, rendered.status(), rendered.output());
    JsonNode graph = new ObjectMapper().readTree(rendered.output());
    assertEquals("tessera_audit", graph.path("dag_id").asText());
    assertEquals(2, graph.path("retries").asInt());

    JsonNode audit = new ObjectMapper(new YAMLFactory()).readTree(HOME.resolve("conf/audit-checkpoint.yaml").toFile());
    List<String> stages = new ArrayList<>();
    audit.path("stages").forEach(stage -> stages.add(stage.asText()));
    List<String> parallel = stages.stream().filter(stage -> !stage.equals("report")).map(stage -> stage.replace("-", "_")).toList();
    assertEquals(new TreeSet<>(stages.stream().map(stage -> stage.replace("-", "_")).toList()), new TreeSet<>(iterable(graph.path("tasks").fieldNames())));
    for (String stage : stages) {
      JsonNode task = graph.path("tasks").path(stage.replace("-", "_"));
      String command = task.path("command").asText();
      assertEquals(stage.equals("report") ? new TreeSet<>(parallel) : new TreeSet<>(), new TreeSet<>(iterable(task.path("upstream").elements()).stream()
          .map(JsonNode::asText).toList()), "the job stages run in parallel, the report after them");
      assertTrue(command.contains("--only " + stage + " --resume") && command.contains("conf/audit-checkpoint.yaml"), command);
      assertTrue(command.contains("run_id=audit-manual__2026-12-07T08-00-00-00-00") && command.contains("output=hdfs:///audits"), command);
      assertEquals(0, run(Map.of(), "bash", "-n", "-c", command).status(), "valid bash: " + command);
      ProcessResult missing = run(Map.of(), "bash", "-c", command);
      assertTrue(missing.status() == 1 && missing.output().contains("holds no unpacked tessera-"), "a loud failure: " + missing.output());
    }
    assertTrue(PipelineConfig.STAGES.containsAll(stages), "the config's stages are pipeline stages: " + stages);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> items) {
    List<T> out = new ArrayList<>();
    items.forEachRemaining(out::add);
    return out;
  }

  @Test
  void gpuDiscoveryScriptPrintsSparksResourceFormat() throws Exception {
    ProcessResult visible = run(Map.of("CUDA_VISIBLE_DEVICES", "0,2"), "jobs/gpu/get-gpus-resources.sh");
    assertEquals(0, visible.status());
    JsonNode json = new ObjectMapper().readTree(visible.output());
    assertEquals("gpu", json.path("name").asText());
    assertEquals(List.of("0", "2"), List.of(json.path("addresses").get(0).asText(), json.path("addresses").get(1).asText()));
  }

  private static void assertFollows(List<String> command, String option, String value) {
    for (int i = 0; i + 1 < command.size(); i++) {
      if (command.get(i).equals(option) && command.get(i + 1).equals(value)) {
        return;
      }
    }
    throw new AssertionError(option + " " + value + " missing from " + command);
  }

  /** The script's --dry-run command line, split into arguments (it prints them shell-quoted, one line). */
  private static List<String> dryRun(Map<String, String> env, String script, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(script));
    args.addAll(List.of(options));
    args.addAll(List.of("--dry-run", "--", "run", "patterns", "--config", "conf/patterns.yaml"));
    ProcessResult result = run(env, args.toArray(String[]::new));
    assertEquals(0, result.status(), result.output());
    ProcessResult split = run(Map.of("LINE", result.output().trim()), "bash", "-c", "eval \"set -- $LINE\"; printf '%s\\n' \"$@\"");
    return split.output().lines().toList();
  }

  private record ProcessResult(int status, String output) {}

  private static ProcessResult run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p;
    try {
      p = builder.start();
    } catch (IOException missing) {
      return new ProcessResult(127, missing.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
    return new ProcessResult(p.exitValue(), output);
  }
}
