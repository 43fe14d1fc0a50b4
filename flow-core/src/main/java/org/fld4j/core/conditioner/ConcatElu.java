package org.fld4j.core.conditioner;

import org.fld4j.core.internal.kernel.EluKernels;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code [ELU(x), ELU(-x)]} along the channels of a planar tensor (ELU with alpha 1): doubles the
 * channel count.
 *
 * <p>Computed as {@code m = expm1(-|x|)}, {@code ELU(x) = max(x, m)}, {@code ELU(-x) = max(-x, m)}
 * (for x > 0, m lies in (-1, 0) below x; for x <= 0, {@code e^x - 1 >= x}). One exponential per
 * input instead of libnd4j's ELU over both halves, which on the CPU natives cost about as much as
 * twenty cheap passes per element. The backward pass uses the kept output e:
 * {@code ELU'(s) = 1 + min(e, 0)}, again without exponentials.
 */
final class ConcatElu implements WorkArrays {

    private final int channels;
    private final PlanarBuffers buffers;
    private final Scratch scratch;
    /** Whether the output feeds a 3x3 convolution, and so takes the convolutions' data layout. */
    private final boolean feedsConvolution;

    /**
     * The evaluation role of every ConcatELU of a network (see {@link Scratch#layerBuffers}): an evaluation reads a
     * ConcatELU's output only in the convolution right after it, which has run before the next ConcatELU starts, so
     * all of them (a gated block's two and the output's) can write one array. That is the largest array of a pass,
     * twice the hidden channels: at 256 images of 1x28x28, fld-paper's shared arrays took 569 MB with a role per
     * ConcatELU and take 363 MB with one.
     */
    private static final String EVALUATION_ROLE = "elu";

    /**
     * {@code feedsConvolution}: whether its output is a 3x3 convolution's input (see
     * {@link Scratch#nchwConvolutionData}), rather than a 1x1 convolution's (always planar).
     */
    ConcatElu(int channels, Scratch scratch, boolean feedsConvolution) {
        this.channels = channels;
        this.buffers = scratch.layerBuffers(EVALUATION_ROLE);
        this.scratch = scratch;
        this.feedsConvolution = feedsConvolution;
    }

    /**
     * A buffer of c channels that a 3x3 convolution may write and pass to {@link #forward}, to save it a
     * buffer of its own: in the convolutions' data layout (see {@link Scratch#nchwConvolutionData}).
     */
    INDArray input(Geometry g) {
        INDArray storage = buffers.get("input", channels, g);
        return scratch.convolutionData(storage, g);
    }

    /**
     * {@code x [c, P] -> [2c, P]}, an owned buffer kept until the next forward of that geometry. The
     * backward pass does not read x again.
     */
    INDArray forward(INDArray x, Geometry g) {
        INDArray out = output(g);
        EluKernels.forward(x, out, scratch.fusedKernels(), (name, rows) -> scratch.shared(name, rows, g));
        return out;
    }

    /** The output of the last forward of this geometry (NCHW where it feeds a convolution that takes it). */
    INDArray output(Geometry g) {
        INDArray storage = buffers.get("out", 2L * channels, g);
        return feedsConvolution ? scratch.convolutionData(storage, g) : scratch.layerData(storage, g);
    }

    /**
     * {@code dL/dx [c, P]} for {@code gradOutput [2c, P]}, plus {@code addend [c, P]} when not null (a
     * residual branch's gradient, summed here to save a buffer). Returns a network-shared buffer that
     * lasts until the next backward of a ConcatELU.
     */
    INDArray backward(INDArray gradOutput, Geometry g, INDArray addend) {
        INDArray gradInput = scratch.shared("elu.gradInput", channels, g);
        EluKernels.backward(gradOutput, output(g), addend, gradInput, scratch.fusedKernels(),
                (name, rows) -> scratch.shared(name, rows, g));
        return gradInput;
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
