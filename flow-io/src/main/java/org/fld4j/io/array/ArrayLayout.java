package org.fld4j.io.array;

/**
 * How the axes of an image array are ordered. Always named by the caller: a {@code [N, 3, 32, 32]} and a
 * {@code [N, 32, 32, 3]} array could both be read either way without an error, so guessing would silently scramble
 * images.
 *
 * <p>For Java arrays that hold one image per row ({@code byte[][]}, {@code float[][]}) the {@code N} axis is the
 * outer array and the layout describes each row.
 */
public enum ArrayLayout {
    /** Images, rows, columns: grayscale. */
    NHW(3),
    /** Images, rows, columns, channels: the usual layout of NumPy image stacks. */
    NHWC(4),
    /** Images, channels, rows, columns: the layout of the flows' input. */
    NCHW(4);

    private final int rank;

    ArrayLayout(int rank) {
        this.rank = rank;
    }

    /** The number of axes including the image axis. */
    public int rank() {
        return rank;
    }

    /**
     * Splits a full shape (including the image axis) into channels, height and width.
     *
     * @return {@code {channels, height, width}}
     * @throws IllegalArgumentException if the rank is wrong; callers that know the file turn it into an input error
     */
    public long[] chw(long[] shape) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("layout " + this + " needs " + rank + " axes, shape has "
                    + shape.length);
        }
        return switch (this) {
            case NHW -> new long[] {1, shape[1], shape[2]};
            case NHWC -> new long[] {shape[3], shape[1], shape[2]};
            case NCHW -> new long[] {shape[1], shape[2], shape[3]};
        };
    }

    /**
     * The position, along the axes of this layout, of sample {@code (n, c, y, x)}.
     */
    public long[] axes(long n, long c, long y, long x) {
        return switch (this) {
            case NHW -> new long[] {n, y, x};
            case NHWC -> new long[] {n, y, x, c};
            case NCHW -> new long[] {n, c, y, x};
        };
    }
}
