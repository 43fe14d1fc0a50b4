package org.fld4j.core.image;

import org.fld4j.core.BufferCache;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code [ELU(x), ELU(-x)]} along the channels of an NCHW tensor (ELU with alpha 1): doubles the
 * channel count.
 *
 * <p>The signed input {@code s = [x, -x]} is kept, so that one ELU and one ELU-derivative op cover
 * both halves: {@code dL/dx = g_a ELU'(x) - g_b ELU'(-x) = ds[:, :c] - ds[:, c:]} with
 * {@code ds = g ELU'(s)}.
 */
final class ConcatElu {

    private final int channels;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();

    ConcatElu(int channels, DataType dataType) {
        this.channels = channels;
        this.dataType = dataType;
    }

    private INDArray doubled(String name, INDArray like) {
        return buffers.get(name, dataType, like.size(0), 2L * channels, like.size(2), like.size(3));
    }

    /** {@code x [N, c, H, W] -> [N, 2c, H, W]}, an owned buffer kept until the next forward of that shape. */
    INDArray forward(INDArray x) {
        INDArray signed = doubled("signed", x);
        Channels.slice(signed, 0, channels).assign(x);
        Nd4j.exec(new Negative(x, Channels.slice(signed, channels, channels)));
        INDArray out = doubled("out", x);
        Nd4j.exec(new ELU(signed, out));
        return out;
    }

    /** The output of the last forward of the shape of {@code like} (same N, H, W). */
    INDArray output(INDArray like) {
        return doubled("out", like);
    }

    /**
     * {@code dL/dx} for {@code gradOutput [N, 2c, H, W]}, plus {@code addend [N, c, H, W]} when not null
     * (a residual branch's gradient, summed here to save a pass). Returns an owned buffer.
     */
    INDArray backward(INDArray gradOutput, INDArray addend) {
        INDArray signed = doubled("signed", gradOutput);
        INDArray gradSigned = doubled("gradSigned", gradOutput);
        Nd4j.exec(new EluBp(signed, gradOutput, gradSigned));
        INDArray gradInput = buffers.get("gradInput", dataType, gradOutput.size(0), channels,
                gradOutput.size(2), gradOutput.size(3));
        Nd4j.exec(new SubOp(Channels.slice(gradSigned, 0, channels), Channels.slice(gradSigned, channels, channels),
                gradInput));
        if (addend != null) {
            Nd4j.exec(new AddOp(gradInput, addend, gradInput));
        }
        return gradInput;
    }
}
