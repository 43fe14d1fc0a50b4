package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChannelActNormTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return new ChannelActNorm(2, 4, 4, type, true);
    }

    /**
     * Two samples of 2 x 2 x 2 whose channel 0 alternates 1, 3 (mean 2, population std 1) and channel
     * 1 alternates -4, 2 (mean -1, population std 3) over samples and pixels.
     */
    private static INDArray twoChannelBatch() {
        return Nd4j.createFromArray(new double[][][][] {
                {{{1, 3}, {3, 1}}, {{-4, 2}, {2, -4}}},
                {{{3, 1}, {1, 3}}, {{2, -4}, {-4, 2}}}});
    }

    @Test
    void dataDependentInitStandardisesEachChannelOverSamplesAndPixels() {
        ChannelActNorm layer = new ChannelActNorm(2, 2, 2, DataType.DOUBLE, false);
        FlowNetwork net = FlowNetwork.create(new long[] {2, 2, 2}, DataType.DOUBLE, List.of(layer), 0);
        INDArray x = twoChannelBatch();
        assertThat(layer.isInitialized()).isFalse();
        assertThat(layer.config().getBoolean("initialized")).isFalse();
        net.initializeFromData(x);
        assertThat(layer.isInitialized()).isTrue();
        assertThat(layer.config().getBoolean("initialized")).isTrue();

        double[][][][] y = toArray(layer.forward(x).output());
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            double sumSquares = 0;
            for (int n = 0; n < 2; n++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 2; w++) {
                        sum += y[n][c][h][w];
                        sumSquares += y[n][c][h][w] * y[n][c][h][w];
                    }
                }
            }
            double mean = sum / 8;
            assertThat(mean).as("mean of channel %d", c).isCloseTo(0, offset(1e-12));
            assertThat(Math.sqrt(sumSquares / 8 - mean * mean)).as("std of channel %d", c).isCloseTo(1, offset(1e-5));
        }
        // Channel 0 value 1 is one standard deviation below its mean; channel 1 value 2 one above.
        assertThat(y[0][0][0][0]).isCloseTo(-1, offset(1e-5));
        assertThat(y[0][1][0][1]).isCloseTo(1, offset(1e-5));
        // log|det| = H * W * (-log(1 + 1e-6) - log(3 + 1e-6)) per sample
        INDArray logDet = layer.forward(x).logDet();
        double expected = 4 * (-Math.log(1 + 1e-6) - Math.log(3 + 1e-6));
        assertThat(logDet.toDoubleVector()).containsExactly(new double[] {expected, expected}, offset(1e-12));
    }

    private static double[][][][] toArray(INDArray a) {
        int n = (int) a.size(0);
        int c = (int) a.size(1);
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        double[][][][] out = new double[n][c][h][w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                for (int k = 0; k < h; k++) {
                    for (int l = 0; l < w; l++) {
                        out[i][j][k][l] = a.getDouble(i, j, k, l);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aFreshLayerIsTheIdentityUntilInitialised() {
        ChannelActNorm layer = new ChannelActNorm(2, 2, 2, DataType.DOUBLE, false);
        FlowNetwork.create(new long[] {2, 2, 2}, DataType.DOUBLE, List.of(layer), 0);
        INDArray x = twoChannelBatch();
        assertThat(layer.forward(x).output()).isEqualTo(x);
        assertThat(layer.forward(x).logDet().toDoubleVector()).containsExactly(0, 0);
    }

    @Test
    void aRestoredInitialisedLayerIsNotInitialisedAgain() {
        ChannelActNorm layer = new ChannelActNorm(2, 2, 2, DataType.DOUBLE, false);
        FlowNetwork net = FlowNetwork.create(new long[] {2, 2, 2}, DataType.DOUBLE, List.of(layer), 0);
        net.initializeFromData(twoChannelBatch());
        FlowNetwork restored = FlowNetwork.restore(net.sampleShape(), DataType.DOUBLE, net.layerConfigs(),
                net.parameters());
        assertThat(restored.needsDataInitialization()).isFalse();
        INDArray other = Nd4j.createFromArray(new SplittableRandom(1).doubles(8 * 2, -5, 5).toArray())
                .reshape('c', new long[] {2, 2, 2, 2});
        assertThat(restored.logProb(other)).containsExactly(net.logProb(other));
    }

    @Test
    void scalesEveryPixelOfAChannelByItsOwnFactor() {
        ChannelActNorm layer = new ChannelActNorm(2, 1, 2, DataType.DOUBLE, true);
        FlowNetwork net = FlowNetwork.create(new long[] {2, 1, 2}, DataType.DOUBLE, List.of(layer), 0);
        // bias = (1, -1), logScale = (ln 2, ln 0.5)
        net.parameters().assign(Nd4j.createFromArray(1, -1, Math.log(2), Math.log(0.5)));
        INDArray x = Nd4j.createFromArray(new double[][][][] {{{{0, 1}}, {{3, 5}}}});
        INDArray y = layer.forward(x).output();
        assertThat(y.reshape('c', new long[] {4}).toDoubleVector())
                .containsExactly(new double[] {2, 4, 1, 2}, offset(1e-12));
        assertThat(layer.forward(x).logDet().getDouble(0)).isCloseTo(2 * (Math.log(2) + Math.log(0.5)), offset(1e-12));
    }
}
