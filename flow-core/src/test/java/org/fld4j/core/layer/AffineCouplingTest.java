package org.fld4j.core.layer;

import org.fld4j.core.Transform;
import org.fld4j.core.TransformContractTest;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.buffer.DataType;

class AffineCouplingTest {

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
