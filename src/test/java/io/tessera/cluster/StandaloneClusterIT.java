package io.tessera.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import io.tessera.data.DatasetIO;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers, each its own JVM,
 * started from the Maven-resolved Spark jars (a SPARK_HOME whose jars/ links to them; see
 * ../shared/notes and the README's "Running on a cluster"). The patterns job is submitted through
 * jobs/spark-submit/tessera-submit, the normal submission path with the thin jar and --jars. The
 * test checks that tasks ran in executor processes the workers launched, other than the driver,
 * on both workers, and that the table equals an embedded run's. Then it kills an executor JVM in
 * the middle of a perturbation-grid job, which must still succeed with the undisturbed table. Needs the packaged jar, so it runs
 * in Maven's integration-test phase (mvn verify); everything it starts is stopped at the end.
 */
@Tag("cluster")
class StandaloneClusterIT {
  private static final Path PROJECT = Path.of(System.getProperty("tessera.project.dir", ".")).toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern EXECUTOR_PID = Pattern.compile("process name: (\\d+)@");

  @TempDir Path tmp;
  private final List<Process> daemons = new ArrayList<>();

  @AfterEach
  void stopCluster() throws InterruptedException {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : daemons) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void jobsOnTwoWorkersEqualTheEmbeddedRunsEvenWhenAnExecutorDies() throws Exception {
    String data = tmp.resolve("xor").toString();
    DatasetIO.write(TestSpark.get(), SyntheticDatasets.generate(SyntheticDatasets.Kind.XOR, 2000, 3, 2), Splits.trainTest(2000, 0.25),
        data, false);
    Path model = tmp.resolve("model");
    TestModels.trainTiny(model, 2, 5);
    String out = tmp.resolve("out").toString();

    Path sparkHome = sparkHome();
    int masterPort = freePort();
    int masterUi = freePort();
    String master = "spark://127.0.0.1:" + masterPort;
    daemons.add(start(sparkHome, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi))));
    for (int w = 0; w < 2; w++) {
      daemons.add(start(sparkHome, "worker" + w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1500m",
          "--work-dir", sparkHome.resolve("work" + w).toString(), master)));
    }
    awaitWorkers(masterUi, 2);

    Path submitLog = tmp.resolve("submit.log");
    Process driver = submit(sparkHome, master, submitLog, List.of(), "patterns", "input=" + data, "model=" + model, "output=" + out,
        "run_id=cluster", "partitions=4", "batch_size=128", "device=cpu");
    assertTrue(driver.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish in 5 minutes; " + tail(submitLog));
    assertEquals(0, driver.exitValue(), "spark-submit failed: " + tail(submitLog));

    // Every worker launched an executor JVM for the application and ran tasks in it; none of them
    // is the driver (the spark-submit process) or this test's JVM.
    Set<Long> executorPids = new TreeSet<>();
    int workersWithTasks = 0;
    for (int w = 0; w < 2; w++) {
      boolean ran = false;
      try (Stream<Path> files = Files.walk(sparkHome.resolve("work" + w))) {
        for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
          String log = Files.readString(stderr, StandardCharsets.UTF_8);
          Matcher pid = EXECUTOR_PID.matcher(log);
          if (log.contains("Running task") && pid.find()) {
            executorPids.add(Long.parseLong(pid.group(1)));
            ran = true;
          }
        }
      }
      workersWithTasks += ran ? 1 : 0;
    }
    assertEquals(2, workersWithTasks, "tasks ran on both workers; executor pids " + executorPids);
    assertTrue(!executorPids.contains(driver.pid()) && !executorPids.contains(ProcessHandle.current().pid()),
        "executors " + executorPids + " are neither the driver " + driver.pid() + " nor the test JVM");

    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "run", "patterns", "--config", PROJECT.resolve("conf/patterns.yaml").toString(),
        "--set", "input=" + data, "--set", "model=" + model, "--set", "output=" + out, "--set", "run_id=embedded",
        "--set", "partitions=4", "--set", "batch_size=128", "--set", "device=cpu"), err.toString());
    List<Row> cluster = sortedRows(out + "/activation_patterns/run_id=cluster");
    List<Row> embedded = sortedRows(out + "/activation_patterns/run_id=embedded");
    assertEquals(1500 + 500, cluster.size());
    assertEquals(embedded, cluster, "the cluster's activation_patterns equal the embedded run's");

    // Executor loss: a randomized job whose tasks each take 3 s more (a test hook) loses one of its
    // executor JVMs, killed by pid once it runs a task; Spark reruns the lost tasks and the table
    // equals an undisturbed embedded run with another partitioning.
    Set<Path> before = appDirs(sparkHome);
    Path lossLog = tmp.resolve("loss.log");
    List<String> grid = List.of("input=" + data, "model=" + model, "output=" + out, "radii=[0.05, 0.2]", "directions=6", "seed=9",
        "device=cpu");
    Process lossy = submit(sparkHome, master, lossLog, List.of("spark.tessera.test.taskDelayMillis=3000"), "perturbation-grid",
        concat(grid, "run_id=loss", "partitions=8"));
    long victim = awaitRunningExecutor(sparkHome, before, lossy, lossLog);
    assertTrue(ProcessHandle.of(victim).map(ProcessHandle::destroyForcibly).orElse(false), "could not kill executor " + victim);
    assertTrue(lossy.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish in 5 minutes; " + tail(lossLog));
    assertEquals(0, lossy.exitValue(), "the job did not survive the executor loss: " + tail(lossLog));
    assertTrue(Files.readString(lossLog).contains("Lost executor"), "the driver saw no executor loss: " + tail(lossLog));
    List<String> settings = new ArrayList<>(List.of("run", "perturbation-grid", "--config", PROJECT.resolve("conf/perturbation-grid.yaml").toString()));
    for (String setting : concat(grid, "run_id=undisturbed", "partitions=3")) {
      settings.addAll(List.of("--set", setting));
    }
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), settings.toArray(String[]::new)), err.toString());
    List<Row> lost = sortedRows(out + "/perturbation_hamming/run_id=loss");
    assertEquals(2000 * 2, lost.size());
    assertEquals(sortedRows(out + "/perturbation_hamming/run_id=undisturbed"), lost, "the run that lost an executor equals the undisturbed one");
  }

  private Process submit(Path sparkHome, String master, Path log, List<String> extraConf, String job, String... settings) throws IOException {
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("jobs/spark-submit/tessera-submit").toString(),
        "--master", master, "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memoryOverhead=512m"));
    extraConf.forEach(c -> command.addAll(List.of("--conf", c)));
    command.addAll(List.of("--", "run", job, "--config", PROJECT.resolve("conf/" + job + ".yaml").toString()));
    for (String setting : settings) {
      command.addAll(List.of("--set", setting));
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(builder, sparkHome);
    return builder.start();
  }

  private static String[] concat(List<String> settings, String... more) {
    return Stream.concat(settings.stream(), Stream.of(more)).toArray(String[]::new);
  }

  private static Set<Path> appDirs(Path sparkHome) throws IOException {
    Set<Path> apps = new TreeSet<>();
    for (int w = 0; w < 2; w++) {
      try (Stream<Path> dirs = Files.list(sparkHome.resolve("work" + w))) {
        dirs.forEach(apps::add);
      }
    }
    return apps;
  }

  /** The pid of an executor of a new application that has started a task. */
  private static long awaitRunningExecutor(Path sparkHome, Set<Path> oldApps, Process driver, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline && driver.isAlive()) {
      for (Path app : appDirs(sparkHome)) {
        if (oldApps.contains(app)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(app)) {
          for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
            String text = Files.readString(stderr, StandardCharsets.UTF_8);
            Matcher pid = EXECUTOR_PID.matcher(text);
            if (text.contains("Running task") && pid.find()) {
              return Long.parseLong(pid.group(1));
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no executor of the second application started a task; " + tail(log));
  }

  private static List<Row> sortedRows(String path) {
    return TestSpark.get().read().parquet(path).orderBy("sample_id").collectAsList();
  }

  /** A SPARK_HOME for the daemons: jars/ links every jar of the Spark runtime classpath; RELEASE marks a distribution. */
  private Path sparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Path classpath = PROJECT.resolve("target/spark-classpath.txt");
    assertTrue(Files.exists(classpath), classpath + " is written by mvn package; run this test with mvn verify");
    for (String jar : Files.readString(classpath).trim().split(java.io.File.pathSeparator)) {
      Path target = Path.of(jar);
      Path link = jars.resolve(target.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, target);
      }
    }
    Files.writeString(home.resolve("RELEASE"), "Spark from Maven jars, for Tessera's cluster test\n");
    return home;
  }

  private Process start(Path sparkHome, String name, List<String> mainAndArgs) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Files.readAllLines(PROJECT.resolve("conf/java17-opens.txt")));
    command.addAll(List.of("-Xmx512m", "-cp", sparkHome.resolve("jars") + "/*"));
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
    environment(builder, sparkHome);
    return builder.start();
  }

  private static void environment(ProcessBuilder builder, Path sparkHome) {
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** Polls the master's JSON status until {@code count} workers are alive. */
  private void awaitWorkers(int masterUi, int count) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (last.replace(" ", "").contains("\"aliveworkers\":" + count)) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the master did not see " + count + " workers within " + START_TIMEOUT + ": " + last + "; "
        + tail(tmp.resolve("master.log")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
