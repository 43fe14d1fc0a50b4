package org.fld4j.core.image;

import java.util.SplittableRandom;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The logit preprocessing keeps the layer contract on its domain (0, 1); a large alpha exercises its term. */
class LogitTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return new Logit(new long[] {2, 4, 4}, 0.05, type);
    }

    @Override
    protected INDArray input(long n, long[] sampleShape, DataType type, SplittableRandom random) {
        long[] shape = Tensors.batchShape(n, sampleShape);
        double[] v = new double[Math.toIntExact(Tensors.sampleSize(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.02 + 0.96 * random.nextDouble();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(type);
    }

    @org.junit.jupiter.api.Test
    void anAlphaOutsideZeroToOneIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Logit(new long[] {1, 2, 2}, 1.0, DataType.DOUBLE))
                .hasMessage("alpha must be in [0, 1), got 1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Logit.requireAlpha("logitAlpha", -0.5))
                .hasMessage("logitAlpha must be in [0, 1), got -0.5");
        Logit.requireAlpha("alpha", 0.0);
    }
}
