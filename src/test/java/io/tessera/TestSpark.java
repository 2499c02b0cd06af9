package io.tessera;

import io.tessera.run.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One local[2] session for the whole test JVM: real partitioning on two worker threads. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.embedded(SparkSession.builder().appName("tessera-tests"), "local[2]")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
      SparkSessions.withFunctions(session);
    }
    return session;
  }
}
