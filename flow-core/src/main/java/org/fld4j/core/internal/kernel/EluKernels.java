package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Min;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Expm1;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ConcatELU of the gated network's float32 path, forward and backward, each one pass over its operands
 * (see {@link FloatKernels} for why these chains run in Java).
 */
public final class EluKernels {

    private EluKernels() {
    }

    /**
     * ConcatELU forward: {@code out = [ELU(x), ELU(-x)]} ({@code [2c, P]} from {@code x [c, P]}), as
     * {@code m = expm1(-|x|)}, {@code ELU(x) = max(x, m)}, {@code ELU(-x) = max(-x, m)}.
     */
    public static void forward(INDArray x, INDArray out) {
        int p = PixelRows.pixels(x);
        PixelRows xr = PixelRows.of(x, p, "x");
        PixelRows o = PixelRows.of(out, p, "out");
        int c = xr.rows();
        if (o.rows() != 2 * c) {
            throw new IllegalArgumentException("ConcatELU of " + c + " channels needs " + 2 * c + " output rows, got " + o.rows());
        }
        if (xr.pixelMajor() && o.pixelMajor() && xr.pixelStride() == c && o.pixelStride() == 2 * c) {
            forwardPixelMajor(xr, o, c, p);
            return;
        }
        int chunk = KernelThreads.chunk(3L * c + 1);
        KernelThreads.forEachChunk(p, chunk, 3L * c * p, (from, n) -> {
            float[][] xh = KernelThreads.heap(0, c, chunk);
            float[][] oh = KernelThreads.heap(1, 2 * c, chunk);
            float[] m = KernelThreads.heap(2, 1, chunk)[0];
            float[][] work = KernelThreads.heap(3, 3, chunk);
            xr.read(from, n, xh);
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                float[] pos = oh[r];
                float[] neg = oh[r + c];
                if (VectorSupport.ENABLED) {
                    VectorKernels.concatElu(row, pos, neg, n);
                } else {
                    concatEluLoops(row, pos, neg, m, work, n);
                }
            }
            o.write(from, n, oh);
        });
    }

    /**
     * The forward pass on pixel-major data (NHWC, while a network evaluates): a chunk of pixels is one run of values,
     * so the exponentials run over it as over one row, and each pixel's two halves are then copied side by side.
     * The same operations on every value as the row-wise pass, so the same bits.
     */
    private static void forwardPixelMajor(PixelRows x, PixelRows out, int c, int p) {
        int chunk = KernelThreads.chunk(6L * c);
        KernelThreads.forEachChunk(p, chunk, 3L * c * p, (from, n) -> {
            int values = n * c;
            float[][] rows = KernelThreads.heap(0, 3, chunk * c);
            float[] pixels = KernelThreads.heap(1, 1, 2 * chunk * c)[0];
            float[] in = rows[0];
            float[] pos = rows[1];
            float[] neg = rows[2];
            x.readPixels(from, n, in);
            if (VectorSupport.ENABLED && c % VectorKernels.lanes() == 0) {
                VectorKernels.concatEluPixels(in, pixels, n, c);
                out.writePixels(from, n, pixels);
                return;
            }
            if (VectorSupport.ENABLED) {
                VectorKernels.concatElu(in, pos, neg, values);
            } else {
                concatEluLoops(in, pos, neg, KernelThreads.heap(2, 1, chunk * c)[0], KernelThreads.heap(3, 3, chunk * c),
                        values);
            }
            for (int q = 0, src = 0, dst = 0; q < n; q++, src += c, dst += 2 * c) {
                System.arraycopy(pos, src, pixels, dst, c);
                System.arraycopy(neg, src, pixels, dst + c, c);
            }
            out.writePixels(from, n, pixels);
        });
    }

    /**
     * One row of the forward pass in auto-vectorised loops ({@code m} and {@code work} are scratch):
     * {@code pos = max(x, m)}, {@code neg = max(-x, m)} with {@code m = expm1(-|x|)}.
     */
    static void concatEluLoops(float[] row, float[] pos, float[] neg, float[] m, float[][] work, int n) {
        for (int j = 0; j < n; j++) {
            pos[j] = -Math.abs(row[j]);
        }
        FloatMath.negativeExpm1Loops(pos, m, null, FloatMath.EXPM1_FLOOR, work, n);
        for (int j = 0; j < n; j++) {
            pos[j] = Math.max(row[j], m[j]);
            neg[j] = Math.max(-row[j], m[j]);
        }
    }

    /**
     * ConcatELU backward from the kept output {@code e = [ELU(x), ELU(-x)]} ({@code [2c, P]}):
     * {@code gradInput = gp (1 + min(e+, 0)) - gn (1 + min(e-, 0)) (+ addend)}, with {@code gp, gn}
     * the two halves of {@code gradOutput}. {@code addend} may be null.
     */
    public static void backward(INDArray gradOutput, INDArray output, INDArray addend, INDArray gradInput) {
        int p = PixelRows.pixels(gradInput);
        PixelRows g = PixelRows.of(gradOutput, p, "gradOutput");
        PixelRows e = PixelRows.of(output, p, "output");
        PixelRows a = addend == null ? null : PixelRows.of(addend, p, "addend");
        PixelRows in = PixelRows.of(gradInput, p, "gradInput");
        int c = in.rows();
        int chunk = KernelThreads.chunk(6L * c);
        KernelThreads.forEachChunk(p, chunk, (6L * c) * p, (from, n) -> {
            float[][] gh = KernelThreads.heap(0, 2 * c, chunk);
            float[][] eh = KernelThreads.heap(1, 2 * c, chunk);
            float[][] out = KernelThreads.heap(2, c, chunk);
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
     * {@code x [c, P] -> out [2c, P]} = {@code [elu(x), elu(-x)]}: the fused pass when {@code fused}
     * (float32), else ND4J's ops with one scratch block from {@code work}.
     */
    public static void forward(INDArray x, INDArray out, boolean fused, KernelWork work) {
        if (fused) {
            forward(x, out);
            return;
        }
        long c = x.size(0);
        INDArray positive = Planar.rows(out, 0, c);
        INDArray negative = Planar.rows(out, c, c);
        INDArray m = work.get("elu.expm1", c);
        Nd4j.exec(new Negative(x, negative));
        Nd4j.exec(new Min(x, negative, m));
        Nd4j.exec(new Expm1(m, m));
        Nd4j.exec(new Max(x, m, positive));
        Nd4j.exec(new Max(negative, m, negative));
    }

    /**
     * {@code gradInput [c, P]} for {@code gradOutput [2c, P]} and the forward's {@code output}, plus
     * {@code addend} when not null: the fused pass when {@code fused}, else ND4J's ops.
     */
    public static void backward(INDArray gradOutput, INDArray output, INDArray addend, INDArray gradInput,
                                boolean fused, KernelWork work) {
        if (fused) {
            backward(gradOutput, output, addend, gradInput);
            return;
        }
        long c = gradInput.size(0);
        INDArray gradSigned = work.get("elu.gradSigned", 2 * c);
        Nd4j.exec(new ScalarMin(output, null, gradSigned, 0.0));
        Nd4j.exec(new ScalarAdd(gradSigned, null, gradSigned, 1.0));
        Nd4j.exec(new MulOp(gradSigned, gradOutput, gradSigned));
        Nd4j.exec(new SubOp(Planar.rows(gradSigned, 0, c), Planar.rows(gradSigned, c, c), gradInput));
        if (addend != null) {
            Nd4j.exec(new AddOp(gradInput, addend, gradInput));
        }
    }
}
