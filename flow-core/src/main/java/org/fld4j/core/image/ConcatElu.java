package org.fld4j.core.image;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code [ELU(x), ELU(-x)]} along the channels (doubling them), and its gradient. */
final class ConcatElu {

    private ConcatElu() {
    }

    static INDArray channels(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Writes {@code [ELU(x), ELU(-x)]} into {@code out} ([N, 2C, H, W]) and {@code -x} into {@code negated}. */
    static void forward(INDArray x, INDArray negated, INDArray out) {
        long c = x.size(1);
        negated.assign(x).negi();
        Nd4j.exec(new ELU(x, channels(out, 0, c)));
        Nd4j.exec(new ELU(negated, channels(out, c, 2 * c)));
    }

    /** {@code dL/dx = g1 ELU'(x) - g2 ELU'(-x)} for {@code gradOut = [g1, g2]}; {@code scratch} is [N, C, H, W]. */
    static INDArray backward(INDArray x, INDArray negated, INDArray gradOut, INDArray scratch, INDArray gradIn) {
        long c = x.size(1);
        Nd4j.exec(new EluBp(x, channels(gradOut, 0, c), gradIn));
        Nd4j.exec(new EluBp(negated, channels(gradOut, c, 2 * c), scratch));
        return gradIn.subi(scratch);
    }
}
