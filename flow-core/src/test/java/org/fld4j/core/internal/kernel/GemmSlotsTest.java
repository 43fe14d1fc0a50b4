package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Prepared GEMMs against a product summed in double, and against {@code Nd4j.gemm} to the bit. */
class GemmSlotsTest {

    private static INDArray random(long seed, DataType type, long rows, long columns) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(rows * columns)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return Nd4j.createFromArray(v).reshape(rows, columns).castTo(type);
    }

    /** alpha op(a) op(b) + beta c0, summed in double. */
    private static double[][] product(INDArray a, INDArray b, INDArray c0, boolean transA, boolean transB,
                                      double alpha, double beta) {
        double[][] x = (transA ? a.transpose() : a).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] y = (transB ? b.transpose() : b).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] c = c0.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] out = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                double sum = 0;
                for (int k = 0; k < y.length; k++) {
                    sum += x[i][k] * y[k][j];
                }
                out[i][j] = alpha * sum + beta * c[i][j];
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false, false, 1.0, 0.0", "true, false, 1.0, 0.0", "false, true, 1.0, 0.0", "true, true, 0.5, 1.0"})
    void computesTheProductAsNd4jGemmDoes(boolean transA, boolean transB, double alpha, double beta) {
        INDArray a = random(1, DataType.FLOAT, transA ? 7 : 9, transA ? 9 : 7);
        INDArray b = random(2, DataType.FLOAT, transB ? 5 : 7, transB ? 7 : 5);
        INDArray c0 = random(3, DataType.FLOAT, 9, 5);
        double[][] expected = product(a, b, c0, transA, transB, alpha, beta);
        GemmSlots slots = new GemmSlots(2);
        INDArray c = c0.dup();
        INDArray reference = c0.dup();
        Nd4j.gemm(a, b, reference, transA, transB, alpha, beta);
        slots.gemm(1, a, b, c, transA, transB, alpha, beta);
        assertThat(c.data().asFloat()).containsExactly(reference.data().asFloat());
        double[][] actual = c.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(actual[i][j]).isCloseTo(expected[i][j], org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void followsNewContentsAndNewArraysAndSurvivesARelease() {
        GemmSlots slots = new GemmSlots(1);
        INDArray a = random(4, DataType.DOUBLE, 6, 4);
        INDArray b = random(5, DataType.DOUBLE, 4, 3);
        INDArray c = Nd4j.create(DataType.DOUBLE, 6, 3);
        slots.gemm(0, a, b, c, false, false, 1.0, 0.0);
        assertClose(c, product(a, b, c, false, false, 1.0, 0.0));

        // The same arrays with new values: the prepared op reads them afresh.
        a.assign(random(6, DataType.DOUBLE, 6, 4));
        slots.gemm(0, a, b, c, false, false, 1.0, 0.0);
        assertClose(c, product(a, b, c, false, false, 1.0, 0.0));

        // Other arrays (another batch size) at the same call site.
        INDArray a2 = random(7, DataType.DOUBLE, 2, 4);
        INDArray c2 = Nd4j.create(DataType.DOUBLE, 2, 3);
        slots.gemm(0, a2, b, c2, false, false, 1.0, 0.0);
        assertClose(c2, product(a2, b, c2, false, false, 1.0, 0.0));

        slots.release();
        INDArray c3 = Nd4j.create(DataType.DOUBLE, 6, 3);
        slots.gemm(0, a, b, c3, false, false, 1.0, 0.0);
        assertClose(c3, product(a, b, c3, false, false, 1.0, 0.0));
    }

    @Test
    void rejectsAViewAsTheOutput() {
        INDArray wide = Nd4j.create(DataType.FLOAT, 6, 5);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4));
        assertThatThrownBy(() -> new GemmSlots(1).gemm(0, random(1, DataType.FLOAT, 6, 2), random(2, DataType.FLOAT, 2, 3),
                view, false, false, 1.0, 0.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("view");
    }

    private static void assertClose(INDArray actual, double[][] expected) {
        double[][] values = actual.toDoubleMatrix();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(values[i][j]).as("[%d, %d]", i, j)
                        .isCloseTo(expected[i][j], org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }
}
