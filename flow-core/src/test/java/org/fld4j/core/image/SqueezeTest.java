package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.core.Transform;
import org.fld4j.core.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SqueezeTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return new Squeeze(2, 4, 4, type);
    }

    /** x[n][c][h][w] = 1000 n + 100 c + 10 h + w: every value names its position. */
    private static double[][][][] positional(int n, int c, int h, int w) {
        double[][][][] x = new double[n][c][h][w];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < c; b++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        x[a][b][i][j] = 1000 * a + 100 * b + 10 * i + j;
                    }
                }
            }
        }
        return x;
    }

    @Test
    void newChannelIsFourCPlusTwoDyPlusDx() {
        int n = 2;
        int c = 3;
        int h = 4;
        int w = 6;
        double[][][][] x = positional(n, c, h, w);
        Squeeze squeeze = new Squeeze(c, h, w, DataType.DOUBLE);
        INDArray y = squeeze.forward(Nd4j.createFromArray(x)).output();
        assertThat(y.shape()).containsExactly(n, 4L * c, h / 2, w / 2);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < c; b++) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        for (int i = 0; i < h / 2; i++) {
                            for (int j = 0; j < w / 2; j++) {
                                int k = 4 * b + 2 * dy + dx;
                                assertThat(y.getDouble(a, k, i, j)).as("y[%d][%d][%d][%d]", a, k, i, j)
                                        .isEqualTo(x[a][b][2 * i + dy][2 * j + dx]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void firstSqueezedChannelsOfOneChannelAreTheFourBlockCorners() {
        // One 2 x 2 image [[1, 2], [3, 4]]: channel k = 2 dy + dx holds the corner (dy, dx).
        Squeeze squeeze = new Squeeze(1, 2, 2, DataType.DOUBLE);
        INDArray y = squeeze.forward(Nd4j.createFromArray(new double[][][][] {{{{1, 2}, {3, 4}}}})).output();
        assertThat(y.reshape('c', new long[] {4}).toDoubleVector()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void reusesItsOutputBufferForTheSameBatchSize() {
        Squeeze squeeze = new Squeeze(1, 2, 2, DataType.DOUBLE);
        INDArray x = Nd4j.createFromArray(positional(3, 1, 2, 2));
        INDArray first = squeeze.forward(x).output();
        INDArray second = squeeze.forward(x).output();
        assertThat(second).isSameAs(first);
    }

    @Test
    void rejectsAnOddHeightOrWidth() {
        assertThatThrownBy(() -> new Squeeze(1, 3, 4, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height 3");
        assertThatThrownBy(() -> new Squeeze(1, 4, 5, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width 5");
        assertThatThrownBy(() -> new Squeeze(0, 4, 4, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels must be >= 1, got 0");
    }
}
