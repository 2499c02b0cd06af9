package io.tessera;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;

/**
 * The snake_case keys a record is read from, its {@link JsonUnwrapped} blocks' keys included.
 * Jackson cannot tell an unknown key from one of an unwrapped block, so configs and model cards
 * check their keys against this set themselves.
 */
public final class RecordKeys {
  private RecordKeys() {}

  public static Set<String> of(Class<?> record) {
    Set<String> keys = new TreeSet<>();
    collect(record, keys);
    return keys;
  }

  private static void collect(Class<?> record, Set<String> keys) {
    for (RecordComponent component : record.getRecordComponents()) {
      Field field;
      try {
        field = record.getDeclaredField(component.getName());
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("record " + record + " has no field for its component " + component.getName(), e);
      }
      if (field.isAnnotationPresent(JsonUnwrapped.class)) {
        collect(component.getType(), keys);
      } else {
        keys.add(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName()));
      }
    }
  }
}
