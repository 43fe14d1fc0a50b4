package org.fld4j.core.coupling;


import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Image couplings (and through them the gated conv net) under the shared layer contract, 2 x 4 x 4. */
class ImageCouplingTest {

    private static final long[] SHAPE = {2, 4, 4};

    /** The network's kept activations are freed by a release: backward then asks for a forward. */
    @Test
    void backwardAfterAReleaseNeedsANewForward() {
        Coupling layer = Coupling.image(SHAPE, MaskKind.CHECKERBOARD, false, 3, 1, CouplingForm.FLD, 0,
                DataType.DOUBLE);
        FlowNetwork net = FlowNetwork.create(SHAPE, DataType.DOUBLE, List.of(layer), 1);
        layer.forward(Nd4j.rand(DataType.DOUBLE, 3, 2, 4, 4));
        net.releaseWorkArrays();
        assertThatThrownBy(() -> layer.backward(Nd4j.ones(DataType.DOUBLE, 3, 2, 4, 4), Nd4j.ones(DataType.DOUBLE, 3)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Nested
    class CheckerboardFld extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.image(SHAPE, MaskKind.CHECKERBOARD, false, 3, 2, CouplingForm.FLD, 0, type);
        }
    }

    @Nested
    class InvertedCheckerboardAffine extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.image(SHAPE, MaskKind.CHECKERBOARD, true, 3, 1, CouplingForm.AFFINE, 0, type);
        }
    }

    @Nested
    class ChannelFld extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.image(SHAPE, MaskKind.CHANNEL, false, 4, 1, CouplingForm.FLD, 0, type);
        }
    }

    @Nested
    class InvertedChannelNoBlocks extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.image(SHAPE, MaskKind.CHANNEL, true, 2, 0, CouplingForm.FLD, 0, type);
        }
    }
}
