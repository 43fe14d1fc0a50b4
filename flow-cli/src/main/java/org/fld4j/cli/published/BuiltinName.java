package org.fld4j.cli.published;

import java.util.regex.Pattern;

/**
 * A built-in reference, {@code builtin:NAME}: the class-path resource {@code /org/fld4j/references/NAME.fld}
 * ({@link BuiltinReferences}).
 *
 * @param name lower-case letters, digits, dots, dashes and underscores, starting with a letter or digit, at most 64
 */
public record BuiltinName(String name) implements ReferenceLocation {

    /** What a built-in reference's name is written after. */
    public static final String PREFIX = "builtin:";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public BuiltinName {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + PREFIX + name + "' is not a built-in reference name (lower-case"
                    + " letters, digits, '.', '-' and '_', starting with a letter or digit, at most 64)");
        }
    }

    @Override
    public String text() {
        return PREFIX + name;
    }
}
