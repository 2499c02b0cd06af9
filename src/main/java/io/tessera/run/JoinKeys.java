package io.tessera.run;

import java.util.List;
import scala.collection.immutable.Seq;

/** Column names as the Scala sequence that Dataset.join(other, usingColumns, type) takes. */
public final class JoinKeys {
  private JoinKeys() {}

  public static Seq<String> of(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
