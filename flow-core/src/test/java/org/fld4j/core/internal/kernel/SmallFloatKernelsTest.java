package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The dense layers' bias-and-ReLU pass and the coupling's update against the same float operations written
 * out value by value in Java: the kernels must give the same bits as the ND4J ops they replace, which do
 * exactly these operations (saved flows score to the last bit).
 */
class SmallFloatKernelsTest {

    private static float[] values(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 3);
        }
        return v;
    }

    private static INDArray matrix(float[] v, int rows, int columns) {
        return Nd4j.createFromArray(v).reshape(rows, columns);
    }

    private static float[] floats(INDArray a) {
        return a.dup().data().asFloat();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void addsTheBiasToEveryRowThenTakesTheRelu(boolean relu) {
        int rows = 9;
        int columns = 37;
        float[] m = values(1, rows * columns);
        float[] bias = values(2, columns);
        float[] expectedPre = new float[m.length];
        float[] expectedAct = new float[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                expectedPre[i * columns + j] = m[i * columns + j] + bias[j];
                expectedAct[i * columns + j] = expectedPre[i * columns + j] > 0 ? expectedPre[i * columns + j] : 0f;
            }
        }
        // The bias as a row view of a flat parameter vector, as a network binds it.
        INDArray parameters = Nd4j.create(DataType.FLOAT, columns + 5);
        INDArray row = parameters.get(NDArrayIndex.interval(5, 5 + columns)).reshape(1, columns);
        row.assign(Nd4j.createFromArray(bias).reshape(1, columns));
        INDArray pre = matrix(m, rows, columns);
        INDArray act = Nd4j.create(DataType.FLOAT, rows, columns);
        SmallFloatKernels.addBias(pre, row, relu, relu ? act : null);
        assertThat(floats(pre)).containsExactly(expectedPre);
        if (relu) {
            assertThat(floats(act)).containsExactly(expectedAct);
        }

        // A strided view goes through ND4J's ops, with the same result.
        INDArray wide = Nd4j.create(DataType.FLOAT, rows, columns + 4);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(4, columns + 4)).assign(matrix(m, rows, columns));
        INDArray viewAct = Nd4j.create(DataType.FLOAT, rows, columns);
        SmallFloatKernels.addBias(view, row, relu, relu ? viewAct : null);
        assertThat(floats(view)).containsExactly(expectedPre);
        if (relu) {
            assertThat(floats(viewAct)).containsExactly(expectedAct);
        }
    }

    @ParameterizedTest
    @CsvSource({"true, false", "false, false", "true, true", "false, true"})
    void updatesTheChangingValuesWithTheSameTwoOperations(boolean additiveFirst, boolean inverse) {
        int n = 301;
        float[] v = values(3, n);
        float[] t = values(4, n);
        float[] es = values(5, n);
        for (int i = 0; i < n; i++) {
            es[i] = (float) Math.exp(es[i] / 3);
        }
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            float a;
            if (!inverse) {
                a = additiveFirst ? v[i] + t[i] : v[i] * es[i];
                expected[i] = additiveFirst ? a * es[i] : a + t[i];
            } else {
                a = additiveFirst ? v[i] / es[i] : v[i] - t[i];
                expected[i] = additiveFirst ? a - t[i] : a / es[i];
            }
        }
        INDArray values = Nd4j.createFromArray(v).reshape(7, 43);
        SmallFloatKernels.couple(values, matrix(t, 7, 43), matrix(es, 7, 43), additiveFirst, inverse);
        assertThat(floats(values)).containsExactly(expected);

        // ND4J's ops on a view: the same bits.
        INDArray wide = Nd4j.create(DataType.FLOAT, 7, 45);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 44)).assign(matrix(v, 7, 43));
        SmallFloatKernels.couple(view, matrix(t, 7, 43), matrix(es, 7, 43), additiveFirst, inverse);
        assertThat(floats(view)).containsExactly(expected);
    }

    @org.junit.jupiter.api.Test
    void addsIntoATargetOfAsManyValues() {
        float[] target = values(6, 40);
        float[] addend = values(7, 40);
        float[] expected = new float[40];
        for (int i = 0; i < 40; i++) {
            expected[i] = target[i] + addend[i];
        }
        INDArray row = Nd4j.createFromArray(target).reshape(1, 40);
        SmallFloatKernels.addInto(row, Nd4j.createFromArray(addend));
        assertThat(floats(row)).containsExactly(expected);

        INDArray wide = Nd4j.create(DataType.FLOAT, 4, 12);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 11)).assign(matrix(target, 4, 10));
        SmallFloatKernels.addInto(view, matrix(addend, 4, 10));
        assertThat(floats(view)).containsExactly(expected);
    }

    /** The coupling's backward values, written out per value as the ND4J ops it replaces compute them. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void takesTheCouplingsScaleBackwardInOnePass(boolean affine) {
        int rows = 6;
        int dt = 11;
        int n = rows * dt;
        float[] gy2 = values(8, n);
        float[] es = values(9, n);
        float[] y2 = values(10, n);
        float[] t = values(11, n);
        float[] th = values(12, n);
        float[] s = values(13, n);
        float[] out = values(14, 2 * n);
        double[] gradLogDet = new double[rows];
        for (int r = 0; r < rows; r++) {
            gradLogDet[r] = -1.0 / 3 + 0.1 * r;
        }
        float[] gx2 = new float[n];
        float[] gradOut = new float[2 * n];
        float[] perEntry = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                gx2[i] = gy2[i] * es[i];
                float gs = affine ? (y2[i] - t[i]) * gy2[i] : y2[i] * gy2[i];
                gs = gs + (float) gradLogDet[r];
                float dth = 1f - th[i] * th[i];
                gradOut[r * 2 * dt + j] = gs * dth;
                gradOut[r * 2 * dt + dt + j] = affine ? gy2[i] : gx2[i];
                float raw = out[r * 2 * dt + j];
                perEntry[i] = (s[i] - dth * raw) * gs;
            }
        }
        INDArray gx2Out = Nd4j.create(DataType.FLOAT, rows, dt);
        INDArray gradOutOut = Nd4j.create(DataType.FLOAT, rows, 2 * dt);
        INDArray perEntryOut = Nd4j.create(DataType.FLOAT, rows, dt);
        boolean done = SmallFloatKernels.scaleBackward(matrix(gy2, rows, dt), matrix(es, rows, dt), matrix(y2, rows, dt),
                matrix(t, rows, dt), matrix(th, rows, dt), matrix(s, rows, dt), matrix(out, rows, 2 * dt),
                Nd4j.createFromArray(gradLogDet), affine, gx2Out, gradOutOut, perEntryOut);
        assertThat(done).isTrue();
        assertThat(floats(gx2Out)).containsExactly(gx2);
        assertThat(floats(gradOutOut)).containsExactly(gradOut);
        assertThat(floats(perEntryOut)).containsExactly(perEntry);

        // A view among the operands: declined, nothing written.
        INDArray wide = Nd4j.create(DataType.FLOAT, rows, dt + 2);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dt + 1)).assign(matrix(gy2, rows, dt));
        INDArray untouched = Nd4j.create(DataType.FLOAT, rows, dt);
        assertThat(SmallFloatKernels.scaleBackward(view, matrix(es, rows, dt), matrix(y2, rows, dt), matrix(t, rows, dt),
                matrix(th, rows, dt), matrix(s, rows, dt), matrix(out, rows, 2 * dt), Nd4j.createFromArray(gradLogDet),
                affine, untouched, Nd4j.create(DataType.FLOAT, rows, 2 * dt), Nd4j.create(DataType.FLOAT, rows, dt)))
                .isFalse();
        assertThat(untouched.sumNumber().doubleValue()).isZero();
    }
}
