package org.fld4j.core.conditioner;

import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.Planar;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layout in which a gated network's 3x3 convolutions take and give their data, decided by
 * {@link Scratch#convolutionData}: contiguous NCHW arrays (NHWC while the network evaluates) where oneDNN convolves
 * them and the fused kernels run ({@link Scratch#nchwConvolutionData}), planar {@code [C, N*H*W]} blocks otherwise. The network's own input and output are always NCHW; these calls move
 * data across that border only when the layouts differ, so the network reads as its maths.
 */
final class ConvolutionLayout {

    private final Scratch scratch;
    private final PlanarBuffers planar;

    ConvolutionLayout(Scratch scratch, PlanarBuffers planar) {
        this.scratch = scratch;
        this.planar = planar;
    }

    /** The work block {@code name} of {@code rows} channels, seen in the convolutions' layout. */
    INDArray block(String name, long rows, Geometry g) {
        INDArray block = planar.get(name, rows, g);
        return scratch.convolutionData(block, g);
    }

    /**
     * Copies the network input {@code nchw} into the block {@code name} (kept there for the backward pass) and
     * returns it in the convolutions' layout.
     */
    INDArray copyIn(INDArray nchw, String name, long channels, Geometry g) {
        INDArray block = planar.get(name, channels, g);
        if (scratch.nchwConvolutionData()) {
            return scratch.convolutionData(block, g).assign(nchw);
        }
        Planar.image(block, g).assign(nchw.permute(1, 0, 2, 3));
        return block;
    }

    /** {@code nchw} in the convolutions' layout: itself when the layouts agree, else copied into the block {@code name}. */
    INDArray read(INDArray nchw, String name, long channels, Geometry g) {
        if (scratch.nchwConvolutionData()) {
            return nchw;
        }
        INDArray block = planar.get(name, channels, g);
        Planar.image(block, g).assign(nchw.permute(1, 0, 2, 3));
        return block;
    }

    /**
     * Where a convolution should write what ends in the NCHW array {@code nchw}: that array itself when the
     * layouts agree, else the planar block {@code name}; {@link #copyOut} then finishes the move.
     */
    INDArray target(INDArray nchw, String name, long channels, Geometry g) {
        return scratch.nchwConvolutionData() ? nchw : planar.get(name, channels, g);
    }

    /** Moves a convolution's result written to {@link #target} into {@code nchw} (nothing to do when it is). */
    void copyOut(INDArray written, INDArray nchw, Geometry g) {
        if (written != nchw) {
            nchw.permute(1, 0, 2, 3).assign(Planar.image(written, g));
        }
    }
}
