package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SqueezeTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return new Squeeze(new long[] {2, 4, 4}, type);
    }

    @Test
    void channelOrderIsFourCPlusTwoDyPlusDx() {
        int n = 2;
        int c = 3;
        int h = 4;
        int w = 6;
        double[] v = new double[n * c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        INDArray x = Nd4j.createFromArray(v).reshape(n, c, h, w);
        INDArray y = new Squeeze(new long[] {c, h, w}, DataType.DOUBLE).forward(x).output();
        assertThat(y.shape()).containsExactly(n, 4L * c, h / 2, w / 2);
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        int k = 4 * ch + 2 * (i % 2) + (j % 2);
                        double expected = ((s * c + ch) * h + i) * w + j;
                        assertThat(y.getDouble(s, k, i / 2, j / 2)).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void oddSizesAreRejected() {
        assertThatThrownBy(() -> new Squeeze(new long[] {1, 5, 4}, DataType.FLOAT)).hasMessageContaining("[1, 5, 4]");
    }
}
