package io.tessera.run;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's {@code spark.hadoop.*} settings (credentials, endpoints), shipped to executors so
 * that model files on s3a:// or hdfs:// open there with the same settings.
 */
public final class HadoopConfSnapshot implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "spark.hadoop.";

  private final Map<String, String> entries;

  private HadoopConfSnapshot(Map<String, String> entries) {
    this.entries = entries;
  }

  public static HadoopConfSnapshot of(SparkSession spark) {
    Map<String, String> entries = new HashMap<>();
    for (var kv : spark.sparkContext().getConf().getAll()) {
      if (kv._1().startsWith(PREFIX)) {
        entries.put(kv._1().substring(PREFIX.length()), kv._2());
      }
    }
    return new HadoopConfSnapshot(entries);
  }

  public Configuration toConfiguration() {
    Configuration conf = new Configuration();
    entries.forEach(conf::set);
    return conf;
  }
}
