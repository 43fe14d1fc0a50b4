package org.fld4j.io.array;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The NPY element types that images can be read from and written as. Other NumPy types (integers wider than a byte,
 * booleans, strings, structured types) are refused with {@link org.fld4j.io.InputProblem#UNSUPPORTED_DTYPE}.
 */
public enum NpyDtype {
    /** Unsigned 8-bit: the samples themselves; NumPy's {@code |u1}. */
    UINT8('u', 1),
    /** IEEE 754 single precision; NumPy's {@code <f4} / {@code >f4}. */
    FLOAT32('f', 4),
    /** IEEE 754 double precision; NumPy's {@code <f8} / {@code >f8}. */
    FLOAT64('f', 8);

    private final char kind;
    private final int itemSize;

    NpyDtype(char kind, int itemSize) {
        this.kind = kind;
        this.itemSize = itemSize;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The NumPy {@code descr} string for this type in {@code order}; bytes have no order ({@code |u1}).
     */
    public String descr(ByteOrder order) {
        if (itemSize == 1) {
            return "|" + kind + itemSize;
        }
        return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
    }

    /** The type a {@code descr} string names, ignoring its byte-order character. */
    static Optional<NpyDtype> fromDescr(String descr) {
        if (descr.length() != 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            return Optional.empty();
        }
        String body = descr.substring(1);
        for (NpyDtype t : values()) {
            if (body.equals(String.valueOf(t.kind) + t.itemSize)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The byte order a {@code descr} string names; {@code |} and {@code =} (native) count as little-endian. */
    static ByteOrder orderOf(String descr) {
        return descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }
}
