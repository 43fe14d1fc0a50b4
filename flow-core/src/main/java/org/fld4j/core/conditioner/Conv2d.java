package org.fld4j.core.conditioner;

import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.internal.backend.NativeBackend;
import org.fld4j.core.internal.backend.NativeCallEvent;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.Planar;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A stride-1 square convolution with "same" zero padding on planar tensors.
 *
 * <p>Two ways to compute it, chosen once per process: when libnd4j was built with oneDNN (fld4j's
 * default natives, {@code linux-x86_64-onednn-avx2}), the native {@code conv2d} and {@code conv2d_bp} ops
 * run on NCHW views of the planar buffers, or on contiguous NCHW arrays where the caller keeps its data
 * that way (oneDNN ran faster on those, see {@link Scratch#nchwConvolutionData}), or on NHWC arrays while
 * the network evaluates (faster still for the forward pass, see {@link Scratch#convolutionData}), at
 * 10-30x the speed of the same ops without oneDNN. Otherwise, and always for 1x1 kernels, the
 * convolution is one matrix product over the whole batch: {@code out [o, P] = W [o, i k k] x patches [i k k, P]}.
 *
 * <p>Weights are {@code [out, in, k, k]} and the bias {@code [out]}, PyTorch's layout, so parameters
 * can be compared with (or imported from) the reference as they are.
 *
 * <p>Why the matrix-product form is kept beside the native op: on natives without oneDNN (the plain
 * {@code linux-x86_64} and {@code -avx2} builds, which a user may pick), libnd4j's {@code conv2d} forward ran
 * 3-4x and its {@code conv2d_bp} 10-20x slower than a GEMM of the same size (the op's own im2col and
 * tensor contractions copy and permute; its col2im dominates the backward pass). Here the patches are
 * unfolded with k*k strided copies and everything else is GEMM. The input gradient is computed as a
 * convolution of the output gradient with the flipped, transposed kernel, which needs only another
 * unfolding instead of a scatter-add ("col2im").
 */
final class Conv2d implements WorkArrays {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final Scratch scratch;
    private final boolean nativeOp;
    private final BufferCache buffers = new BufferCache();
    private INDArray weight;
    /** The weight as the matrix {@code [out, in k k]} (a view). */
    private INDArray weightMatrix;
    private INDArray weightGradMatrix;
    /** The bias as a column {@code [out, 1]} (a view). */
    private INDArray bias;
    private INDArray biasGrad;
    /** The bias as the vector {@code [out]} the native op takes. */
    private INDArray biasVector;

    /** Whether libnd4j's native convolutions run in oneDNN in this process. */
    static final boolean ONEDNN = NativeBackend.oneDnnLoaded();

    /**
     * The most pixels (images x height x width) that one native {@code conv2d_bp} call covers, 64 images of 28x28;
     * a larger batch is split by images and the parts' weight and bias gradients are added. libnd4j's oneDNN
     * backward pass slowed down steeply past about this size: 64 images of 64 -> 6 channels took 10-22 ms at 28x28
     * but 109 ms at 30x30 and 88-197 ms at 32x32, where two calls of 32 images took 16-43 ms and PyTorch's oneDNN
     * 9.4-10 ms in one call. In a 3x32x32 training step of fld-paper (64 images, one worker) the backward
     * convolutions took 304-395 ms split so against 493-574 ms in one call each, and the step ran at 58-71 against
     * 51-58 images/s (alternating runs). Parts of 16 images were no faster at 3x32x32 and made a 1x28x28 step
     * slower (72 against 93-94 images/s). The forward pass is not split: split the same way, a training step ran
     * 16-20% slower and an FLD scoring pass 10%.
     */
    static final long BACKWARD_PIXELS_PER_CALL = 64 * 28 * 28;

    Conv2d(int inChannels, int outChannels, int kernel, Scratch scratch) {
        this(inChannels, outChannels, kernel, scratch, ONEDNN);
    }

    /** {@code preferNativeOp} false forces the matrix-product form (tests compare the two). */
    Conv2d(int inChannels, int outChannels, int kernel, Scratch scratch, boolean preferNativeOp) {
        if (kernel % 2 != 1) {
            throw new IllegalArgumentException("same padding needs an odd kernel, got " + kernel);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.scratch = scratch;
        this.nativeOp = preferNativeOp && kernel > 1;
    }

    static long parameterCount(int inChannels, int outChannels, int kernel) {
        return (long) outChannels * inChannels * kernel * kernel + outChannels;
    }

    private long patchSize() {
        return (long) inChannels * kernel * kernel;
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        return List.of(new ParameterSpec(prefix + "weight", outChannels, inChannels, kernel, kernel),
                new ParameterSpec(prefix + "bias", outChannels));
    }

    /** Takes weight and bias from position {@code offset}; returns the position after them. */
    int bind(List<INDArray> values, List<INDArray> grads, int offset) {
        weight = values.get(offset);
        weightMatrix = Planar.matrix(weight, outChannels, patchSize());
        weightGradMatrix = Planar.matrix(grads.get(offset), outChannels, patchSize());
        biasVector = values.get(offset + 1);
        bias = Planar.matrix(biasVector, outChannels, 1);
        biasGrad = Planar.matrix(grads.get(offset + 1), outChannels, 1);
        return offset + 2;
    }

    /** PyTorch's default for Conv2d: weight and bias U(±1/sqrt(fanIn)), fanIn = in * k * k. */
    void initialize(RandomGenerator random) {
        double bound = 1.0 / Math.sqrt(patchSize());
        LayerInit.uniform(weight, -bound, bound, random);
        LayerInit.uniform(bias, -bound, bound, random);
    }

    void zero() {
        weight.assign(0);
        bias.assign(0);
    }

    /** {@code output [out, P] = conv(input [in, P])}; {@code output} may be a row block of a larger matrix. */
    void forward(INDArray input, Geometry g, INDArray output) {
        NativeCallEvent event = NativeCallEvent.start();
        if (nativeOp) {
            INDArray in = nchw(input, g);
            INDArray out = nchw(output, g);
            // NHWC where both are (see Scratch.convolutionData); the output convolution, which writes its
            // caller's NCHW array, stays NCHW.
            boolean nhwc = Planar.isNhwcView(in) && Planar.isNhwcView(out);
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(data(in, nhwc), weight, biasVector)
                    .addOutputs(data(out, nhwc)).addIntegerArguments(convArguments(nhwc)).build());
            event.end("conv2d", kernel, false);
            return;
        }
        requirePlanar(input, output);
        Nd4j.gemm(weightMatrix, patches(input, inChannels, g), output, false, false, 1.0, 0.0);
        event.end("gemm", kernel, false);
        Planar.add(output, bias, output);
    }

    private void requirePlanar(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.rank() != 2) {
                throw new IllegalArgumentException("the matrix-product convolution takes planar [C, N*H*W] arrays, got rank "
                        + a.rank());
            }
        }
    }

    /**
     * {@link #forward} without the bias, for a caller that adds {@link #biasVector()} in a pass of its
     * own (a 1x1 convolution is one matrix product, and the bias would be a second pass over its output).
     */
    void forwardWithoutBias(INDArray input, Geometry g, INDArray output) {
        NativeCallEvent event = NativeCallEvent.start();
        if (kernel == 1 && Planar.isNhwcView(input) && Planar.isNhwcView(output)) {
            // Pixel-major data while the network evaluates (Scratch.layerData): [P, in] x W^T = [P, out].
            ViewCache views = scratch.views();
            Nd4j.gemm(views.of(input, "pixelMatrix", Planar::pixelMatrix), weightMatrix,
                    views.of(output, "pixelMatrix", Planar::pixelMatrix), false, true, 1.0, 0.0);
            event.end("gemm", kernel, false);
            return;
        }
        requirePlanar(input, output);
        Nd4j.gemm(weightMatrix, patches(input, inChannels, g), output, false, false, 1.0, 0.0);
        event.end("gemm", kernel, false);
    }

    /** The bias {@code [out]} (a view of the bound parameters). */
    INDArray biasVector() {
        return biasVector;
    }

    /**
     * Writes {@code dL/dinput [in, P]} into {@code gradInput} and adds the weight and bias gradients
     * into the bound gradient views (GEMM with beta 1 accumulates in place).
     */
    void backward(INDArray input, INDArray gradOutput, Geometry g, INDArray gradInput) {
        if (nativeOp) {
            // conv2d_bp overwrites its weight and bias gradients, so they go to scratch and are added.
            INDArray weightStep = buffers.get("weightStep", weight.dataType(), weight.shape());
            INDArray biasStep = buffers.get("biasStep", weight.dataType(), outChannels);
            // The input gradient goes to a contiguous NCHW array and is copied into the planar one: written
            // straight into the strided planar view, conv2d_bp took 1.5-3x as long (at 64 x 64 x 28 x 28,
            // 19-26 ms instead of 10-12 ms, against 1 ms for the copy).
            // A caller that takes NCHW data passes a contiguous NCHW gradInput, which needs no copy.
            INDArray gradInputNchw = gradInput.rank() == 4 ? gradInput
                    : Planar.storageAsNchw(scratch.shared("conv.gradInput", inChannels, g), g);
            INDArray inputNchw = nchw(input, g);
            INDArray gradOutputNchw = nchw(gradOutput, g);
            long parts = Math.min(g.n(), (g.pixels() + BACKWARD_PIXELS_PER_CALL - 1) / BACKWARD_PIXELS_PER_CALL);
            for (long part = 0; part < parts; part++) {
                long from = g.n() * part / parts;
                long to = g.n() * (part + 1) / parts;
                NativeCallEvent event = NativeCallEvent.start();
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                        .addInputs(images(inputNchw, from, to), weight, biasVector, images(gradOutputNchw, from, to))
                        .addOutputs(images(gradInputNchw, from, to), weightStep, biasStep)
                        .addIntegerArguments(convArguments(false)).build());
                event.end("conv2d_bp", kernel, true);
                weightGradMatrix.addi(Planar.matrix(weightStep, outChannels, patchSize()));
                biasGrad.addi(Planar.matrix(biasStep, outChannels, 1));
            }
            if (gradInputNchw != gradInput) {
                nchw(gradInput, g).assign(gradInputNchw);
            }
            return;
        }
        requirePlanar(input, gradOutput, gradInput);
        INDArray ones = scratch.ones(g.pixels());
        NativeCallEvent event = NativeCallEvent.start();
        Nd4j.gemm(gradOutput, ones, biasGrad, false, false, 1.0, 1.0);
        Nd4j.gemm(gradOutput, patches(input, inChannels, g), weightGradMatrix, false, true, 1.0, 1.0);
        if (kernel == 1) {
            Nd4j.gemm(weightMatrix, gradOutput, gradInput, true, false, 1.0, 0.0);
        } else {
            Nd4j.gemm(flippedKernel(), patches(gradOutput, outChannels, g), gradInput, false, false, 1.0, 0.0);
        }
        event.end("gemm", kernel, true);
    }

    /**
     * kernel, stride 1, padding k/2, dilation 1, explicit padding, NCHW or NHWC data, weights {@code [out, in, k, k]}
     * (libnd4j's order of the integer arguments).
     */
    private int[] convArguments(boolean nhwc) {
        int pad = kernel / 2;
        return new int[] {kernel, kernel, 1, 1, pad, pad, 1, 1, 0, nhwc ? 1 : 0, 1};
    }

    /** What libnd4j's op takes for {@code nchw}: the NHWC array behind an NHWC view, else the NCHW array. */
    private INDArray data(INDArray nchw, boolean nhwc) {
        return nhwc ? scratch.views().of(nchw, "nhwcData", a -> a.permute(0, 2, 3, 1)) : nchw;
    }

    /** Images {@code [from, to)} of an NCHW array: the array itself when that is all of them, else a view. */
    private static INDArray images(INDArray nchw, long from, long to) {
        return from == 0 && to == nchw.size(0) ? nchw : nchw.get(NDArrayIndex.interval(from, to));
    }

    /**
     * A planar {@code [C, N*H*W]} buffer seen as NCHW {@code [N, C, H, W]} (a strided view, no copy); an
     * array that is NCHW already (rank 4) as it is.
     */

    private static INDArray nchw(INDArray planar, Geometry g) {
        if (planar.rank() == 4) {
            return planar;
        }
        long plane = g.height() * g.width();
        return Nd4j.create(planar.data(), new long[] {g.n(), planar.size(0), g.height(), g.width()},
                new long[] {plane, g.pixels(), g.width(), 1}, planar.offset(), 'c');
    }

    /**
     * The patch matrix {@code [c k k, P]} of a planar tensor {@code [c, P]}: row {@code (ci, di, dj)},
     * column {@code (n, y, x)} holds {@code source[ci, n, y + di - k/2, x + dj - k/2]}, or 0 outside the
     * image. A 1x1 kernel needs none: the tensor itself is its patch matrix.
     */
    private INDArray patches(INDArray source, long channels, Geometry g) {
        if (kernel == 1) {
            return source;
        }
        INDArray columns = scratch.columns(kernel, channels * kernel * kernel, g);
        long pixels = g.pixels();
        long plane = g.height() * g.width();
        long w = g.width();
        int pad = kernel / 2;
        for (int di = 0; di < kernel; di++) {
            long y0 = Math.max(0, pad - di);
            long y1 = Math.min(g.height(), g.height() + pad - di);
            for (int dj = 0; dj < kernel; dj++) {
                long x0 = Math.max(0, pad - dj);
                long x1 = Math.min(w, w + pad - dj);
                if (y1 <= y0 || x1 <= x0) {
                    continue;
                }
                long[] shape = {channels, g.n(), y1 - y0, x1 - x0};
                INDArray to = Nd4j.create(columns.data(), shape,
                        new long[] {(long) kernel * kernel * pixels, plane, w, 1},
                        columns.offset() + (di * kernel + dj) * pixels + y0 * w + x0, 'c');
                INDArray from = Nd4j.create(source.data(), shape, new long[] {pixels, plane, w, 1},
                        source.offset() + (y0 + di - pad) * w + (x0 + dj - pad), 'c');
                to.assign(from);
            }
        }
        return columns;
    }

    /**
     * {@code F [in, out k k]} with {@code F[c, o, di, dj] = W[o, c, k-1-di, k-1-dj]}: the input
     * gradient of a same-padded convolution is the same-padded convolution of the output gradient with
     * this kernel. Rebuilt on every backward (k*k small copies) because the weights change.
     */
    private INDArray flippedKernel() {
        INDArray flipped = buffers.get("flipped", weight.dataType(), inChannels, (long) outChannels * kernel * kernel);
        long taps = (long) kernel * kernel;
        for (int di = 0; di < kernel; di++) {
            for (int dj = 0; dj < kernel; dj++) {
                long[] shape = {inChannels, outChannels};
                INDArray to = Nd4j.create(flipped.data(), shape, new long[] {outChannels * taps, taps},
                        flipped.offset() + di * kernel + dj, 'c');
                INDArray from = Nd4j.create(weight.data(), shape, new long[] {taps, inChannels * taps},
                        weight.offset() + (kernel - 1 - di) * kernel + (kernel - 1 - dj), 'c');
                to.assign(from);
            }
        }
        return flipped;
    }

    /** Frees the flipped kernel and the native op's gradient scratch; the weight views stay. */
    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
