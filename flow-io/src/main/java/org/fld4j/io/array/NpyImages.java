package org.fld4j.io.array;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.InputProblem;

/** The images of an NPY array, read with the layout the caller named. */
final class NpyImages implements ImageArray {

    private final NpyArray array;
    private final ArrayLayout layout;
    private final String name;
    private final int count;
    private final ImageShape shape;
    private final long[] strides; // element strides of the array's axes, C or Fortran order

    NpyImages(NpyArray array, ArrayLayout layout, String name) {
        this.array = Objects.requireNonNull(array, "array");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.name = Objects.requireNonNull(name, "name");
        NpyHeader h = array.header();
        long[] dims = h.shape();
        if (dims.length != layout.rank()) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape " + h.shapeText() + " has "
                    + dims.length + " axes but layout " + layout + " needs " + layout.rank());
        }
        long[] chw = layout.chw(dims);
        if (chw[0] != 1 && chw[0] != 3) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape " + h.shapeText()
                    + " read as " + layout + " gives " + chw[0] + " channels; only 1 or 3 are supported");
        }
        if (dims[0] < 1 || chw[1] < 1 || chw[2] < 1 || dims[0] > Integer.MAX_VALUE
                || chw[1] > Integer.MAX_VALUE || chw[2] > Integer.MAX_VALUE) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape " + h.shapeText()
                    + " read as " + layout + " has no images or an unusable size");
        }
        this.count = (int) dims[0];
        try {
            this.shape = new ImageShape((int) chw[0], (int) chw[1], (int) chw[2]);
        } catch (IllegalArgumentException e) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape " + h.shapeText()
                    + " read as " + layout + ": " + e.getMessage(), e);
        }
        this.strides = new long[dims.length];
        if (h.fortranOrder()) {
            long s = 1;
            for (int k = 0; k < dims.length; k++) {
                strides[k] = s;
                s *= dims[k];
            }
        } else {
            long s = 1;
            for (int k = dims.length - 1; k >= 0; k--) {
                strides[k] = s;
                s *= dims[k];
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        NpyHeader h = array.header();
        return "NPY " + h.dtype().name().toLowerCase(java.util.Locale.ROOT) + (h.fortranOrder() ? " (Fortran order)" : "");
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int bitsPerSample() {
        return array.header().dtype().itemSize() * 8;
    }

    @Override
    public boolean storesBytes() {
        return array.header().dtype() == NpyDtype.UINT8;
    }

    @Override
    public void readBytes(int index, byte[] chw) throws IOException {
        ByteBuffer data = fetch(index);
        long base = base(index);
        int i = 0;
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    chw[i++] = data.get((int) (element(index, c, y, x) - base));
                }
            }
        }
    }

    @Override
    public void readValues(int index, double[] chw) throws IOException {
        ByteBuffer data = fetch(index);
        long base = base(index);
        NpyDtype dtype = array.header().dtype();
        int item = dtype.itemSize();
        int i = 0;
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    int at = (int) (element(index, c, y, x) - base) * item;
                    chw[i++] = switch (dtype) {
                        case UINT8 -> data.get(at) & 0xFF;
                        case FLOAT32 -> data.getFloat(at);
                        case FLOAT64 -> data.getDouble(at);
                    };
                }
            }
        }
    }

    /** The flat element index of sample {@code (n, c, y, x)}. */
    private long element(long n, int c, int y, int x) {
        long[] axes = layout.axes(n, c, y, x);
        long e = 0;
        for (int k = 0; k < axes.length; k++) {
            e += axes[k] * strides[k];
        }
        return e;
    }

    /** The first element of the bytes {@link #fetch} returns for image {@code index}. */
    private long base(int index) {
        return array.header().fortranOrder() ? 0 : (long) index * shape.sampleCount();
    }

    /**
     * The bytes holding image {@code index}: in C order its own contiguous block; in Fortran order (where the
     * array already sits in memory) all the data.
     */
    private ByteBuffer fetch(int index) throws IOException {
        NpyHeader h = array.header();
        int item = h.dtype().itemSize();
        java.util.Optional<ByteBuffer> inMemory = array.dataInMemory();
        if (h.fortranOrder()) {
            // NpyArray.open keeps Fortran-order data in memory, so this never copies the whole array per image.
            return inMemory.orElseThrow().order(h.order());
        }
        int length = Math.multiplyExact(shape.sampleCount(), item);
        if (inMemory.isPresent()) {
            ByteBuffer all = inMemory.get();
            return all.position(Math.toIntExact(base(index) * item)).limit(Math.toIntExact(base(index) * item) + length)
                    .slice().order(h.order());
        }
        byte[] bytes = new byte[length];
        array.readElements(base(index), bytes, bytes.length);
        return ByteBuffer.wrap(bytes).order(h.order());
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(array.header().shape());
    }
}
