package org.fld4j.core.kernel;


import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fld4j.core.kernel.FloatMath;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The elementwise work of the gated network's float32 path, each chain fused into one pass over the
 * tensors: ConcatELU (forward and backward), the gate {@code x + (val + b) sigmoid(gate + b')} with the
 * 1x1 convolution's bias (forward and backward), and the LayerNorm over channels (forward and backward).
 *
 * <p>Why in Java: each of these chains was 2 to 12 ND4J ops, every one a full pass over a
 * {@code [c, N*H*W]} tensor (several MB at 28x28) with a fixed cost on top, and libnd4j's exponentials
 * are slow on these natives. Here the tensors are walked in chunks of pixels: each chunk of every operand
 * row is copied into a heap array (bulk copies), the whole chain runs on those with loops that the JIT
 * vectorises, and the results are copied back; the chunks are split over ND4J's thread count. A chunk's
 * arrays stay in the core's cache, so a chain costs about one read of its inputs and one write of its
 * outputs. Every operand row gets its own heap array and every inner loop indexes all its arrays alike,
 * and loop bodies stay short: two rows of one array at different offsets, or a long body, kept C2
 * (JDK 17) from vectorising a loop, which then ran 5-7x slower. The exponential is
 * {@link FloatMath#negativeExpm1}. Sums over pixels that become parameter gradients stay matrix products with a
 * column of ones.
 *
 * <p>Operands are float32 planar row blocks {@code [rows, N*H*W]} with contiguous rows (the layout of
 * {@link Planar#rows}) or contiguous NCHW arrays (the 3x3 convolutions' layout, see
 * the conditioners' shared convolution data). The float64 path keeps ND4J's ops: it is the one checked against
 * finite differences, and the float32 kernels are tested against it.
 */
public final class FloatKernels {

    /** Floats per chunk over all operand rows: about 1 MB, the size of a core's L2 cache. */
    private static final int CHUNK_FLOATS = 1 << 18;
    private static final int MIN_CHUNK = 256;
    private static final int MAX_CHUNK = 8192;
    /** Below this many floats read and written, a second thread costs more than it saves. */
    private static final long MIN_FLOATS_PER_THREAD = 1 << 18;

    /** Heap rows of the calling thread, per slot, grown on demand and reused by every call. */
    private static final ThreadLocal<float[][][]> HEAP = ThreadLocal.withInitial(() -> new float[8][][]);

    private FloatKernels() {
    }

    /** Whether the kernels apply to tensors of this type (float32 only). */
    public static boolean supports(DataType type) {
        return type == DataType.FLOAT;
    }

    /** Pixels per chunk for operands of {@code rows} rows in all. */
    private static int chunk(long rows) {
        long c = Long.highestOneBit(Math.max(1, CHUNK_FLOATS / Math.max(1, rows)));
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, c));
    }

    /** {@code rows} heap rows of at least {@code length} floats in slot {@code slot}. */
    private static float[][] heap(int slot, int rows, int length) {
        float[][][] slots = HEAP.get();
        float[][] arrays = slots[slot];
        if (arrays == null || arrays.length < rows || arrays[0].length < length) {
            arrays = new float[Math.max(rows, arrays == null ? 0 : arrays.length)][length];
            slots[slot] = arrays;
        }
        return arrays;
    }

    /** One chunk's work: pixels {@code [from, from + length)}. Runs on the calling thread or a kernel thread. */
    @FunctionalInterface
    private interface ChunkWork {
        void run(int from, int length);
    }

    /**
     * Runs {@code work} over the chunks of {@code [0, pixels)}, split into contiguous ranges over
     * ND4J's thread count (one range runs on the caller). These passes are bound by memory bandwidth,
     * and on the machines measured one core could not draw as much as two.
     */
    private static void forEachChunk(int pixels, int chunk, long floats, ChunkWork work) {
        int chunks = (pixels + chunk - 1) / chunk;
        int parts = (int) Math.min(Math.min(chunks, Nd4j.getEnvironment().maxThreads()),
                Math.max(1, floats / MIN_FLOATS_PER_THREAD));
        if (parts <= 1) {
            runChunks(0, chunks, pixels, chunk, work);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int first = (int) ((long) chunks * t / parts);
            int last = (int) ((long) chunks * (t + 1) / parts);
            others[t - 1] = Pool.EXECUTOR.submit(() -> runChunks(first, last, pixels, chunk, work));
        }
        runChunks(0, (int) ((long) chunks / parts), pixels, chunk, work);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel thread", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static void runChunks(int first, int last, int pixels, int chunk, ChunkWork work) {
        for (int i = first; i < last; i++) {
            int from = i * chunk;
            work.run(from, Math.min(chunk, pixels - from));
        }
    }

    /** The kernel threads, created on first use: daemons, so that they never keep a JVM alive. */
    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "fld4j-kernel-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
    }

    /**
     * A float32 operand as rows of pixels: a planar row block {@code [rows, P]} with contiguous rows,
     * or a contiguous NCHW array {@code [N, rows, H, W]} (the convolutions' layout), whose row r is
     * then N pieces of H*W values, one per image.
     */
    private record Rows(FloatBuffer buffer, int offset, int rowStride, int plane, int imageStride, int rows) {

        static Rows of(INDArray a, long pixels, String what) {
            boolean planar = a.rank() == 2 && a.size(1) == pixels && a.stride(1) == 1;
            boolean nchw = a.rank() == 4 && a.size(0) * a.size(2) * a.size(3) == pixels
                    && a.stride(3) == 1 && a.stride(2) == a.size(3) && a.stride(1) == a.size(2) * a.size(3)
                    && a.stride(0) == a.size(1) * a.stride(1);
            if (a.dataType() != DataType.FLOAT || !(planar || nchw) || a.offset() + a.length() > Integer.MAX_VALUE
                    || planar && a.offset() + (a.size(0) - 1) * a.stride(0) + pixels > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected a float32 row block [rows, " + pixels
                        + "] or a contiguous NCHW array of " + pixels + " pixels for " + what + ", got " + a.dataType()
                        + " " + Arrays.toString(a.shape()) + " strides " + Arrays.toString(a.stride()));
            }
            FloatBuffer buffer = a.data().asNioFloat();
            if (planar) {
                return new Rows(buffer, (int) a.offset(), (int) a.stride(0), (int) pixels, 0, (int) a.size(0));
            }
            return new Rows(buffer, (int) a.offset(), (int) a.stride(1), (int) (a.size(2) * a.size(3)),
                    (int) a.stride(0), (int) a.size(1));
        }

        /** Copies pixels {@code [from, from + length)} of every row r into {@code to[r]}. */
        void read(int from, int length, float[][] to) {
            for (int r = 0; r < rows; r++) {
                int base = offset + r * rowStride;
                for (int p = from; p < from + length; ) {
                    int image = p / plane;
                    int within = p - image * plane;
                    int run = Math.min(plane - within, from + length - p);
                    buffer.get(base + image * imageStride + within, to[r], p - from, run);
                    p += run;
                }
            }
        }

        void write(int from, int length, float[][] values) {
            for (int r = 0; r < rows; r++) {
                int base = offset + r * rowStride;
                for (int p = from; p < from + length; ) {
                    int image = p / plane;
                    int within = p - image * plane;
                    int run = Math.min(plane - within, from + length - p);
                    buffer.put(base + image * imageStride + within, values[r], p - from, run);
                    p += run;
                }
            }
        }
    }

    /** N*H*W of a planar {@code [rows, N*H*W]} or an NCHW operand. */
    private static int pixels(INDArray a) {
        return Math.toIntExact(a.rank() == 4 ? a.size(0) * a.size(2) * a.size(3) : a.size(1));
    }

    private static float[] vector(INDArray v, int length) {
        if (v.length() != length) {
            throw new IllegalArgumentException("expected " + length + " values, got " + v.length());
        }
        float[] out = new float[length];
        if (v.dataType() == DataType.FLOAT && (length == 1 || v.elementWiseStride() == 1)) {
            v.data().asNioFloat().get((int) v.offset(), out, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = v.getFloat(i);
            }
        }
        return out;
    }

    /**
     * ConcatELU forward: {@code out = [ELU(x), ELU(-x)]} ({@code [2c, P]} from {@code x [c, P]}), as
     * {@code m = expm1(-|x|)}, {@code ELU(x) = max(x, m)}, {@code ELU(-x) = max(-x, m)}.
     */
    public static void eluForward(INDArray x, INDArray out) {
        int p = pixels(x);
        Rows xr = Rows.of(x, p, "x");
        Rows o = Rows.of(out, p, "out");
        int c = xr.rows();
        if (o.rows() != 2 * c) {
            throw new IllegalArgumentException("ConcatELU of " + c + " channels needs " + 2 * c + " output rows, got " + o.rows());
        }
        int chunk = chunk(3L * c + 1);
        forEachChunk(p, chunk, 3L * c * p, (from, n) -> {
            float[][] xh = heap(0, c, chunk);
            float[][] oh = heap(1, 2 * c, chunk);
            float[] m = heap(2, 1, chunk)[0];
            float[][] work = heap(3, 3, chunk);
            xr.read(from, n, xh);
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                float[] pos = oh[r];
                float[] neg = oh[r + c];
                for (int j = 0; j < n; j++) {
                    pos[j] = -Math.abs(row[j]);
                }
                FloatMath.negativeExpm1(pos, m, null, FloatMath.EXPM1_FLOOR, work, n);
                for (int j = 0; j < n; j++) {
                    pos[j] = Math.max(row[j], m[j]);
                    neg[j] = Math.max(-row[j], m[j]);
                }
            }
            o.write(from, n, oh);
        });
    }

    /**
     * The gate of a gated block, from the 1x1 convolution's output before its bias: {@code val} and
     * {@code gate} (c rows each) plus {@code bias} ({@code 2c} values, val's first). Writes
     * {@code s = sigmoid(gate + bias)} (kept for the backward pass) and {@code out = x + (val + bias) s}.
     * The sigmoid is {@code 1 / (1 + e)} for a positive argument and {@code e / (1 + e)} otherwise,
     * with {@code e = exp(-|argument|)}, so that it never overflows.
     */
    public static void gateForward(INDArray val, INDArray gate, INDArray bias, INDArray x, INDArray sigmoid, INDArray out) {
        int p = pixels(out);
        Rows v = Rows.of(val, p, "val");
        Rows gr = Rows.of(gate, p, "gate");
        Rows xr = Rows.of(x, p, "x");
        Rows s = Rows.of(sigmoid, p, "sigmoid");
        Rows o = Rows.of(out, p, "out");
        int c = o.rows();
        float[] biases = vector(bias, 2 * c);
        int chunk = chunk(5L * c + 2);
        forEachChunk(p, chunk, 5L * c * p, (from, n) -> {
            float[][] vh = heap(0, c, chunk);
            float[][] gh = heap(1, c, chunk);
            float[][] xh = heap(2, c, chunk);
            float[][] tmp = heap(3, 2, chunk);
            float[] m = tmp[0];
            float[] e = tmp[1];
            float[][] work = heap(4, 3, chunk);
            v.read(from, n, vh);
            gr.read(from, n, gh);
            xr.read(from, n, xh);
            for (int r = 0; r < c; r++) {
                float[] gateRow = gh[r];
                float[] valRow = vh[r];
                float[] y = xh[r];
                float valBias = biases[r];
                float gateBias = biases[c + r];
                for (int j = 0; j < n; j++) {
                    gateRow[j] += gateBias;
                    m[j] = -Math.abs(gateRow[j]);
                }
                FloatMath.negativeExpm1(m, m, e, FloatMath.EXP_FLOOR, work, n);
                // Separate short loops, each vectorised (see FloatMath). The numerator is 1 for a
                // positive argument and e otherwise (at 0 both give 1/2).
                for (int j = 0; j < n; j++) {
                    m[j] = Math.min(1f, e[j] + Math.max(gateRow[j] * 0x1p100f, 0f));
                }
                for (int j = 0; j < n; j++) {
                    gateRow[j] = m[j] / (1f + e[j]);
                }
                for (int j = 0; j < n; j++) {
                    y[j] += (valRow[j] + valBias) * gateRow[j];
                }
            }
            s.write(from, n, gh);
            o.write(from, n, xh);
        });
    }

    /**
     * ConcatELU backward from the kept output {@code e = [ELU(x), ELU(-x)]} ({@code [2c, P]}):
     * {@code gradInput = gp (1 + min(e+, 0)) - gn (1 + min(e-, 0)) (+ addend)}, with {@code gp, gn}
     * the two halves of {@code gradOutput}. {@code addend} may be null.
     */
    public static void eluBackward(INDArray gradOutput, INDArray output, INDArray addend, INDArray gradInput) {
        int p = pixels(gradInput);
        Rows g = Rows.of(gradOutput, p, "gradOutput");
        Rows e = Rows.of(output, p, "output");
        Rows a = addend == null ? null : Rows.of(addend, p, "addend");
        Rows in = Rows.of(gradInput, p, "gradInput");
        int c = in.rows();
        int chunk = chunk(6L * c);
        forEachChunk(p, chunk, (6L * c) * p, (from, n) -> {
            float[][] gh = heap(0, 2 * c, chunk);
            float[][] eh = heap(1, 2 * c, chunk);
            float[][] out = heap(2, c, chunk);
            g.read(from, n, gh);
            e.read(from, n, eh);
            if (a != null) {
                a.read(from, n, out);
            }
            for (int r = 0; r < c; r++) {
                float[] gp = gh[r];
                float[] gn = gh[r + c];
                float[] ep = eh[r];
                float[] en = eh[r + c];
                float[] o = out[r];
                if (a == null) {
                    for (int j = 0; j < n; j++) {
                        o[j] = gp[j] * (1f + Math.min(ep[j], 0f)) - gn[j] * (1f + Math.min(en[j], 0f));
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        o[j] += gp[j] * (1f + Math.min(ep[j], 0f)) - gn[j] * (1f + Math.min(en[j], 0f));
                    }
                }
            }
            in.write(from, n, out);
        });
    }

    /**
     * The gate's backward for {@code y = x + (val + b) s}, {@code s = sigmoid(gate + b')} ({@code val}
     * before its bias, as {@link #gateForward} takes it): {@code gradVal = g s} and
     * {@code gradGate = g (val + b) s (1 - s)} (the residual path is its caller's).
     */
    public static void gateBackward(INDArray gradOutput, INDArray sigmoid, INDArray val, INDArray bias, INDArray gradVal,
                             INDArray gradGate) {
        int p = pixels(gradOutput);
        Rows g = Rows.of(gradOutput, p, "gradOutput");
        Rows s = Rows.of(sigmoid, p, "sigmoid");
        Rows v = Rows.of(val, p, "val");
        Rows gv = Rows.of(gradVal, p, "gradVal");
        Rows gg = Rows.of(gradGate, p, "gradGate");
        int c = g.rows();
        float[] biases = vector(bias, 2 * c);
        int chunk = chunk(5L * c);
        forEachChunk(p, chunk, (5L * c) * p, (from, n) -> {
            float[][] gh = heap(0, c, chunk);
            float[][] sh = heap(1, c, chunk);
            float[][] vh = heap(2, c, chunk);
            g.read(from, n, gh);
            s.read(from, n, sh);
            v.read(from, n, vh);
            for (int r = 0; r < c; r++) {
                float[] gr = gh[r];
                float[] sr = sh[r];
                float[] vr = vh[r];
                float valBias = biases[r];
                for (int j = 0; j < n; j++) {
                    float gs = gr[j] * sr[j];
                    // val's row now holds the gate's gradient, sigmoid's the value's.
                    vr[j] = gs * (vr[j] + valBias) * (1f - sr[j]);
                    sr[j] = gs;
                }
            }
            gv.write(from, n, sh);
            gg.write(from, n, vh);
        });
    }

    /**
     * LayerNorm over the channels of each pixel: writes {@code normalized = (x - mean) rstd},
     * {@code rstd = 1 / sqrt(var + eps)} (biased variance, {@code [1, P]}) and
     * {@code out = normalized gamma + beta}.
     */
    public static void layerNormForward(INDArray x, INDArray gamma, INDArray beta, float eps, INDArray normalized,
                                 INDArray rstd, INDArray out) {
        int p = pixels(x);
        Rows xr = Rows.of(x, p, "x");
        Rows nr = Rows.of(normalized, p, "normalized");
        Rows rr = Rows.of(rstd, p, "rstd");
        Rows o = Rows.of(out, p, "out");
        int c = xr.rows();
        float[] gammas = vector(gamma, c);
        float[] betas = vector(beta, c);
        float inverseC = 1f / c;
        int chunk = chunk(3L * c + 2);
        forEachChunk(p, chunk, (3L * c + 2) * p, (from, n) -> {
            float[][] xh = heap(0, c, chunk);
            float[][] oh = heap(1, c, chunk);
            float[][] stats = heap(2, 2, chunk);
            float[] mean = stats[0];
            float[] scale = stats[1];
            xr.read(from, n, xh);
            Arrays.fill(mean, 0, n, 0f);
            Arrays.fill(scale, 0, n, 0f);
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                for (int j = 0; j < n; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < n; j++) {
                mean[j] *= inverseC;
            }
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                for (int j = 0; j < n; j++) {
                    float d = row[j] - mean[j];
                    scale[j] += d * d;
                }
            }
            for (int j = 0; j < n; j++) {
                scale[j] = 1f / (float) Math.sqrt(scale[j] * inverseC + eps);
            }
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                float[] y = oh[r];
                float gm = gammas[r];
                float bt = betas[r];
                for (int j = 0; j < n; j++) {
                    float normal = (row[j] - mean[j]) * scale[j];
                    row[j] = normal;
                    y[j] = normal * gm + bt;
                }
            }
            nr.write(from, n, xh);
            o.write(from, n, oh);
            rr.write(from, n, new float[][] {scale});
        });
    }

    /**
     * LayerNorm backward: with {@code xh} the normalised input and {@code gh = g gamma}, writes
     * {@code gradInput = rstd (gh - mean_c(gh) - xh mean_c(gh xh))} and {@code product = g xh}, whose
     * sums over the pixels are the gamma gradient (the caller sums them).
     */
    public static void layerNormBackward(INDArray gradOutput, INDArray normalized, INDArray rstd, INDArray gamma,
                                  INDArray product, INDArray gradInput) {
        int p = pixels(gradOutput);
        Rows g = Rows.of(gradOutput, p, "gradOutput");
        Rows nr = Rows.of(normalized, p, "normalized");
        Rows rr = Rows.of(rstd, p, "rstd");
        Rows pr = Rows.of(product, p, "product");
        Rows in = Rows.of(gradInput, p, "gradInput");
        int c = g.rows();
        float[] gammas = vector(gamma, c);
        float inverseC = 1f / c;
        int chunk = chunk(4L * c + 3);
        forEachChunk(p, chunk, (4L * c + 3) * p, (from, n) -> {
            float[][] gh = heap(0, c, chunk);
            float[][] xh = heap(1, c, chunk);
            float[][] ph = heap(2, c, chunk);
            float[][] stats = heap(3, 3, chunk);
            float[] scale = stats[0];
            float[] meanGrad = stats[1];
            float[] meanProduct = stats[2];
            g.read(from, n, gh);
            nr.read(from, n, xh);
            rr.read(from, n, stats);
            Arrays.fill(meanGrad, 0, n, 0f);
            Arrays.fill(meanProduct, 0, n, 0f);
            for (int r = 0; r < c; r++) {
                float[] gradRow = gh[r];
                float[] normalRow = xh[r];
                float[] productRow = ph[r];
                float gm = gammas[r];
                for (int j = 0; j < n; j++) {
                    float gx = gradRow[j] * normalRow[j];
                    productRow[j] = gx;
                    meanGrad[j] += gradRow[j] * gm;
                    meanProduct[j] += gx * gm;
                }
            }
            for (int j = 0; j < n; j++) {
                meanGrad[j] *= inverseC;
                meanProduct[j] *= inverseC;
            }
            pr.write(from, n, ph);
            for (int r = 0; r < c; r++) {
                float[] gradRow = gh[r];
                float[] normalRow = xh[r];
                float gm = gammas[r];
                for (int j = 0; j < n; j++) {
                    gradRow[j] = scale[j] * (gradRow[j] * gm - meanGrad[j] - normalRow[j] * meanProduct[j]);
                }
            }
            in.write(from, n, gh);
        });
    }
}
