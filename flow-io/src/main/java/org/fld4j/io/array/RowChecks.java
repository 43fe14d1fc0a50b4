package org.fld4j.io.array;

import org.fld4j.io.ImageShape;

/** Checks that Java arrays with one image per row fit the shape and layout they are declared with. */
final class RowChecks {

    private RowChecks() {
    }

    static void check(int count, ImageShape shape, ArrayLayout layout) {
        if (count == 0) {
            throw new IllegalArgumentException("images must not be empty");
        }
        if (layout == ArrayLayout.NHW && shape.channels() != 1) {
            throw new IllegalArgumentException("layout NHW holds gray images, but shape " + shape + " has "
                    + shape.channels() + " channels");
        }
    }

    static void checkRow(int index, int length, ImageShape shape) {
        if (length < 0) {
            throw new IllegalArgumentException("image " + index + " is null");
        }
        if (length != shape.sampleCount()) {
            throw new IllegalArgumentException("image " + index + " has " + length + " samples, shape " + shape
                    + " needs " + shape.sampleCount());
        }
    }
}
