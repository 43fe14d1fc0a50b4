package org.fld4j.core.layer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.Transform;
import org.fld4j.core.TransformContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class AffineCouplingTest {

    /** The conditioner's kept activations are freed by a release: backward then asks for a forward. */
    @Test
    void backwardAfterAReleaseNeedsANewForward() {
        AffineCoupling layer = new AffineCoupling(new HalfMask(6, false), new int[] {8}, Activation.TANH,
                CouplingForm.AFFINE, DataType.DOUBLE);
        FlowNetwork net = FlowNetwork.create(layer.inputShape(), DataType.DOUBLE, List.of(layer), 1);
        layer.forward(Nd4j.rand(DataType.DOUBLE, 3, 6));
        net.releaseWorkArrays();
        assertThatThrownBy(() -> layer.backward(Nd4j.ones(DataType.DOUBLE, 3, 6), Nd4j.ones(DataType.DOUBLE, 3)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Nested
    class AffineFormFirstHalfConditions extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new AffineCoupling(new HalfMask(6, false), new int[] {8, 8}, Activation.TANH, CouplingForm.AFFINE, type);
        }
    }

    @Nested
    class FldFormSecondHalfConditionsOddDimension extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new AffineCoupling(new HalfMask(7, true), new int[] {8}, Activation.ELU, CouplingForm.FLD, type);
        }
    }

    @Nested
    class ReluConditioner extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new AffineCoupling(new HalfMask(5, false), new int[] {16, 16}, Activation.RELU, CouplingForm.FLD, type);
        }
    }

    @Nested
    class LeakyReluConditioner extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new AffineCoupling(new HalfMask(4, true), new int[] {6}, Activation.LEAKY_RELU, CouplingForm.AFFINE, type);
        }
    }
}
