package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gate {@code x + (val + b) sigmoid(gate + b')} of the gated network's float32 path with the 1x1
 * convolution's bias, forward and backward, each one pass over its operands (see {@link FloatKernels}).
 */
public final class GateKernels {

    private GateKernels() {
    }

    /**
     * The gate of a gated block, from the 1x1 convolution's output before its bias: {@code val} and
     * {@code gate} (c rows each) plus {@code bias} ({@code 2c} values, val's first). Writes
     * {@code s = sigmoid(gate + bias)} (kept for the backward pass) and {@code out = x + (val + bias) s}.
     * The sigmoid is {@code 1 / (1 + e)} for a positive argument and {@code e / (1 + e)} otherwise,
     * with {@code e = exp(-|argument|)}, so that it never overflows.
     */
    public static void forward(INDArray val, INDArray gate, INDArray bias, INDArray x, INDArray sigmoid, INDArray out) {
        int p = PixelRows.pixels(out);
        PixelRows v = PixelRows.of(val, p, "val");
        PixelRows gr = PixelRows.of(gate, p, "gate");
        PixelRows xr = PixelRows.of(x, p, "x");
        PixelRows s = PixelRows.of(sigmoid, p, "sigmoid");
        PixelRows o = PixelRows.of(out, p, "out");
        int c = o.rows();
        float[] biases = PixelRows.vector(bias, 2 * c);
        if (v.pixelMajor() && gr.pixelMajor() && xr.pixelMajor() && s.pixelMajor() && o.pixelMajor()
                && xr.pixelStride() == c && s.pixelStride() == c && o.pixelStride() == c) {
            forwardPixelMajor(v, gr, xr, s, o, biases, c, p, halvesOfOnePixel(val, gate, v, gr, c));
            return;
        }
        int chunk = KernelThreads.chunk(5L * c + 2);
        KernelThreads.forEachChunk(p, chunk, 5L * c * p, (from, n) -> {
            float[][] vh = KernelThreads.heap(0, c, chunk);
            float[][] gh = KernelThreads.heap(1, c, chunk);
            float[][] xh = KernelThreads.heap(2, c, chunk);
            float[][] tmp = KernelThreads.heap(3, 2, chunk);
            float[] m = tmp[0];
            float[] e = tmp[1];
            float[][] work = KernelThreads.heap(4, 3, chunk);
            v.read(from, n, vh);
            gr.read(from, n, gh);
            xr.read(from, n, xh);
            for (int r = 0; r < c; r++) {
                float[] gateRow = gh[r];
                float[] valRow = vh[r];
                float[] y = xh[r];
                float valBias = biases[r];
                float gateBias = biases[c + r];
                if (VectorSupport.ENABLED) {
                    VectorKernels.gate(gateRow, valRow, y, valBias, gateBias, n);
                } else {
                    gateLoops(gateRow, valRow, y, valBias, gateBias, m, e, work, n);
                }
            }
            s.write(from, n, gh);
            o.write(from, n, xh);
        });
    }

    /**
     * The forward pass on pixel-major data (NHWC, while a network evaluates; {@code val} and {@code gate} are then
     * channel ranges of the 1x1 convolution's output): each pixel's values and gates are gathered with their biases
     * added, and the chunk then runs as one row with biases 0. {@code (v + b) + 0} is {@code v + b}, so the values
     * are those of the row-wise pass.
     */
    private static void forwardPixelMajor(PixelRows val, PixelRows gate, PixelRows x, PixelRows sigmoid, PixelRows out,
                                          float[] biases, int c, int p, boolean pair) {
        int chunk = KernelThreads.chunk(pixelChunkFloats(val, gate, c));
        KernelThreads.forEachChunk(p, chunk, 5L * c * p, (from, n) -> {
            float[][] rows = KernelThreads.heap(2, 3, chunk * c);
            gatePixelChunk(val, gate, x, biases, c, pair, chunk, from, n, rows[1], rows[2]);
            sigmoid.writePixels(from, n, rows[1]);
            out.writePixels(from, n, rows[2]);
        });
    }

    /** Whether {@code gate} is the second half of each of {@code val}'s pixels, as the gated block passes them. */
    static boolean halvesOfOnePixel(INDArray val, INDArray gate, PixelRows v, PixelRows gr, int c) {
        return v.pixelStride() == 2 * c && gr.pixelStride() == 2 * c
                && gate.data().address() + gate.offset() * Float.BYTES
                == val.data().address() + (val.offset() + c) * Float.BYTES;
    }

    /** Heap floats per pixel that {@link #gatePixelChunk} takes, for {@link KernelThreads#chunk}. */
    static long pixelChunkFloats(PixelRows val, PixelRows gate, int c) {
        return Math.max(val.pixelStride(), gate.pixelStride()) * 2L + 5L * c + 2;
    }

    /**
     * The gate of pixels {@code [from, from + n)} of pixel-major operands (chunks of at most {@code chunk} pixels):
     * reads x into {@code y} and adds {@code (val + b) s} to it, and leaves {@code s = sigmoid(gate + b')} in
     * {@code sigmoid}, both pixel-major, {@code c} values a pixel. Takes heap slots 0, 1, 3 and 4 of the thread.
     */
    static void gatePixelChunk(PixelRows val, PixelRows gate, PixelRows x, float[] biases, int c, boolean pair,
                               int chunk, int from, int n, float[] sigmoid, float[] y) {
        int valStride = val.pixelStride();
        int gateStride = gate.pixelStride();
        float[] valPixels = KernelThreads.heap(0, 1, chunk * valStride)[0];
        float[] gatePixels = pair ? null : KernelThreads.heap(1, 1, chunk * gateStride)[0];
        x.readPixels(from, n, y);
        if (pair) {
            // val and gate are the two halves of each pixel of one array: one read for both.
            val.readPixels(from, n, valPixels, n * valStride);
        } else {
            val.readPixels(from, n, valPixels);
            gate.readPixels(from, n, gatePixels);
        }
        if (VectorSupport.ENABLED && c % VectorKernels.lanes() == 0) {
            VectorKernels.gatePixels(valPixels, 0, valStride, pair ? valPixels : gatePixels, pair ? c : 0,
                    gateStride, biases, y, sigmoid, n, c);
            return;
        }
        float[][] tmp = KernelThreads.heap(3, 3, chunk * c);
        float[] vals = tmp[2];
        float[] gateValues = pair ? valPixels : gatePixels;
        int gateBase = pair ? c : 0;
        for (int q = 0; q < n; q++) {
            int v0 = q * valStride;
            int g0 = gateBase + q * gateStride;
            int d = q * c;
            for (int k = 0; k < c; k++) {
                vals[d + k] = valPixels[v0 + k] + biases[k];
                sigmoid[d + k] = gateValues[g0 + k] + biases[c + k];
            }
        }
        int values = n * c;
        if (VectorSupport.ENABLED) {
            VectorKernels.gate(sigmoid, vals, y, 0f, 0f, values);
        } else {
            gateLoops(sigmoid, vals, y, 0f, 0f, tmp[0], tmp[1], KernelThreads.heap(4, 3, chunk * c), values);
        }
    }

    /**
     * One row of the forward pass in auto-vectorised loops ({@code m}, {@code e} and {@code work} are
     * scratch): {@code gate} becomes {@code s = sigmoid(gate + gateBias)} and {@code y += (val + valBias) s}.
     */
    static void gateLoops(float[] gate, float[] val, float[] y, float valBias, float gateBias, float[] m, float[] e,
                          float[][] work, int n) {
        for (int j = 0; j < n; j++) {
            gate[j] += gateBias;
            m[j] = -Math.abs(gate[j]);
        }
        FloatMath.negativeExpm1Loops(m, m, e, FloatMath.EXP_FLOOR, work, n);
        // Separate short loops, each vectorised (see FloatMath). The numerator is 1 for a
        // positive argument and e otherwise (at 0 both give 1/2).
        for (int j = 0; j < n; j++) {
            m[j] = Math.min(1f, e[j] + Math.max(gate[j] * 0x1p100f, 0f));
        }
        for (int j = 0; j < n; j++) {
            gate[j] = m[j] / (1f + e[j]);
        }
        for (int j = 0; j < n; j++) {
            y[j] += (val[j] + valBias) * gate[j];
        }
    }

    /**
     * The gate of a gated block in one call, from the 1x1 convolution's output before its bias ({@code val} and
     * {@code gate}, c rows each, and {@code bias}, {@code 2c} values, val's first): the fused pass of
     * {@link #forward(INDArray, INDArray, INDArray, INDArray, INDArray, INDArray)} when {@code fused}, else ND4J's
     * ops, which add the bias into {@code val} and {@code gate} first. Either way {@code sigmoid} holds
     * {@code sigmoid(gate + bias)} and {@code out = x + (val + bias) sigmoid} afterwards, which is what the two
     * backward paths read.
     */
    public static void forward(INDArray val, INDArray gate, INDArray bias, INDArray x, INDArray sigmoid, INDArray out,
                               boolean fused) {
        if (fused) {
            forward(val, gate, bias, x, sigmoid, out);
            return;
        }
        long c = val.size(0);
        INDArray biasColumn = Planar.matrix(bias, 2 * c, 1);
        Planar.add(val, Planar.rows(biasColumn, 0, c), val);
        Planar.add(gate, Planar.rows(biasColumn, c, c), gate);
        Nd4j.exec(new Sigmoid(gate, sigmoid));
        Nd4j.exec(new MulOp(val, sigmoid, out));
        Nd4j.exec(new AddOp(out, x, out));
    }

    /**
     * The gate's backward for {@code y = x + (val + b) s}, {@code s = sigmoid(gate + b')} ({@code val}
     * before its bias, as {@link #forward} takes it): {@code gradVal = g s} and
     * {@code gradGate = g (val + b) s (1 - s)} (the residual path is its caller's).
     */
    public static void backward(INDArray gradOutput, INDArray sigmoid, INDArray val, INDArray bias, INDArray gradVal,
                             INDArray gradGate) {
        int p = PixelRows.pixels(gradOutput);
        PixelRows g = PixelRows.of(gradOutput, p, "gradOutput");
        PixelRows s = PixelRows.of(sigmoid, p, "sigmoid");
        PixelRows v = PixelRows.of(val, p, "val");
        PixelRows gv = PixelRows.of(gradVal, p, "gradVal");
        PixelRows gg = PixelRows.of(gradGate, p, "gradGate");
        int c = g.rows();
        float[] biases = PixelRows.vector(bias, 2 * c);
        int chunk = KernelThreads.chunk(5L * c);
        KernelThreads.forEachChunk(p, chunk, (5L * c) * p, (from, n) -> {
            float[][] gh = KernelThreads.heap(0, c, chunk);
            float[][] sh = KernelThreads.heap(1, c, chunk);
            float[][] vh = KernelThreads.heap(2, c, chunk);
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
     * The gate's gradients, {@code gradVal = g s} and {@code gradGate = g val s (1 - s)} from the kept
     * {@code s = sigmoid(gate)}: the fused pass (which also takes the bias the fused forward added) when
     * {@code fused}, else ND4J's ops with one scratch block from {@code work} (libnd4j's sigmoid_bp would
     * evaluate the sigmoid again, which costs more than these passes).
     */
    public static void backward(INDArray gradOutput, INDArray sigmoid, INDArray val, INDArray bias, INDArray gradVal,
                                INDArray gradGate, boolean fused, KernelWork work) {
        if (fused) {
            backward(gradOutput, sigmoid, val, bias, gradVal, gradGate);
            return;
        }
        INDArray slope = work.get("gated.slope", sigmoid.size(0));
        Nd4j.exec(new MulOp(gradOutput, sigmoid, gradVal));
        Nd4j.exec(new ScalarReverseSubtraction(sigmoid, slope, 1.0));
        Nd4j.exec(new MulOp(slope, sigmoid, slope));
        Nd4j.exec(new MulOp(gradOutput, val, gradGate));
        Nd4j.exec(new MulOp(gradGate, slope, gradGate));
    }
}
