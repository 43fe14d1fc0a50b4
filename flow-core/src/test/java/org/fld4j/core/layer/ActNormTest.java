package org.fld4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActNormTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return new ActNorm(5, type, true);
    }

    @Test
    void dataDependentInitStandardisesTheFirstBatch() {
        ActNorm layer = new ActNorm(2, DataType.DOUBLE, false);
        FlowNetwork net = FlowNetwork.create(new long[] {2}, DataType.DOUBLE, List.of(layer), 0);
        // Column 0: mean 2, population std 1; column 1: mean -1, population std 3.
        INDArray x = Nd4j.createFromArray(new double[][] {{1, -4}, {3, 2}, {1, -4}, {3, 2}});
        assertThat(layer.isInitialized()).isFalse();
        net.initializeFromData(x);
        assertThat(layer.isInitialized()).isTrue();
        INDArray y = layer.forward(x).output();
        assertThat(y.toDoubleMatrix()[0][0]).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(y.toDoubleMatrix()[1][1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        // log|det| = -log(1 + 1e-6) - log(3 + 1e-6) per sample
        assertThat(layer.forward(x).logDet().getDouble(0))
                .isCloseTo(-Math.log(1 + 1e-6) - Math.log(3 + 1e-6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(layer.config().getBoolean("initialized")).isTrue();
    }
}
