package org.fld4j.io.array;

import java.util.Objects;
import org.fld4j.io.ImageShape;

/** Images held as one {@code byte[]} per image, samples unsigned, each row laid out as named. */
final class ByteRowImages implements ByteImageArray {

    private final byte[][] rows;
    private final ImageShape shape;
    private final ArrayLayout layout;
    private final String name;

    ByteRowImages(byte[][] rows, ImageShape shape, ArrayLayout layout, String name) {
        this.rows = Objects.requireNonNull(rows, "rows").clone();
        this.shape = Objects.requireNonNull(shape, "shape");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.name = Objects.requireNonNull(name, "name");
        RowChecks.check(rows.length, shape, layout);
        for (int i = 0; i < rows.length; i++) {
            RowChecks.checkRow(i, rows[i] == null ? -1 : rows[i].length, shape);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        return "byte[][]";
    }

    @Override
    public int count() {
        return rows.length;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public void readBytes(int index, byte[] chw) {
        LayoutReorder.toChw(layout, shape, rows[index], chw);
    }
}
