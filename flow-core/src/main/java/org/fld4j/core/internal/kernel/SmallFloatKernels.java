package org.fld4j.core.internal.kernel;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dense coupling's elementwise work on float32 arrays as Java loops over heap copies: the
 * conditioner's ReLU and its derivative, and the coupling's scale ({@code tanh} of the clamped raw
 * output and {@code e^s}).
 *
 * <p>Why: libnd4j's {@code RectifiedLinearDerivative} (and its custom {@code relu_bp}) took 108-116 µs
 * for a 256 x 256 float array on one thread, against 17 µs for copying it out, one vectorised loop and
 * copying it back; with 16 such calls per training step of the dense benchmark flow (D=100, K=8,
 * H=256, batch 256), that was about a tenth of the step. The scale was seven ND4J ops of a few
 * microseconds' fixed cost each. Arrays must be contiguous; anything else stays on ND4J's ops, as does
 * float64.
 */
public final class SmallFloatKernels {

    /** Above this, the arrays are large enough for ND4J's multithreaded ops and too large to copy cheaply. */
    private static final long MAX_LENGTH = 1 << 22;

    private static final ThreadLocal<float[][]> HEAP = ThreadLocal.withInitial(() -> new float[3][0]);

    private SmallFloatKernels() {
    }

    /** Whether these loops take arrays {@code a} and {@code b} (same length, float32, contiguous). */
    public static boolean applies(INDArray a, INDArray b) {
        return a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT && a.length() == b.length()
                && a.length() <= MAX_LENGTH && contiguous(a) && contiguous(b);
    }

    private static boolean contiguous(INDArray a) {
        return Tensors.isContiguous(a) && a.offset() + a.length() <= Integer.MAX_VALUE;
    }

    private static float[] heap(int slot, int length) {
        float[][] arrays = HEAP.get();
        if (arrays[slot].length < length) {
            arrays[slot] = new float[length];
        }
        return arrays[slot];
    }

    // The NIO view does not keep the array's native memory alive: each copy ends with a fence on the array.
    private static void read(INDArray a, float[] to, int length) {
        a.data().asNioFloat().get((int) a.offset(), to, 0, length);
        Reference.reachabilityFence(a);
    }

    private static void write(float[] from, int length, INDArray a) {
        FloatBuffer buffer = a.data().asNioFloat();
        buffer.put((int) a.offset(), from, 0, length);
        Reference.reachabilityFence(a);
    }

    /** {@code out = max(pre, 0)}: one Java pass where {@link #applies} holds, ND4J's op otherwise. */
    public static void relu(INDArray pre, INDArray out) {
        if (!applies(pre, out)) {
            Nd4j.exec(new RectifiedLinear(pre, out, 0.0));
            return;
        }
        int n = (int) pre.length();
        float[] x = heap(0, n);
        read(pre, x, n);
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(x[i], 0f);
        }
        write(x, n, out);
    }

    /**
     * {@code m[i, j] += row[j]} for a matrix {@code m [n, w]} and a row {@code [1, w]} or {@code [w]}, then, where
     * {@code relu} holds, {@code out = max(m, 0)}: the bias and the activation of a dense layer in one pass over
     * the GEMM's output, with the same float additions as ND4J's {@code addiRowVector}. That op built its
     * broadcast dimensions as a new array and a native shape buffer on every call: about 15% of a dense
     * flow's scoring pass. Arrays the loops do not take go through ND4J's ops.
     */
    public static void addBias(INDArray m, INDArray row, boolean relu, INDArray out) {
        long width = m.rank() == 2 ? m.size(1) : -1;
        boolean fits = m.rank() == 2 && applies(m, m) && isRow(row, width) && row.dataType() == DataType.FLOAT
                && (!relu || applies(m, out));
        if (!fits) {
            m.addiRowVector(row.reshape(1, row.length()));
            if (relu) {
                relu(m, out);
            }
            return;
        }
        int rows = (int) m.size(0);
        int w = (int) width;
        float[] bias = heap(1, w);
        read(row, bias, w);
        // Row by row, so that the values and the bias share their index: C2 vectorises such a loop, not one
        // whose two arrays are indexed at different offsets (they could be the same array).
        float[] values = heap(0, w);
        float[] active = heap(2, w);
        FloatBuffer pre = m.data().asNioFloat();
        FloatBuffer act = relu ? out.data().asNioFloat() : null;
        int preOffset = (int) m.offset();
        int actOffset = relu ? (int) out.offset() : 0;
        for (int i = 0; i < rows; i++) {
            pre.get(preOffset + i * w, values, 0, w);
            for (int j = 0; j < w; j++) {
                values[j] += bias[j];
            }
            pre.put(preOffset + i * w, values, 0, w);
            if (relu) {
                for (int j = 0; j < w; j++) {
                    active[j] = Math.max(values[j], 0f);
                }
                act.put(actOffset + i * w, active, 0, w);
            }
        }
        Reference.reachabilityFence(m);
        Reference.reachabilityFence(out);
    }

    /**
     * {@code target += addend}, value by value in their C order, for arrays of as many values (a {@code [1, w]}
     * row takes a {@code [w]} vector); ND4J's {@code addi} where {@link #applies} does not hold.
     */
    public static void addInto(INDArray target, INDArray addend) {
        if (!applies(target, addend)) {
            target.addi(addend);
            return;
        }
        int n = (int) target.length();
        float[] x = heap(0, n);
        float[] y = heap(1, n);
        read(target, x, n);
        read(addend, y, n);
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
        write(x, n, target);
    }

    /** Whether {@code row} is {@code [w]} or {@code [1, w]} with adjacent values (whatever strides ND4J gave its size-1 dimension). */
    private static boolean isRow(INDArray row, long w) {
        return row.length() == w && row.rank() >= 1 && row.rank() <= 2 && (row.rank() == 1 || row.size(0) == 1)
                && (w == 1 || row.stride(row.rank() - 1) == 1) && row.offset() + w <= Integer.MAX_VALUE;
    }

    /**
     * A coupling's update of its changing values in place, {@code v = (v + t) e^s} ({@code additiveFirst},
     * FLD's form) or {@code v = v e^s + t}, and their inverses {@code v = v / e^s - t} and
     * {@code v = (v - t) / e^s}: each value through the same two float operations as ND4J's two
     * in-place ops, in one pass.
     */
    public static void couple(INDArray v, INDArray t, INDArray es, boolean additiveFirst, boolean inverse) {
        if (!applies(v, t) || !applies(v, es)) {
            if (!inverse) {
                if (additiveFirst) {
                    v.addi(t).muli(es);
                } else {
                    v.muli(es).addi(t);
                }
            } else if (additiveFirst) {
                v.divi(es).subi(t);
            } else {
                v.subi(t).divi(es);
            }
            return;
        }
        int n = (int) v.length();
        float[] x = heap(0, n);
        float[] shift = heap(1, n);
        float[] scale = heap(2, n);
        read(v, x, n);
        read(t, shift, n);
        read(es, scale, n);
        if (!inverse) {
            if (additiveFirst) {
                for (int i = 0; i < n; i++) {
                    x[i] = (x[i] + shift[i]) * scale[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    x[i] = x[i] * scale[i] + shift[i];
                }
            }
        } else if (additiveFirst) {
            for (int i = 0; i < n; i++) {
                x[i] = x[i] / scale[i] - shift[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                x[i] = (x[i] - shift[i]) / scale[i];
            }
        }
        write(x, n, v);
    }

    /**
     * The backward pass of a dense coupling's update and scale, where nothing is masked, in one pass over the
     * part ({@code [n, dt]} each, contiguous float32; {@code out} and {@code gradOut} are the conditioner's
     * output and its gradient, {@code [n, 2 dt]} as {@code [raw | t]}; {@code gradLogDet} is float64 {@code [n]}).
     * Per value, with the operations and their order of the ND4J ops it replaces:
     * {@code gx2 = gy2 e^s}; {@code gs = (y2 - t) gy2} ({@code affine}) or {@code y2 gy2}, plus the sample's
     * log-det gradient rounded to float; {@code dth = 1 - th th}; the raw gradient {@code gs dth}; the shift
     * gradient {@code gy2} ({@code affine}) or {@code gx2}; the clamp's per-value gradient
     * {@code (s - dth raw) gs}. Returns false, doing nothing, for arrays it does not take.
     */
    public static boolean scaleBackward(INDArray gy2, INDArray es, INDArray y2, INDArray t, INDArray th, INDArray s,
                                        INDArray out, INDArray gradLogDet, boolean affine, INDArray gx2,
                                        INDArray gradOut, INDArray perEntry) {
        if (gy2.rank() != 2 || out.rank() != 2 || gradLogDet.dataType() != DataType.DOUBLE) {
            return false;
        }
        int rows = (int) gy2.size(0);
        int dt = (int) gy2.size(1);
        boolean fits = out.size(0) == rows && out.size(1) == 2L * dt && applies(out, gradOut) && applies(gy2, es)
                && applies(gy2, y2) && applies(gy2, t) && applies(gy2, th) && applies(gy2, s) && applies(gy2, gx2)
                && applies(gy2, perEntry) && gradLogDet.length() == rows && Tensors.isContiguous(gradLogDet)
                && gradLogDet.offset() + rows <= Integer.MAX_VALUE;
        if (!fits) {
            return false;
        }
        int n = rows * dt;
        float[][] work = WORK.get();
        if (work[0].length < n) {
            work = new float[6][n];
            WORK.set(work);
        }
        float[] g = heap(0, n);
        float[] scale = heap(1, n);
        float[] y = heap(2, n);
        float[] shift = work[0];
        float[] tanh = work[1];
        float[] clamped = work[2];
        read(gy2, g, n);
        read(es, scale, n);
        read(y2, y, n);
        read(t, shift, n);
        read(th, tanh, n);
        read(s, clamped, n);
        double[] perSample = new double[rows];
        gradLogDet.data().asNioDouble().get((int) gradLogDet.offset(), perSample);
        Reference.reachabilityFence(gradLogDet);
        float[] gradX = work[3];
        float[] gradRaw = work[4];
        float[] clampGrad = work[5];
        for (int i = 0; i < n; i++) {
            gradX[i] = g[i] * scale[i];
        }
        // gs overwrites y, dth overwrites tanh.
        if (affine) {
            for (int i = 0; i < n; i++) {
                y[i] = (y[i] - shift[i]) * g[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = y[i] * g[i];
            }
        }
        for (int r = 0; r < rows; r++) {
            float add = (float) perSample[r];
            for (int j = r * dt, end = j + dt; j < end; j++) {
                y[j] = y[j] + add;
            }
        }
        for (int i = 0; i < n; i++) {
            tanh[i] = 1f - tanh[i] * tanh[i];
            gradRaw[i] = y[i] * tanh[i];
        }
        // The raw block of the conditioner's output, row by row, next to its gradient's rows.
        FloatBuffer output = out.data().asNioFloat();
        FloatBuffer gradient = gradOut.data().asNioFloat();
        float[] shiftGrad = affine ? g : gradX;
        int outOffset = (int) out.offset();
        int gradOffset = (int) gradOut.offset();
        for (int r = 0; r < rows; r++) {
            output.get(outOffset + r * 2 * dt, shift, r * dt, dt);
            gradient.put(gradOffset + r * 2 * dt, gradRaw, r * dt, dt);
            gradient.put(gradOffset + r * 2 * dt + dt, shiftGrad, r * dt, dt);
        }
        Reference.reachabilityFence(out);
        Reference.reachabilityFence(gradOut);
        for (int i = 0; i < n; i++) {
            clampGrad[i] = (clamped[i] - tanh[i] * shift[i]) * y[i];
        }
        write(gradX, n, gx2);
        write(clampGrad, n, perEntry);
        return true;
    }

    /**
     * {@code gradIn = gradOut} where {@code pre > 0}, else 0 ({@link FloatMath#step}).
     */
    public static void reluBackward(INDArray pre, INDArray gradOut, INDArray gradIn) {
        if (!applies(pre, gradOut) || !applies(pre, gradIn)) {
            Nd4j.exec(new RectifiedLinearDerivative(pre, gradOut, gradIn));
            return;
        }
        int n = (int) pre.length();
        float[] x = heap(0, n);
        float[] g = heap(1, n);
        read(pre, x, n);
        read(gradOut, g, n);
        for (int i = 0; i < n; i++) {
            g[i] *= FloatMath.step(x[i]);
        }
        write(g, n, gradIn);
    }

    /** Whether {@link #scaleAndExp} takes these arrays: float32, {@code out [n, 2 dt]} and the rest {@code [n, dt]}, contiguous. */
    public static boolean appliesToScale(INDArray out, int dt, INDArray clamp, INDArray th, INDArray s, INDArray es) {
        long n = out.size(0);
        return out.dataType() == DataType.FLOAT && clamp.dataType() == DataType.FLOAT && out.rank() == 2
                && out.size(1) == 2L * dt && contiguous(out) && (long) n * 2 * dt <= MAX_LENGTH
                && th.length() == n * dt && applies(th, s) && applies(th, es);
    }

    /**
     * The coupling's scale from the conditioner's output {@code out = [raw | t]} ({@code [n, 2 dt]},
     * contiguous): with {@code ea = e^clamp} per column, {@code th = tanh(raw / ea)}, {@code s = ea th}
     * and {@code es = e^s} ({@code [n, dt]} each, contiguous). One pass instead of seven ND4J ops; tanh
     * and exp come from {@link FloatMath#negativeExpm1}: {@code tanh|u| = -m / (2 + m)} with
     * {@code m = expm1(-2|u|)}, and {@code e^s} is {@code e = e^-|s|} or {@code 1/e}.
     */
    public static void scaleAndExp(INDArray out, int dt, INDArray clamp, INDArray th, INDArray s, INDArray es) {
        int n = (int) out.size(0);
        int length = n * dt;
        float[] raw = heap(0, length);
        float[] ea = heap(1, length);
        float[][] work = WORK.get();
        if (work[0].length < length) {
            work = new float[6][length];
            WORK.set(work);
        }
        float[] m = work[3];
        float[] e = work[4];
        float[] sign = work[5];
        FloatBuffer buffer = out.data().asNioFloat();
        float[] clampValues = new float[dt];
        for (int j = 0; j < dt; j++) {
            clampValues[j] = (float) Math.exp(clamp.getFloat(j));
        }
        // ea per column, repeated for every row: the loops below then index all their arrays alike.
        for (int i = 0; i < n; i++) {
            buffer.get((int) out.offset() + i * 2 * dt, raw, i * dt, dt);
            System.arraycopy(clampValues, 0, ea, i * dt, dt);
        }
        Reference.reachabilityFence(out);
        for (int i = 0; i < length; i++) {
            raw[i] /= ea[i];
        }
        for (int i = 0; i < length; i++) {
            // 1 for u > 0, else -1 (tanh(0) = 0 either way).
            sign[i] = 2f * FloatMath.step(raw[i]) - 1f;
            m[i] = -2f * Math.abs(raw[i]);
        }
        FloatMath.negativeExpm1(m, m, null, FloatMath.EXP_FLOOR, work, length);
        for (int i = 0; i < length; i++) {
            raw[i] = sign[i] * (-m[i] / (2f + m[i]));
        }
        write(raw, length, th);
        for (int i = 0; i < length; i++) {
            ea[i] *= raw[i];
        }
        write(ea, length, s);
        for (int i = 0; i < length; i++) {
            sign[i] = FloatMath.step(ea[i]);
            m[i] = -Math.abs(ea[i]);
        }
        FloatMath.negativeExpm1(m, m, e, FloatMath.EXP_FLOOR, work, length);
        for (int i = 0; i < length; i++) {
            e[i] += sign[i] * (1f / e[i] - e[i]);
        }
        write(e, length, es);
    }

    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[6][0]);
}
