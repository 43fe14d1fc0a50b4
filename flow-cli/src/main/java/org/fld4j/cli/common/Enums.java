package org.fld4j.cli.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Enum values on the command line, in any case, with dashes for underscores; errors list the choices. */
public final class Enums {

    private Enums() {
    }

    /** The constant of {@code type} named {@code value}; {@code what} names the option in the error. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String key = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a " + what + "; choose one of "
                + Arrays.stream(type.getEnumConstants()).map(Enums::cliName).collect(Collectors.joining(", ")));
    }

    /** How a constant is written on the command line: lower case, dashes. */
    public static String cliName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
