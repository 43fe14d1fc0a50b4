package org.fld4j.io.array;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.fld4j.io.ImageShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The images of an ND4J array in the layout the caller named ({@code [N, C, H, W]} unless told otherwise). */
final class NdArrayImages implements ImageArray {

    private final INDArray array;
    private final ArrayLayout layout;
    private final String name;
    private final ImageShape shape;
    private final boolean readsInPlace;

    NdArrayImages(INDArray array, ArrayLayout layout, String name) {
        Objects.requireNonNull(array, "array");
        // A strided view (every other column, say) is copied once into one run: ND4J's slices of such views
        // lost their shape, and one run lets every image be read in place.
        this.array = contiguous(array) ? array : array.dup('c');
        // Every image is then one run of the buffer: NCHW floats or doubles are read from it in place.
        DataType type = this.array.dataType();
        this.readsInPlace = layout == ArrayLayout.NCHW && (type == DataType.FLOAT || type == DataType.DOUBLE)
                && this.array.offset() + this.array.length() <= Integer.MAX_VALUE;
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


    /** C-order strides with nothing skipped: the array is one run of its buffer. */
    private static boolean contiguous(INDArray array) {
        long expected = 1;
        for (int axis = array.rank() - 1; axis >= 0; axis--) {
            if (array.size(axis) > 1 && array.stride(axis) != expected) {
                return false;
            }
            expected *= array.size(axis);
        }
        return true;
    }

    @Override
    public void readBytes(int index, byte[] chw) {
        throw new UnsupportedOperationException("ND4J arrays are read as values");
    }

    @Override
    public void readValues(int index, double[] chw) {
        if (readsInPlace) {
            // The fast path for a contiguous NCHW array of floats or doubles: the image's values are one run of
            // the buffer, read straight into chw, with no slice, copy or reshape per image.
            int n = chw.length;
            long start = array.offset() + (long) index * n;
            if (array.dataType() == DataType.FLOAT) {
                FloatBuffer run = array.data().asNioFloat();
                int from = Math.toIntExact(start);
                for (int i = 0; i < n; i++) {
                    chw[i] = run.get(from + i);
                }
            } else {
                array.data().asNioDouble().get(Math.toIntExact(start), chw, 0, n);
            }
            return;
        }
        double[] values = array.slice(index).dup('c').reshape('c', new long[] {shape.sampleCount()}).toDoubleVector();
        LayoutReorder.toChw(layout, shape, values, chw);
    }
}
