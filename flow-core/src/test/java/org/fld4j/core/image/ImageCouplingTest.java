package org.fld4j.core.image;

import org.fld4j.core.Transform;
import org.fld4j.core.TransformContractTest;
import org.fld4j.core.layer.CouplingForm;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.buffer.DataType;

/** Image couplings (and through them the gated conv net) under the shared layer contract, 2 x 4 x 4. */
class ImageCouplingTest {

    private static final long[] SHAPE = {2, 4, 4};

    @Nested
    class CheckerboardFld extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new ImageCoupling(SHAPE, MaskKind.CHECKERBOARD, false, 3, 2, CouplingForm.FLD, 0, type);
        }
    }

    @Nested
    class InvertedCheckerboardAffine extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new ImageCoupling(SHAPE, MaskKind.CHECKERBOARD, true, 3, 1, CouplingForm.AFFINE, 0, type);
        }
    }

    @Nested
    class ChannelFld extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new ImageCoupling(SHAPE, MaskKind.CHANNEL, false, 4, 1, CouplingForm.FLD, 0, type);
        }
    }

    @Nested
    class InvertedChannelNoBlocks extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return new ImageCoupling(SHAPE, MaskKind.CHANNEL, true, 2, 0, CouplingForm.FLD, 0, type);
        }
    }
}
