package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward kernels on pixel-major data (NHWC, as a network evaluates) against the same kernels on planar rows
 * (as it trains): the same bits, for channel counts that fill whole vectors, that leave a remainder, and that are
 * below eight, on a batch large enough for several chunks on two kernel threads; the gate and LayerNorm in one pass
 * against the two passes. Then the vector forms of the
 * pixel-major passes against their loops, and LayerNorm against sums in double.
 */
class PixelMajorKernelsTest {

    /** 4 x 64 x 64 pixels: with 16 channels, several chunks and two threads per call. */
    private static final Geometry G = new Geometry(4, 64, 64);
    private static final int P = (int) G.pixels();

    private static float[] values(long seed, int length, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-scale, scale);
        }
        return v;
    }

    private static INDArray planar(float[] values, int rows) {
        return Nd4j.createFromArray(values).reshape(rows, P);
    }

    /** The planar block's values as NHWC data behind a view with NCHW's shape ({@link Planar#storageAsNhwc}). */
    private static INDArray nhwc(INDArray planar) {
        INDArray view = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, planar.size(0), P), G);
        view.assign(Planar.image(planar, G).permute(1, 0, 2, 3));
        return view;
    }

    /** An NHWC view's values as a planar block's, {@code [C, P]} in row order. */
    private static float[] rowsOf(INDArray nhwcView) {
        return nhwcView.permute(1, 0, 2, 3).dup('c').data().asFloat();
    }

    private static float[] rowsOfPlanar(INDArray planar) {
        return planar.dup('c').data().asFloat();
    }

    private static void assertSameBits(float[] actual, float[] expected, String what) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                throw new AssertionError(what + " differs at " + i + ": " + actual[i] + " instead of " + expected[i]);
            }
        }
    }

    @Test
    void concatEluOnNhwcDataGivesThePlanarBits() {
        for (int c : new int[] {16, 12, 5}) {
            INDArray x = planar(values(c, c * P, 4), c);
            INDArray want = Nd4j.create(DataType.FLOAT, 2L * c, P);
            EluKernels.forward(x, want);
            INDArray out = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, 2L * c, P), G);
            EluKernels.forward(nhwc(x), out);
            assertSameBits(rowsOf(out), rowsOfPlanar(want), "ConcatELU, " + c + " channels");
        }
    }

    @Test
    void gateOnNhwcDataGivesThePlanarBits() {
        for (int c : new int[] {16, 12, 5}) {
            INDArray gates = planar(values(10 + c, 2 * c * P, 6), 2 * c);
            INDArray x = planar(values(20 + c, c * P, 2), c);
            INDArray bias = Nd4j.createFromArray(values(30 + c, 2 * c, 1));
            INDArray wantSigmoid = Nd4j.create(DataType.FLOAT, c, P);
            INDArray wantOut = Nd4j.create(DataType.FLOAT, c, P);
            GateKernels.forward(Planar.rows(gates, 0, c), Planar.rows(gates, c, c), bias, x, wantSigmoid, wantOut);

            // val and gate as the halves of each pixel of one NHWC array, as the gated block passes them ...
            INDArray pixelGates = nhwc(gates);
            INDArray sigmoid = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            INDArray out = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            GateKernels.forward(Planar.channels(pixelGates, 0, c), Planar.channels(pixelGates, c, c), bias, nhwc(x),
                    sigmoid, out);
            assertSameBits(rowsOf(sigmoid), rowsOfPlanar(wantSigmoid), "sigmoid, halves of one array, " + c);
            assertSameBits(rowsOf(out), rowsOfPlanar(wantOut), "gate output, halves of one array, " + c);

            // ... and as two arrays of their own.
            INDArray sigmoid2 = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            INDArray out2 = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            GateKernels.forward(nhwc(Planar.rows(gates, 0, c).dup()), nhwc(Planar.rows(gates, c, c).dup()), bias,
                    nhwc(x), sigmoid2, out2);
            assertSameBits(rowsOf(sigmoid2), rowsOfPlanar(wantSigmoid), "sigmoid, two arrays, " + c);
            assertSameBits(rowsOf(out2), rowsOfPlanar(wantOut), "gate output, two arrays, " + c);
        }
    }

    /**
     * The gate and the LayerNorm in one pass against the two passes on planar rows, as a network trains: the same
     * bits, with val and gate as the halves of each pixel of one array and as two arrays, and writing over x, an
     * offset per pixel in x so that the mean matters. Then operands that are not pixel-major, which the one pass refuses.
     */
    @Test
    void gateAndLayerNormInOnePassGiveTheTwoPassesBits() {
        for (int c : new int[] {16, 12, 5}) {
            INDArray gates = planar(values(110 + c, 2 * c * P, 6), 2 * c);
            float[] xs = values(120 + c, c * P, 2);
            for (int i = 0; i < xs.length; i++) {
                xs[i] += (i % P) % 5 - 2;
            }
            INDArray x = planar(xs, c);
            INDArray bias = Nd4j.createFromArray(values(130 + c, 2 * c, 1));
            INDArray gamma = Nd4j.createFromArray(values(140 + c, c, 2));
            INDArray beta = Nd4j.createFromArray(values(150 + c, c, 1));
            INDArray gated = Nd4j.create(DataType.FLOAT, c, P);
            GateKernels.forward(Planar.rows(gates, 0, c), Planar.rows(gates, c, c), bias, x,
                    Nd4j.create(DataType.FLOAT, c, P), gated);
            INDArray want = Nd4j.create(DataType.FLOAT, c, P);
            LayerNormKernels.forward(gated, gamma, beta, 1e-5f, Nd4j.create(DataType.FLOAT, c, P),
                    Nd4j.create(DataType.FLOAT, 1, P), want);

            INDArray pixelGates = nhwc(gates);
            INDArray out = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            GateNormKernels.forward(Planar.channels(pixelGates, 0, c), Planar.channels(pixelGates, c, c), bias, nhwc(x),
                    gamma, beta, 1e-5f, out);
            assertSameBits(rowsOf(out), rowsOfPlanar(want), "gate and LayerNorm, halves of one array, " + c);

            INDArray out2 = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            GateNormKernels.forward(nhwc(Planar.rows(gates, 0, c).dup()), nhwc(Planar.rows(gates, c, c).dup()), bias,
                    nhwc(x), gamma, beta, 1e-5f, out2);
            assertSameBits(rowsOf(out2), rowsOfPlanar(want), "gate and LayerNorm, two arrays, " + c);

            // In place, as a network's later blocks call it: each chunk reads its pixels of x before it writes them.
            INDArray inPlace = nhwc(x);
            GateNormKernels.forward(Planar.channels(pixelGates, 0, c), Planar.channels(pixelGates, c, c), bias, inPlace,
                    gamma, beta, 1e-5f, inPlace);
            assertSameBits(rowsOf(inPlace), rowsOfPlanar(want), "gate and LayerNorm in place, " + c);

            INDArray planarOut = Nd4j.create(DataType.FLOAT, c, P);
            assertThatThrownBy(() -> GateNormKernels.forward(Planar.rows(gates, 0, c), Planar.rows(gates, c, c), bias,
                    x, gamma, beta, 1e-5f, planarOut)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pixel-major");
        }
    }

    @Test
    void layerNormOnNhwcDataGivesThePlanarBitsAndTheNormalisationOfDoubles() {
        for (int c : new int[] {32, 12, 5, 8}) {
            float[] xs = values(40 + c, c * P, 3);
            // an offset per pixel, so that the mean matters
            for (int i = 0; i < xs.length; i++) {
                xs[i] += (i % P) % 7 - 3;
            }
            INDArray x = planar(xs, c);
            INDArray gamma = Nd4j.createFromArray(values(50 + c, c, 2));
            INDArray beta = Nd4j.createFromArray(values(60 + c, c, 1));
            INDArray wantNormalized = Nd4j.create(DataType.FLOAT, c, P);
            INDArray wantRstd = Nd4j.create(DataType.FLOAT, 1, P);
            INDArray wantOut = Nd4j.create(DataType.FLOAT, c, P);
            LayerNormKernels.forward(x, gamma, beta, 1e-5f, wantNormalized, wantRstd, wantOut);

            INDArray normalized = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            INDArray rstd = Nd4j.create(DataType.FLOAT, 1, P);
            INDArray out = Planar.storageAsNhwc(Nd4j.create(DataType.FLOAT, c, P), G);
            LayerNormKernels.forward(nhwc(x), gamma, beta, 1e-5f, normalized, rstd, out);
            assertSameBits(rowsOf(normalized), rowsOfPlanar(wantNormalized), "normalized, " + c + " channels");
            assertSameBits(rstd.data().asFloat(), wantRstd.data().asFloat(), "rstd, " + c + " channels");
            assertSameBits(rowsOf(out), rowsOfPlanar(wantOut), "LayerNorm output, " + c + " channels");

            // Independently, in double: (x - mean) / sqrt(var + eps) gamma + beta at a few pixels.
            float[] got = rowsOfPlanar(wantOut);
            float[] g = gamma.data().asFloat();
            float[] b = beta.data().asFloat();
            for (int pixel : new int[] {0, 1, 4097, P - 1}) {
                double mean = 0;
                for (int k = 0; k < c; k++) {
                    mean += xs[k * P + pixel];
                }
                mean /= c;
                double var = 0;
                for (int k = 0; k < c; k++) {
                    var += (xs[k * P + pixel] - mean) * (xs[k * P + pixel] - mean);
                }
                var /= c;
                for (int k = 0; k < c; k++) {
                    double want = (xs[k * P + pixel] - mean) / Math.sqrt(var + 1e-5) * g[k] + b[k];
                    assertThat((double) got[k * P + pixel]).isCloseTo(want, within(1e-5 * (1 + Math.abs(want))));
                }
            }
        }
    }

    @Test
    void vectorFormsOfThePixelMajorPassesGiveTheLoopsBits() {
        if (!VectorSupport.ENABLED) {
            return;
        }
        int lanes = VectorKernels.lanes();
        int n = 301;
        for (int c : new int[] {lanes, 2 * lanes, 4 * lanes}) {
            float[] x = values(70 + c, n * c, 5);
            x[3] = -0f;
            x[4] = Float.NEGATIVE_INFINITY;
            x[5] = -200f;
            float[] pos = new float[n * c];
            float[] neg = new float[n * c];
            EluKernels.concatEluLoops(x, pos, neg, new float[n * c], new float[3][n * c], n * c);
            float[] want = new float[2 * n * c];
            for (int q = 0; q < n; q++) {
                System.arraycopy(pos, q * c, want, 2 * q * c, c);
                System.arraycopy(neg, q * c, want, 2 * q * c + c, c);
            }
            float[] pixels = new float[2 * n * c];
            VectorKernels.concatEluPixels(x, pixels, n, c);
            assertSameBits(pixels, want, "ConcatELU pixels, " + c);

            float[] pair = values(80 + c, 2 * n * c, 8);
            float[] biases = values(90 + c, 2 * c, 1);
            float[] y = values(100 + c, n * c, 2);
            float[] vals = new float[n * c];
            float[] gates = new float[n * c];
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < c; k++) {
                    vals[q * c + k] = pair[2 * q * c + k] + biases[k];
                    gates[q * c + k] = pair[2 * q * c + c + k] + biases[c + k];
                }
            }
            float[] wantY = y.clone();
            GateKernels.gateLoops(gates, vals, wantY, 0f, 0f, new float[n * c], new float[n * c], new float[3][n * c],
                    n * c);
            float[] gotY = y.clone();
            float[] sigmoid = new float[n * c];
            VectorKernels.gatePixels(pair, 0, 2 * c, pair, c, 2 * c, biases, gotY, sigmoid, n, c);
            assertSameBits(sigmoid, gates, "gate pixels' sigmoid, " + c);
            assertSameBits(gotY, wantY, "gate pixels' output, " + c);

        }
    }
}
