package org.fld4j.core.internal.kernel;

/**
 * Float32 functions over arrays written so that the JDK 17 JIT vectorises them: {@link Math#exp} is a
 * scalar call there (about 12 ns a value), and float/int bit casts, which a vector exponential needs
 * for {@code 2^k}, are not vectorised either. Used by the fused float32 kernels of the image and dense
 * layers.
 */
final class FloatMath {

    private FloatMath() {
    }

    /** Below this, {@code e^x} is under float32's smallest normal number. */
    public static final float EXP_FLOOR = -87.0f;
    /**
     * Below this, {@code e^x - 1} rounds to -1 in float32 ({@code e^-18} is under half the spacing of
     * floats below 1), so ELU may clamp here and build {@code 2^k} from 5 binary digits instead of 7.
     */
    public static final float EXPM1_FLOOR = -18.0f;
    static final float LOG2E = 1.44269504f;
    /** ln 2 in two parts (Cody and Waite): {@code k * LN2_HI} is exact for the k that occur here. */
    static final float LN2_HI = 0.693145752f;
    static final float LN2_LO = 1.42860677e-6f;
    /** Adding and subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to an integer. */
    static final float ROUND = 12582912f;

    /**
     * {@code e^x - 1} for {@code x <= 0} into {@code expm1} (which may be {@code x}), and {@code e^x} into
     * {@code exp} unless it is null, in float arithmetic
     * that the JIT vectorises (JDK 17 vectorises neither {@link Math#exp} nor float/int bit casts, and
     * libnd4j's exponential costs about 1.5 ms per 1.6 million values): {@code x = k ln2 + r} with
     * {@code |r| <= ln2 / 2}, {@code expm1(r)} by its Taylor polynomial to degree 7 (truncation below
     * 6e-9), and {@code 2^k} built exactly from the binary digits of {@code -k}, each found by rounding.
     * {@code e^x - 1 = 2^k expm1(r) + (2^k - 1)} keeps small {@code x} accurate (relative error within
     * 1e-7, tested against {@link Math#expm1}). Values below {@code floor} ({@link #EXP_FLOOR} or above) are
     * clamped there; the binary digits of {@code -k} needed are those of {@code round(-floor log2 e)}. Each step is its
     * own short loop over {@code work}'s three rows: C2 vectorises only loops it can unroll, and it
     * does not unroll long bodies. Where {@link VectorSupport} allows, {@link VectorKernels} computes the
     * same bits in one pass.
     */
    public static void negativeExpm1(float[] x, float[] expm1, float[] exp, float floor, float[][] work, int n) {
        if (!(floor >= EXP_FLOOR && floor < 0)) {
            throw new IllegalArgumentException("floor must lie in [" + EXP_FLOOR + ", 0), got " + floor);
        }
        if (VectorSupport.ENABLED) {
            VectorKernels.negativeExpm1(x, expm1, exp, floor, n);
            return;
        }
        negativeExpm1Loops(x, expm1, exp, floor, work, n);
    }

    /** {@link #negativeExpm1} in the auto-vectorised loops alone (the vector form gives the same bits). */
    static void negativeExpm1Loops(float[] x, float[] expm1, float[] exp, float floor, float[][] work, int n) {
        float[] t = work[0];
        float[] f = work[1];
        float[] q = work[2];
        for (int j = 0; j < n; j++) {
            // t = -k = -round(x log2 e), an integer in [0, 126].
            t[j] = ROUND - (Math.max(x[j], floor) * LOG2E + ROUND);
        }
        for (int j = 0; j < n; j++) {
            float v = Math.max(x[j], floor);
            float r = (v + t[j] * LN2_HI) + t[j] * LN2_LO;
            q[j] = r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120
                    + r * (1f / 720 + r * (1f / 5040)))))));
            f[j] = 1f;
        }
        for (int bit = Integer.highestOneBit(Math.round(-floor * LOG2E)); bit >= 1; bit >>= 1) {
            float inverse = 1f / bit;
            float power = Math.scalb(1f, -bit);
            for (int j = 0; j < n; j++) {
                // 1 when this binary digit of t is set (t < 2 bit here), else 0: rounds (t + 1/2) / bit - 1/2.
                float set = ((t[j] + 0.5f) * inverse - 0.5f + ROUND) - ROUND;
                // (1 - set) + set 2^-bit is exactly 1 or 2^-bit (1 + set (2^-bit - 1) would round 2^-64 - 1 to -1).
                f[j] *= (1f - set) + set * power;
                t[j] -= bit * set;
            }
        }
        if (exp != null) {
            for (int j = 0; j < n; j++) {
                exp[j] = f[j] * q[j] + f[j];
            }
        }
        for (int j = 0; j < n; j++) {
            expm1[j] = f[j] * q[j] + (f[j] - 1f);
        }
    }


    /**
     * 1 for every positive float (the smallest, 2^-149, times 2^150 is 2), else 0 (NaN stays NaN): a
     * step in arithmetic the JIT vectorises, which a comparison and select are not in JDK 17.
     */
    public static float step(float x) {
        return Math.min(Math.max(x * 0x1p126f * 0x1p24f, 0f), 1f);
    }
}
