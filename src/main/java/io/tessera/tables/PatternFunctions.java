package io.tessera.tables;

import io.tessera.TesseraException;
import io.tessera.math.BitPatterns;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.ApplyFunctionExpression;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.ScalarFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * SQL functions over the packed bit vectors of the result tables (ARRAY&lt;BIGINT&gt;, unit k in bit
 * k % 64 of word k / 64; docs/tables.md, Bit vectors in SQL):
 * {@code bits_string(bits[, width])}, {@code bits_count(bits)}, {@code hamming(a, b)} and
 * {@code bit_at(bits, k)}. They are Spark's catalog functions (DataSource V2), so the same
 * objects serve Tessera's own sessions, where {@link #register} adds them as temporary functions,
 * and plain spark-sql, through {@link PatternFunctionCatalog}. A NULL argument gives NULL.
 */
public final class PatternFunctions {
  private static final DataType BITS = DataTypes.createArrayType(DataTypes.LongType);

  /** Each function by name, with its bound forms by argument count. */
  static final Map<String, Overloads> ALL = java.util.stream.Stream.of(
      new Overloads("bits_string", "the bits as a string of 0s and 1s, unit 0 first; with width, only the first width", List.of(
          new Scalar<>("bits_string", DataTypes.StringType, in -> UTF8String.fromString(BitPatterns.toBitString(words(in, 0, "bits_string"), -1)), BITS),
          new Scalar<>("bits_string", DataTypes.StringType, PatternFunctions::firstBits, BITS, DataTypes.IntegerType))),
      new Overloads("bits_count", "how many bits are 1", List.of(
          new Scalar<>("bits_count", DataTypes.IntegerType, in -> BitPatterns.popcount(words(in, 0, "bits_count")), BITS))),
      new Overloads("hamming", "how many bits differ between two bit vectors of the same length", List.of(
          new Scalar<>("hamming", DataTypes.IntegerType, PatternFunctions::hamming, BITS, BITS))),
      new Overloads("bit_at", "bit k (0-based unit index) as 0 or 1", List.of(
          new Scalar<>("bit_at", DataTypes.IntegerType, PatternFunctions::bitAt, BITS, DataTypes.IntegerType))))
      .collect(java.util.stream.Collectors.toUnmodifiableMap(Overloads::name, f -> f));

  private PatternFunctions() {}

  /** Adds every function to {@code spark}'s session as a temporary function. */
  public static void register(SparkSession spark) {
    for (Overloads f : ALL.values()) {
      scala.Function1<scala.collection.immutable.Seq<Expression>, Expression> builder =
          arguments -> new ApplyFunctionExpression(f.withArguments(arguments.size()), arguments);
      spark.sessionState().functionRegistry().createOrReplaceTempFunction(f.name(), builder, "java_udf");
    }
  }

  /** One function name and its forms, told apart by their argument count. */
  record Overloads(String name, String description, List<Scalar<?>> forms) implements UnboundFunction {
    ScalarFunction<?> withArguments(int count) {
      for (Scalar<?> form : forms) {
        if (form.inputTypes().length == count) {
          return form;
        }
      }
      throw new TesseraException(name + " takes " + forms.stream().map(f -> String.valueOf(f.inputTypes().length))
          .collect(java.util.stream.Collectors.joining(" or ")) + " arguments, got " + count + ": " + description);
    }

    @Override
    public BoundFunction bind(StructType inputType) {
      return withArguments(inputType.fields().length);
    }

    @Override
    public String description() {
      return name + ": " + description;
    }
  }

  /** The function's bits argument as words; a NULL word is refused, since the vector would be unreadable. */
  private static long[] words(InternalRow input, int ordinal, String function) {
    org.apache.spark.sql.catalyst.util.ArrayData array = input.getArray(ordinal);
    for (int i = 0; i < array.numElements(); i++) {
      if (array.isNullAt(i)) {
        throw new TesseraException(function + ": word " + i + " of the bit vector is NULL");
      }
    }
    return array.toLongArray();
  }

  private static boolean anyNull(InternalRow input, int arguments) {
    for (int i = 0; i < arguments; i++) {
      if (input.isNullAt(i)) {
        return true;
      }
    }
    return false;
  }

  private static UTF8String firstBits(InternalRow in) {
    long[] words = words(in, 0, "bits_string");
    int width = in.getInt(1);
    if (width < 0 || width > 64 * words.length) {
      throw new TesseraException("bits_string: width " + width + " is outside 0.." + 64 * words.length + " (the bits of " + words.length + " words)");
    }
    return UTF8String.fromString(BitPatterns.toBitString(words, width));
  }

  private static Integer hamming(InternalRow in) {
    long[] a = words(in, 0, "hamming");
    long[] b = words(in, 1, "hamming");
    if (a.length != b.length) {
      throw new TesseraException("hamming: bit vectors of " + a.length + " and " + b.length + " words; compare patterns of one network and layer");
    }
    return BitPatterns.hamming(a, b);
  }

  private static Integer bitAt(InternalRow in) {
    long[] words = words(in, 0, "bit_at");
    int k = in.getInt(1);
    if (k < 0 || k >= 64 * words.length) {
      throw new TesseraException("bit_at: unit " + k + " is outside 0.." + (64 * words.length - 1) + " (the bits of " + words.length + " words)");
    }
    return BitPatterns.get(words, k) ? 1 : 0;
  }

  /** A function's body on non-NULL arguments; serializable because executors receive it inside the plan. */
  private interface Body<R> extends java.io.Serializable {
    R apply(InternalRow input);
  }

  /**
   * One bound form: fixed argument types, NULL for any NULL argument. Spark accepts a catalog
   * function only if its own class declares produceResult, hence one concrete class with a body.
   */
  static final class Scalar<R> implements ScalarFunction<R> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final DataType result;
    private final Body<R> body;
    private final DataType[] inputs;

    Scalar(String name, DataType result, Body<R> body, DataType... inputs) {
      this.name = name;
      this.result = result;
      this.body = body;
      this.inputs = inputs;
    }

    @Override
    public R produceResult(InternalRow input) {
      return anyNull(input, inputs.length) ? null : body.apply(input);
    }

    @Override
    public DataType[] inputTypes() {
      return inputs.clone();
    }

    @Override
    public DataType resultType() {
      return result;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String canonicalName() {
      return "tessera." + name + "/" + inputs.length;
    }
  }
}
