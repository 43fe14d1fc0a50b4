package org.fld4j.cli.common;

import picocli.CommandLine;

/**
 * A picocli converter for an enum option, through {@link Enums#parse} (any case, dashes for underscores, an
 * error that lists the choices). picocli instantiates converters by class, so each option type has a one-line
 * subclass naming its enum and what the error calls it.
 */
public abstract class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {

    private final Class<E> type;
    private final String what;

    protected EnumConverter(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public E convert(String value) {
        return Enums.parse(type, value, what);
    }
}
