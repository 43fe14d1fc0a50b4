package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Invertible1x1ConvTest extends TransformContractTest {

    /** 4 channels (so L and U have several free entries) x 2 x 4 pixels: 32 values per sample. */
    @Override
    protected Transform newLayer(DataType type) {
        return Invertible1x1Conv.randomRotation(4, 2, 4, new SplittableRandom(2), type);
    }

    /** W = P L (U + diag(sign * exp(logScale))) written out entry by entry. */
    private static double[][] weightOf(int[] perm, double[] sign, double[][] lower, double[][] upper, double[] logScale) {
        int c = perm.length;
        double[][] a = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double sum = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    double l = k == i ? 1 : lower[i][k];
                    double u = k == j ? sign[j] * Math.exp(logScale[j]) : upper[k][j];
                    sum += l * u;
                }
                a[i][j] = sum;
            }
        }
        double[][] w = new double[c][];
        for (int i = 0; i < c; i++) {
            w[i] = a[perm[i]];
        }
        return w;
    }

    @Test
    void mixesTheChannelsOfEveryPixelByTheLuWeight() {
        int[] perm = {2, 0, 1};
        double[] sign = {1, -1, 1};
        Invertible1x1Conv layer = new Invertible1x1Conv(3, 2, 2, perm, sign, DataType.DOUBLE);
        FlowNetwork net = FlowNetwork.create(new long[] {3, 2, 2}, DataType.DOUBLE, List.of(layer), 0);
        SplittableRandom random = new SplittableRandom(5);
        double[] p = random.doubles(net.parameterCount(), -0.5, 0.5).toArray();
        net.parameters().assign(Nd4j.createFromArray(p));
        // Unpack in parameter order: lower [3, 3], upper [3, 3], logScale [1, 3]; only the strict
        // triangles of lower and upper take part.
        double[][] lower = new double[3][3];
        double[][] upper = new double[3][3];
        double[] logScale = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                lower[i][j] = p[3 * i + j];
                upper[i][j] = p[9 + 3 * i + j];
            }
            logScale[i] = p[18 + i];
        }
        double[][] w = weightOf(perm, sign, lower, upper, logScale);

        double[][][][] x = new double[2][3][2][2];
        for (double[][][] sample : x) {
            for (double[][] channel : sample) {
                for (double[] row : channel) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = random.nextGaussian();
                    }
                }
            }
        }
        INDArray y = layer.forward(Nd4j.createFromArray(x)).output();
        for (int n = 0; n < 2; n++) {
            for (int h = 0; h < 2; h++) {
                for (int col = 0; col < 2; col++) {
                    for (int i = 0; i < 3; i++) {
                        double expected = 0;
                        for (int j = 0; j < 3; j++) {
                            expected += w[i][j] * x[n][j][h][col];
                        }
                        assertThat(y.getDouble(n, i, h, col)).as("y[%d][%d][%d][%d]", n, i, h, col)
                                .isCloseTo(expected, offset(1e-12));
                    }
                }
            }
        }
        double logAbsDet = Math.log(Math.abs(new LUDecomposition(new Array2DRowRealMatrix(w)).getDeterminant()));
        assertThat(layer.forward(Nd4j.createFromArray(x)).logDet().toDoubleVector())
                .containsExactly(new double[] {4 * logAbsDet, 4 * logAbsDet}, offset(1e-12));
    }

    @Test
    void startsAsARotationOfEachPixelsChannels() {
        Invertible1x1Conv layer = Invertible1x1Conv.randomRotation(3, 1, 2, new SplittableRandom(3), DataType.DOUBLE);
        FlowNetwork.create(new long[] {3, 1, 2}, DataType.DOUBLE, List.of(layer), 0);
        // Pixel 0 has channels (1, 2, 3), pixel 1 has (4, 5, 6).
        INDArray x = Nd4j.createFromArray(new double[][][][] {{{{1, 4}}, {{2, 5}}, {{3, 6}}}});
        INDArray y = layer.forward(x).output();
        double norm0 = 0;
        double norm1 = 0;
        for (int c = 0; c < 3; c++) {
            norm0 += y.getDouble(0, c, 0, 0) * y.getDouble(0, c, 0, 0);
            norm1 += y.getDouble(0, c, 0, 1) * y.getDouble(0, c, 0, 1);
        }
        // An orthogonal map keeps every pixel's norm and has |det| = 1.
        assertThat(norm0).isCloseTo(14, offset(1e-12));
        assertThat(norm1).isCloseTo(77, offset(1e-12));
        assertThat(layer.forward(x).logDet().getDouble(0)).isCloseTo(0, offset(1e-12));
    }

    @Test
    void rejectsAPermutationOfTheWrongLength() {
        assertThatThrownBy(() -> new Invertible1x1Conv(3, 2, 2, new int[] {1, 0}, new double[] {1, 1}, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowPermutation has length 2").hasMessageContaining("3");
    }
}
