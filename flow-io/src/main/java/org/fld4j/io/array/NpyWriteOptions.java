package org.fld4j.io.array;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * How an array is written to NPY or NPZ.
 *
 * @param dtype     element type. {@link NpyDtype#UINT8} requires every value to be an integer in 0..255; nothing is
 *                  rounded or clamped silently
 * @param order     byte order of float elements ({@link ByteOrder#LITTLE_ENDIAN} is what NumPy writes on every
 *                  common machine)
 * @param overwrite whether an existing file at the target may be replaced. Off by default, so that writing can never
 *                  silently destroy an input
 */
public record NpyWriteOptions(NpyDtype dtype, ByteOrder order, boolean overwrite) {

    /** Validates presence. */
    public NpyWriteOptions {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(order, "order");
    }

    /** {@code dtype}, little-endian, never overwriting. */
    public static NpyWriteOptions of(NpyDtype dtype) {
        return new NpyWriteOptions(dtype, ByteOrder.LITTLE_ENDIAN, false);
    }

    /** The same options with byte order {@code value}. */
    public NpyWriteOptions withOrder(ByteOrder value) {
        return new NpyWriteOptions(dtype, value, overwrite);
    }

    /** The same options, allowing an existing target to be replaced. */
    public NpyWriteOptions allowOverwrite() {
        return new NpyWriteOptions(dtype, order, true);
    }
}
