package io.tessera.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real YARN cluster in cluster mode: Hadoop's MiniYARNCluster (a ResourceManager and a
 * NodeManager that launch containers as JVMs on this machine) over a MiniDFSCluster (HDFS, the
 * default file system), and jobs/spark-submit/submit-yarn with Spark 4.2.0's spark-submit and
 * spark-yarn (src/test/yarn/spark-home.xml; no 4.1 release of spark-yarn is on Maven Central).
 * The driver runs in the ApplicationMaster's container and reads its config, dataset and model
 * from HDFS. A good run must end SUCCEEDED in YARN with its table on HDFS. A missing HDFS input,
 * a config URI that does not exist and a model path that is not there must each end FAILED, with
 * Tessera's one-line message (as embedded mode prints it) in the application's diagnostics.
 * Needs the packaged jars: runs in mvn verify.
 */
@Tag("cluster")
class YarnClusterIT {
  private static final Path PROJECT = Path.of(System.getProperty("tessera.project.dir", ".")).toAbsolutePath();

  @TempDir Path tmp;
  private MiniDFSCluster hdfs;
  private String fs;
  private MiniYARNCluster yarn;
  private YarnClient client;
  private Path hadoopConf;

  @BeforeEach
  void startYarn() throws Exception {
    Configuration dfs = new Configuration();
    dfs.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(dfs).numDataNodes(1).build();
    hdfs.waitActive();
    fs = hdfs.getFileSystem().getUri().toString();
    YarnConfiguration conf = new YarnConfiguration();
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 8192);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
    conf.set("fs.defaultFS", fs);
    // The capacity scheduler with one queue taking the whole cluster (the minicluster ships no capacity-scheduler.xml).
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    yarn = new MiniYARNCluster("tessera", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    hadoopConf = Files.createDirectories(tmp.resolve("hadoop-conf"));
    try (OutputStream out = Files.newOutputStream(hadoopConf.resolve("yarn-site.xml"))) {
      yarn.getConfig().writeXml(out);
    }
    client = YarnClient.createYarnClient();
    client.init(yarn.getConfig());
    client.start();
  }

  @AfterEach
  void stopYarn() {
    if (client != null) {
      client.stop();
    }
    if (yarn != null) {
      yarn.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void aGoodRunSucceedsOnHdfsAndBadInputFailsWithItsMessage() throws Exception {
    Path sparkHome = sparkHome();
    FileSystem dfs = hdfs.getFileSystem();
    dfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(JobFixtures.xorDataset(tmp, 200)), new org.apache.hadoop.fs.Path("/data/xor"));
    dfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(JobFixtures.tinyModel(tmp)), new org.apache.hadoop.fs.Path("/models/tiny"));
    String config = fs + "/configs/patterns.yaml";
    try (OutputStream out = dfs.create(new org.apache.hadoop.fs.Path(config))) {
      out.write(("input: " + fs + "/data/xor\nmodel: " + fs + "/models/tiny\noutput: " + fs + "/tessera-out\ndevice: cpu\n")
          .getBytes(StandardCharsets.UTF_8));
    }

    Path good = tmp.resolve("good.log");
    assertEquals(0, submit(sparkHome, good, config, "run_id=yarn-good"), tail(good));
    List<ApplicationReport> seen = new ArrayList<>();
    ApplicationReport ok = newApplication(seen);
    assertEquals(FinalApplicationStatus.SUCCEEDED, ok.getFinalApplicationStatus(), ok.getDiagnostics());
    assertEquals(200, TestSpark.get().read().parquet(fs + "/tessera-out/activation_patterns/run_id=yarn-good").count(), "the table on HDFS");

    // Each failure: spark-submit exits non-zero, YARN says FAILED, and its diagnostics carry the line embedded mode prints.
    Map<String, List<String>> failures = new LinkedHashMap<>();
    failures.put("tessera: input error: dataset not found: " + fs + "/data/no-such-dataset", List.of(config, "input=" + fs + "/data/no-such-dataset"));
    failures.put("tessera: config error: config file not found: " + fs + "/configs/missing.yaml", List.of(fs + "/configs/missing.yaml"));
    failures.put("tessera: model error: model not found: " + fs + "/models/no-such-model", List.of(config, "model=" + fs + "/models/no-such-model"));
    for (Map.Entry<String, List<String>> failure : failures.entrySet()) {
      Path log = tmp.resolve("bad-" + seen.size() + ".log");
      List<String> arguments = failure.getValue();
      assertTrue(submit(sparkHome, log, arguments.get(0), arguments.subList(1, arguments.size()).toArray(String[]::new)) != 0, tail(log));
      ApplicationReport failed = newApplication(seen);
      assertEquals(FinalApplicationStatus.FAILED, failed.getFinalApplicationStatus());
      assertTrue(failed.getDiagnostics().contains(failure.getKey()), "'" + failure.getKey() + "' in YARN's diagnostics: " + failed.getDiagnostics());
    }
  }

  private int submit(Path sparkHome, Path log, String config, String... settings) throws Exception {
    Path submit = tmp.resolve("spark-submit");
    if (!Files.exists(submit)) {
      // spark-submit as a Spark distribution's script would run it: this Spark's jars, the Hadoop configuration.
      Files.writeString(submit, "#!/usr/bin/env bash\nexec \"$JAVA_HOME/bin/java\" " + String.join(" ", Files.readAllLines(PROJECT.resolve(
          "conf/java17-opens.txt"))) + " -cp \"$SPARK_HOME/jars/*:$HADOOP_CONF_DIR\" org.apache.spark.deploy.SparkSubmit \"$@\"\n");
      assertTrue(submit.toFile().setExecutable(true));
    }
    String java = System.getProperty("java.home");
    List<String> command = new ArrayList<>(List.of(PROJECT.resolve("jobs/spark-submit/submit-yarn").toString(),
        // Small containers for a one-machine cluster; the jars are on this machine already (local:).
        "--conf", "spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*",
        "--conf", "spark.driver.memory=1g", "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.memoryOverhead=512m",
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.instances=1", "--conf", "spark.dynamicAllocation.enabled=false",
        "--conf", "spark.yarn.maxAppAttempts=1", "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + java,
        "--conf", "spark.executorEnv.JAVA_HOME=" + java, "--conf", "spark.yarn.submit.waitAppCompletion=true",
        "--", "run", "patterns", "--config", config));
    for (String setting : settings) {
      command.addAll(List.of("--set", setting));
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SUBMIT", submit.toString());
    builder.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
    builder.environment().put("JAVA_HOME", java);
    Process p = builder.start();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit did not finish: " + tail(log));
    }
    return p.exitValue();
  }

  /** The one application YARN has that is not in {@code seen}, which it joins. */
  private ApplicationReport newApplication(List<ApplicationReport> seen) throws Exception {
    List<ApplicationReport> apps = new ArrayList<>(client.getApplications());
    apps.removeIf(a -> seen.stream().anyMatch(old -> old.getApplicationId().equals(a.getApplicationId())));
    assertEquals(1, apps.size(), apps.toString());
    seen.add(apps.get(0));
    return apps.get(0);
  }

  /** Spark 4.2.0 with spark-yarn, copied by Maven into target/yarn-spark-home/jars once. */
  private static Path sparkHome() throws Exception {
    Path home = PROJECT.resolve("target/yarn-spark-home");
    if (!Files.exists(home.resolve("jars/.complete"))) {
      Path log = Files.createTempFile("yarn-spark-home", ".log");
      Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-f", PROJECT.resolve("src/test/yarn/spark-home.xml").toString(),
          "dependency:copy-dependencies", "-DoutputDirectory=" + home.resolve("jars"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(mvn.waitFor(15, TimeUnit.MINUTES) && mvn.exitValue() == 0, "resolving Spark 4.2.0 for YARN: " + Files.readString(log));
      Files.writeString(home.resolve("jars/.complete"), "");
      Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 from Maven jars, for Tessera's YARN test\n");
    }
    return home;
  }

  private static String tail(Path log) throws Exception {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
