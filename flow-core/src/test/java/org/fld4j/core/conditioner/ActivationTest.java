package org.fld4j.core.conditioner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ActivationTest {

    /** Signed zeros, the smallest subnormal, the largest float, and ordinary values of both signs. */
    private static final float[] PRE = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, 1e-30f, -1e-30f, 0.5f, -0.5f, 3f, -3f};

    @Test
    void reluAndItsDerivativeAreExactOnFloat32ForContiguousArraysAndViews() {
        int n = PRE.length;
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            grad[i] = 1.5f + i;
        }
        INDArray pre = Nd4j.createFromArray(PRE).reshape(1, n);
        INDArray gradOut = Nd4j.createFromArray(grad).reshape(1, n);
        // A column view exercises ND4J's ops, the contiguous arrays the Java loops.
        INDArray wide = Nd4j.create(DataType.FLOAT, 2, n + 3);
        INDArray preView = wide.get(NDArrayIndex.point(1), NDArrayIndex.interval(2, 2 + n)).reshape(1, n);
        for (INDArray p : new INDArray[] {pre, preView}) {
            if (p != pre) {
                p.assign(pre);
            }
            INDArray out = Nd4j.create(DataType.FLOAT, 1, n);
            INDArray gradIn = Nd4j.create(DataType.FLOAT, 1, n);
            Activation.RELU.forward(p, out);
            Activation.RELU.backward(p, gradOut, gradIn);
            for (int i = 0; i < n; i++) {
                float x = PRE[i];
                assertThat(out.getFloat(i)).as("relu(%s)", x).isEqualTo(x > 0 ? x : 0f);
                assertThat(gradIn.getFloat(i)).as("relu'(%s)", x).isEqualTo(x > 0 ? grad[i] : 0f);
            }
        }
    }
}
