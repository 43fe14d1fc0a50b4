package org.fld4j.io.array;

import java.util.Objects;
import org.fld4j.io.ImageShape;

/** Images held as one {@code float[]} per image, each row laid out as named. */
final class FloatRowImages implements ImageArray {

    private final float[][] rows;
    private final ImageShape shape;
    private final ArrayLayout layout;
    private final String name;

    FloatRowImages(float[][] rows, ImageShape shape, ArrayLayout layout, String name) {
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
        return "float[][]";
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
    public int bitsPerSample() {
        return 32;
    }

    @Override
    public boolean storesBytes() {
        return false;
    }

    @Override
    public void readBytes(int index, byte[] chw) {
        throw new UnsupportedOperationException("float rows are read as values");
    }

    @Override
    public void readValues(int index, double[] chw) {
        float[] row = rows[index];
        double[] values = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            values[i] = row[i];
        }
        LayoutReorder.toChw(layout, shape, values, chw);
    }
}
