package io.tessera.run;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session for every entry point. Under spark-submit the master and settings come from
 * the submission; with no master set (bin/tessera, tests) Tessera runs embedded in local mode.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate() {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("tessera");
    if (!conf.contains("spark.master")) {
      builder = embedded(builder, "local[*]");
    }
    return builder.getOrCreate();
  }

  /** Local mode on loopback with the UI off: nothing listens beyond this machine. */
  public static SparkSession.Builder embedded(SparkSession.Builder builder, String master) {
    int cores = Runtime.getRuntime().availableProcessors();
    return builder
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, 2 * cores)))
        .config("spark.sql.adaptive.enabled", "true");
  }
}
