package org.fld4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InvertibleLinearTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return InvertibleLinear.randomRotation(6, new SplittableRandom(2), type);
    }

    @Test
    void startsAsARotation() {
        InvertibleLinear layer = InvertibleLinear.randomRotation(5, new SplittableRandom(3), DataType.DOUBLE);
        FlowNetwork.create(new long[] {5}, DataType.DOUBLE, List.of(layer), 0);
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}});
        INDArray y = layer.forward(x).output();
        // An orthogonal map keeps norms and has |det| = 1.
        assertThat(y.norm2Number().doubleValue()).isCloseTo(Math.sqrt(55), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(layer.forward(x).logDet().getDouble(0)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
    }
}
