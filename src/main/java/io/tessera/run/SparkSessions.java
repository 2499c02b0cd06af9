package io.tessera.run;

import io.tessera.tables.PatternFunctionCatalog;
import io.tessera.tables.PatternFunctions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session for every entry point. Under spark-submit the master and settings come from
 * the submission; with no master set (bin/tessera, tests) Tessera runs embedded in local mode.
 */
public final class SparkSessions {
  private static final String FUNCTION_CATALOG = "spark.sql.catalog.tessera";

  private SparkSessions() {}

  public static SparkSession getOrCreate() {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("tessera");
    if (!conf.contains("spark.master")) {
      // Progress for a person at a terminal: Spark's console bar, and its UI on loopback (http://127.0.0.1:4040).
      builder = embedded(builder, "local[*]")
          .config("spark.ui.enabled", String.valueOf(!conf.contains("spark.ui.enabled") || conf.getBoolean("spark.ui.enabled", true)))
          .config("spark.ui.showConsoleProgress", "true");
    }
    return withFunctions(builder.getOrCreate());
  }

  /**
   * Tessera's SQL functions over bit vectors (PatternFunctions) in {@code spark}, both unqualified
   * and, through the catalog {@code tessera}, as {@code tessera.bits_count} and so on.
   */
  public static SparkSession withFunctions(SparkSession spark) {
    if (!spark.conf().contains(FUNCTION_CATALOG)) {
      spark.conf().set(FUNCTION_CATALOG, PatternFunctionCatalog.class.getName());
    }
    PatternFunctions.register(spark);
    return spark;
  }

  /** Local mode on loopback with the UI off (tests; the CLI turns it on): nothing listens beyond this machine. */
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
