package io.tessera;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the enums of configs and commands are spelled: lower case, '-' for '_' (e.g. {@code swiss-roll-3d}). */
public final class EnumNames {
  private EnumNames() {}

  /** The constant of {@code type} that {@code name} spells, or an error that says which {@code what} is unknown and lists the known ones. */
  public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
    String spelled = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E constant : type.getEnumConstants()) {
      if (display(constant).equals(spelled)) {
        return constant;
      }
    }
    String known = Arrays.stream(type.getEnumConstants()).map(EnumNames::display).collect(Collectors.joining(", "));
    throw new TesseraException("unknown " + what + " '" + name + "'; known: " + known);
  }

  public static String display(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
