package org.fld4j.io.array;

import java.util.Arrays;
import java.util.Objects;
import org.fld4j.io.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The images of an ND4J array in the layout the caller named ({@code [N, C, H, W]} unless told otherwise). */
final class NdArrayImages implements ImageArray {

    private final INDArray array;
    private final ArrayLayout layout;
    private final String name;
    private final ImageShape shape;

    NdArrayImages(INDArray array, ArrayLayout layout, String name) {
        this.array = Objects.requireNonNull(array, "array");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.name = Objects.requireNonNull(name, "name");
        long[] dims = array.shape();
        if (dims.length != layout.rank()) {
            throw new IllegalArgumentException("array shape " + Arrays.toString(dims) + " has " + dims.length
                    + " axes but layout " + layout + " needs " + layout.rank());
        }
        long[] chw = layout.chw(dims);
        if (dims[0] < 1 || dims[0] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array shape " + Arrays.toString(dims) + " holds no images");
        }
        this.shape = new ImageShape(Math.toIntExact(chw[0]), Math.toIntExact(chw[1]), Math.toIntExact(chw[2]));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        return "INDArray " + array.dataType();
    }

    @Override
    public int count() {
        return (int) array.size(0);
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int bitsPerSample() {
        return array.dataType().width() * 8;
    }

    @Override
    public boolean storesBytes() {
        return false; // whatever its data type, the values are checked against the declared range
    }

    @Override
    public void readBytes(int index, byte[] chw) {
        throw new UnsupportedOperationException("ND4J arrays are read as values");
    }

    @Override
    public void readValues(int index, double[] chw) {
        double[] values = array.slice(index).dup('c').reshape('c', new long[] {shape.sampleCount()}).toDoubleVector();
        LayoutReorder.toChw(layout, shape, values, chw);
    }
}
