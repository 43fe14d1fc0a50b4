package org.fld4j.core.image;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fld4j.core.coupling.Coupling;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.coupling.MaskKind;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.fld4j.core.transform.Transformed;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A split whose kept half goes through a squeeze and a channel coupling, 2 x 4 x 4 in. */
class MultiScaleSplitTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        long[] kept = {1, 4, 4};
        return new MultiScaleSplit(new long[] {2, 4, 4}, List.of(new Squeeze(kept, type),
                Coupling.image(new long[] {4, 2, 2}, MaskKind.CHANNEL, false, 3, 1, CouplingForm.FLD, 0, type)), type);
    }

    /** An identity layer that records the evaluation arrays its network hands it. */
    private static final class RecordingLayer implements Transform, SharesInferenceArrays {
        private final long[] shape;
        private InferenceArrays shared;

        RecordingLayer(long[] shape) {
            this.shape = shape;
        }

        @Override
        public void shareInferenceArrays(InferenceArrays arrays) {
            shared = arrays;
        }

        @Override
        public long[] inputShape() {
            return shape.clone();
        }

        @Override
        public long[] outputShape() {
            return shape.clone();
        }

        @Override
        public DataType dataType() {
            return DataType.DOUBLE;
        }

        @Override
        public Transformed forward(INDArray x) {
            return new Transformed(x, Nd4j.zeros(DataType.DOUBLE, x.size(0)));
        }

        @Override
        public Transformed inverse(INDArray y) {
            return forward(y);
        }

        @Override
        public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
            return gradOutput;
        }

        @Override
        public LayerConfig config() {
            return LayerConfig.of("recording").build();
        }
    }

    @Test
    void theInnerLayersTakeTheNetworksEvaluationArrays() {
        // Without them the inner couplings evaluated with their training buffers and layout.
        RecordingLayer first = new RecordingLayer(new long[] {1, 4, 4});
        RecordingLayer second = new RecordingLayer(new long[] {1, 4, 4});
        MultiScaleSplit split = new MultiScaleSplit(new long[] {2, 4, 4}, List.of(first, second), DataType.DOUBLE);
        InferenceArrays arrays = new InferenceArrays();
        split.shareInferenceArrays(arrays);
        assertThat(first.shared).isSameAs(arrays);
        assertThat(second.shared).isSameAs(arrays);
    }

    @Test
    void theFactoredOutHalfIsCopiedIntoTheLatentUnchanged() {
        Transform split = newLayer(DataType.DOUBLE);
        network(DataType.DOUBLE, 1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 4, 4);
        Transform layer = network(DataType.DOUBLE, 2).layers().get(0);
        INDArray z = layer.forward(x).output();
        assertThat(z.shape()).containsExactly(3L, 32L);
        INDArray factored = z.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(16, 32));
        assertThat(factored).isEqualTo(x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).reshape(3, 16));
        assertThat(split.outputShape()).containsExactly(32L);
    }
}
