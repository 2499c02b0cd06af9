package io.tessera.tables;

import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.connector.catalog.FunctionCatalog;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@link PatternFunctions} for Spark sessions that Tessera did not open: with the Tessera jar on
 * the classpath and {@code spark.sql.catalog.tessera=io.tessera.tables.PatternFunctionCatalog},
 * spark-sql and notebooks call {@code tessera.bits_count(bits)} and the rest (docs/tables.md).
 */
public final class PatternFunctionCatalog implements FunctionCatalog {
  private String name;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Identifier[] listFunctions(String[] namespace) {
    return namespace.length > 0 ? new Identifier[0]
        : PatternFunctions.ALL.keySet().stream().sorted().map(f -> Identifier.of(new String[0], f)).toArray(Identifier[]::new);
  }

  @Override
  public UnboundFunction loadFunction(Identifier ident) throws NoSuchFunctionException {
    UnboundFunction f = ident.namespace().length == 0 ? PatternFunctions.ALL.get(ident.name().toLowerCase(java.util.Locale.ROOT)) : null;
    if (f == null) {
      throw new NoSuchFunctionException(ident);
    }
    return f;
  }
}
