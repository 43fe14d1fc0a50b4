package org.fld4j.core.internal.kernel;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.fld4j.core.memory.BufferCache;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small tensor routines shared by layers, kept allocation-free through a {@link BufferCache}. */
public final class Tensors {

    /**
     * Whether arrays live in host memory that NIO can address directly (the CPU backend). Elsewhere
     * (CUDA) {@link #copy} falls back to ND4J's {@code assign}.
     */
    private static final boolean HOST_MEMORY = Nd4j.getBackend().getClass().getName().contains(".cpu.");

    private Tensors() {
    }

    /**
     * {@code to = from} for two matrices of the same shape and type, either of which may be a column
     * block of a wider matrix (a strided view). ND4J's {@code assign} walks such views element by
     * element with index arithmetic (about 2 ns a value, which was over a third of a dense coupling's
     * forward pass); here each row is one bulk copy.
     */
    public static void copy(INDArray from, INDArray to) {
        if (!java.util.Arrays.equals(from.shape(), to.shape())) {
            throw new IllegalArgumentException("cannot copy " + java.util.Arrays.toString(from.shape()) + " into "
                    + java.util.Arrays.toString(to.shape()));
        }
        DataType type = from.dataType();
        boolean rowCopies = HOST_MEMORY && from.rank() == 2 && type == to.dataType()
                && (type == DataType.FLOAT || type == DataType.DOUBLE)
                && unitColumns(from) && unitColumns(to)
                && from.data().length() <= Integer.MAX_VALUE && to.data().length() <= Integer.MAX_VALUE;
        if (!rowCopies) {
            to.assign(from);
            return;
        }
        copyRows(from, (int) from.offset(), (int) from.stride(0), to, (int) to.offset(), (int) to.stride(0),
                (int) from.size(0), (int) from.size(1));
    }

    /**
     * {@code rows} runs of {@code width} values, row r from {@code fromStart + r fromStride} of {@code from}'s buffer
     * to {@code toStart + r toStride} of {@code to}'s (float32 or float64, the same type, host memory).
     */
    private static void copyRows(INDArray from, int fromStart, int fromStride, INDArray to, int toStart, int toStride,
                                 int rows, int width) {
        if (from.dataType() == DataType.FLOAT) {
            FloatBuffer src = from.data().asNioFloat();
            FloatBuffer dst = to.data().asNioFloat();
            for (int r = 0; r < rows; r++) {
                dst.put(toStart + r * toStride, src, fromStart + r * fromStride, width);
            }
        } else {
            DoubleBuffer src = from.data().asNioDouble();
            DoubleBuffer dst = to.data().asNioDouble();
            for (int r = 0; r < rows; r++) {
                dst.put(toStart + r * toStride, src, fromStart + r * fromStride, width);
            }
        }
        // The NIO views do not keep the arrays' native memory alive.
        Reference.reachabilityFence(from);
        Reference.reachabilityFence(to);
    }

    /** A C-ordered matrix whose values within a row are adjacent (one row is then one bulk copy). */
    private static boolean unitColumns(INDArray m) {
        return m.ordering() == 'c' && (m.size(1) == 1 || m.stride(1) == 1) && m.stride(0) >= m.size(1);
    }

    /**
     * Sums each sample of {@code x} ([N, ...]) over all non-batch dimensions into the DOUBLE vector
     * {@code out} (length N). The sum runs in double even for float32 input, so that log-likelihoods
     * are accumulated in double as fld4j promises.
     */
    public static INDArray sumPerSample(INDArray x, INDArray out, BufferCache buffers, String scratchName) {
        if (sumsInJava(x, out)) {
            return sumRowsInJava(x, out);
        }
        INDArray source = x;
        if (x.dataType() != DataType.DOUBLE) {
            source = buffers.get(scratchName, DataType.DOUBLE, x.shape());
            source.assign(x);
        }
        int[] dims = new int[source.rank() - 1];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i + 1;
        }
        Nd4j.exec(new Sum(source, out, dims));
        return out;
    }

    /** Rows of up to this many values are summed in Java (one heap copy of a sample each). */
    private static final long MAX_JAVA_ROW = 1 << 20;

    private static boolean sumsInJava(INDArray x, INDArray out) {
        DataType type = x.dataType();
        long n = x.size(0);
        return HOST_MEMORY && (type == DataType.FLOAT || type == DataType.DOUBLE) && out.dataType() == DataType.DOUBLE
                && n > 0 && out.length() == n && isContiguous(x) && isContiguous(out) && x.length() / n <= MAX_JAVA_ROW
                && x.offset() + x.length() <= Integer.MAX_VALUE && out.offset() + n <= Integer.MAX_VALUE;
    }

    private static final ThreadLocal<double[]> SAMPLE = ThreadLocal.withInitial(() -> new double[0]);

    /**
     * Each sample's values added one after another in double, first to last: the order of libnd4j's
     * {@code Sum} along the sample dimensions, so the sums agree to the last bit (TensorsTest checks it).
     * Done here because the op and its float-to-double copy were two native calls, with their shape
     * buffers, per layer and pass (about 2% of a dense flow's scoring pass).
     */
    private static INDArray sumRowsInJava(INDArray x, INDArray out) {
        int n = (int) x.size(0);
        int length = (int) (x.length() / n);
        int offset = (int) x.offset();
        double[] sums = new double[n];
        if (x.dataType() == DataType.FLOAT) {
            float[] row = floatRow(length);
            FloatBuffer values = x.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                values.get(offset + i * length, row, 0, length);
                double sum = 0;
                for (int j = 0; j < length; j++) {
                    sum += row[j];
                }
                sums[i] = sum;
            }
        } else {
            double[] row = SAMPLE.get();
            if (row.length < length) {
                row = new double[length];
                SAMPLE.set(row);
            }
            DoubleBuffer values = x.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                values.get(offset + i * length, row, 0, length);
                double sum = 0;
                for (int j = 0; j < length; j++) {
                    sum += row[j];
                }
                sums[i] = sum;
            }
        }
        out.data().asNioDouble().put((int) out.offset(), sums);
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(out);
        return out;
    }

    /** The calling thread's float row of at least {@code length} values (shared with {@link #sumOverBatch}). */
    private static float[] floatRow(int length) {
        float[] row = ROW.get();
        if (row.length < length) {
            row = new float[length];
            ROW.set(row);
        }
        return row;
    }

    /**
     * {@code to[:, toColumn : toColumn + columns] = from[:, fromColumn : fromColumn + columns]} for two
     * contiguous matrices with as many rows, without views: ND4J allocates a native shape buffer for every
     * view, and the column blocks of a dense coupling were five views per layer and pass. Other arrays go
     * through views and {@link #copy}.
     */
    public static void copyColumns(INDArray from, long fromColumn, INDArray to, long toColumn, long columns) {
        DataType type = from.dataType();
        boolean rowCopies = HOST_MEMORY && from.rank() == 2 && to.rank() == 2 && type == to.dataType()
                && (type == DataType.FLOAT || type == DataType.DOUBLE) && from.size(0) == to.size(0)
                && isContiguous(from) && isContiguous(to)
                && from.offset() + from.length() <= Integer.MAX_VALUE && to.offset() + to.length() <= Integer.MAX_VALUE;
        if (!rowCopies) {
            copy(from.get(NDArrayIndex.all(), NDArrayIndex.interval(fromColumn, fromColumn + columns)),
                    to.get(NDArrayIndex.all(), NDArrayIndex.interval(toColumn, toColumn + columns)));
            return;
        }
        if (fromColumn < 0 || toColumn < 0 || columns < 0 || fromColumn + columns > from.size(1)
                || toColumn + columns > to.size(1)) {
            throw new IllegalArgumentException("columns " + fromColumn + ".." + (fromColumn + columns) + " of "
                    + java.util.Arrays.toString(from.shape()) + " do not fit columns " + toColumn + ".."
                    + (toColumn + columns) + " of " + java.util.Arrays.toString(to.shape()));
        }
        copyRows(from, (int) (from.offset() + fromColumn), (int) from.size(1), to, (int) (to.offset() + toColumn),
                (int) to.size(1), (int) from.size(0), (int) columns);
    }

    /** C order with the default strides of its shape: its values are one run of its buffer. */
    public static boolean isContiguous(INDArray a) {
        return a.ordering() == 'c' && java.util.Arrays.equals(a.stride(), org.nd4j.common.util.ArrayUtil.calcStrides(a.shape()));
    }

    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * Column sums of a matrix {@code x} [N, D] into {@code out} [D] (same type as x). A contiguous float32
     * matrix of up to 4 million values is summed in Java, row after row (libnd4j's reduction along
     * dimension 0 took about 62 µs for 256 x 256 values, a copy and a vectorised loop about 10 µs).
     */
    public static INDArray sumOverBatch(INDArray x, INDArray out) {
        if (x.dataType() == DataType.FLOAT && out.dataType() == DataType.FLOAT && x.rank() == 2 && isContiguous(x)
                && isContiguous(out) && out.length() == x.size(1) && x.length() <= 1 << 22
                && x.offset() + x.length() <= Integer.MAX_VALUE && out.offset() + out.length() <= Integer.MAX_VALUE) {
            int rows = (int) x.size(0);
            int columns = (int) x.size(1);
            FloatBuffer values = x.data().asNioFloat();
            float[] row = floatRow(columns);
            float[] sums = new float[columns];
            for (int r = 0; r < rows; r++) {
                // One row at a time into its own array: the JIT vectorises the loop only when both arrays
                // are indexed alike.
                values.get((int) x.offset() + r * columns, row, 0, columns);
                for (int c = 0; c < columns; c++) {
                    sums[c] += row[c];
                }
            }
            out.data().asNioFloat().put((int) out.offset(), sums);
            Reference.reachabilityFence(x);
            return out;
        }
        Nd4j.exec(new Sum(x, out, 0));
        return out;
    }

    /**
     * The samples at {@code indices} of a batch {@code [N, ...]}, in that order, as a new array that
     * owns its buffer (so that {@link org.fld4j.core.memory.NativeMemory#close} can free it; a reshaped result would not).
     */
    public static INDArray rows(INDArray x, int[] indices) {
        long[] shape = x.shape().clone();
        long sampleSize = x.length() / shape[0];
        shape[0] = indices.length;
        INDArray out = Nd4j.create(x.dataType(), shape, 'c');
        Nd4j.pullRows(x.reshape('c', x.size(0), sampleSize), out.reshape('c', indices.length, sampleSize), 1, indices);
        return out;
    }

    /** Number of values in one sample of the given per-sample shape. */
    public static long sampleSize(long[] sampleShape) {
        long n = 1;
        for (long s : sampleShape) {
            n *= s;
        }
        return n;
    }

    /** {@code [n, sampleShape...]}. */
    public static long[] batchShape(long n, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }
}
