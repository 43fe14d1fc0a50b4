package org.fld4j.core.conditioner;

import java.util.HashMap;
import java.util.Map;
import org.fld4j.core.internal.kernel.FloatKernels;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.Planar;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Work arrays shared by the layers of one network: the unfolded-patch ("im2col") matrices of the
 * convolutions, which are the largest arrays of a pass; the arrays that live only during one layer's
 * call, or from a layer's backward to the next layer's; and vectors of ones for row sums by matrix
 * product. Sharing them keeps a network's memory at what its backward pass must keep per block.
 */
final class Scratch {

    private final DataType dataType;
    private final boolean fusedKernels;
    private final PlanarBuffers buffers;
    private final Map<Long, INDArray> ones = new HashMap<>();
    private final ViewCache views = new ViewCache();
    /** The network's shared evaluation arrays, once the network has handed them over; else null. */
    private InferenceArrays inference;

    Scratch(DataType dataType) {
        this(dataType, true);
    }

    /** {@code fusedKernels} false keeps the float32 path on ND4J's ops (tests compare the two). */
    Scratch(DataType dataType, boolean fusedKernels) {
        this.dataType = dataType;
        this.fusedKernels = fusedKernels && FloatKernels.supports(dataType);
        buffers = new PlanarBuffers(dataType);
    }

    DataType dataType() {
        return dataType;
    }

    /** Whether the layers run their elementwise chains through {@link FloatKernels}. */
    boolean fusedKernels() {
        return fusedKernels;
    }

    /**
     * Whether the inputs and outputs of the 3x3 convolutions are contiguous NCHW arrays (NHWC ones while the
     * network evaluates, see {@link #convolutionData}) rather than planar ones: with the kernels (which read and
     * write all three layouts) and oneDNN's convolutions. Its forward pass ran about 20% faster on NCHW than on
     * planar views (5.5 instead of 7.0 ms at 64 x 64 x 28 x 28 to 32 channels), and its backward pass writes the
     * input gradient without a copy.
     */
    boolean nchwConvolutionData() {
        return fusedKernels && Conv2d.ONEDNN;
    }

    /** A network-shared array of {@code channels} channels in the convolutions' layout (see {@link #nchwConvolutionData}). */
    INDArray sharedConvolutionData(String name, long channels, Geometry g) {
        return convolutionData(shared(name, channels, g), g);
    }

    /**
     * A contiguous planar block as the 3x3 convolutions' data: the block itself without {@link #nchwConvolutionData},
     * else its storage with NCHW's shape, holding NHWC data while the network evaluates and NCHW data while it trains.
     * oneDNN's forward convolution ran 1.2-2x faster on NHWC data at the fld-paper shapes
     * (ConvolutionLayoutBenchmark), its backward pass no faster, and the kernels then transpose each chunk they read
     * or write, which made training steps slower and scoring faster.
     */
    INDArray convolutionData(INDArray block, Geometry g) {
        if (!nchwConvolutionData()) {
            return block;
        }
        return evaluating() ? views.of(block, "nhwc", b -> Planar.storageAsNhwc(b, g))
                : views.of(block, "nchw", b -> Planar.storageAsNchw(b, g));
    }

    /** Views of the network's work arrays, made once (see {@link ViewCache}). */
    ViewCache views() {
        return views;
    }

    /**
     * A contiguous planar block as the network's data between its 3x3 convolutions (the gated blocks' gates,
     * sigmoids and outputs, the LayerNorms' outputs, the 1x1 convolutions' inputs): the block itself, except while
     * the network evaluates with {@link #nchwConvolutionData}, when it holds NHWC data as the convolutions do. The
     * whole network is then pixel-major from its input convolution to its output convolution, the kernels run on
     * each chunk of pixels as one run of values, and no chunk is transposed between layouts; the 1x1 convolutions are
     * products {@code [N*H*W, 2c] x W^T}.
     */
    INDArray layerData(INDArray block, Geometry g) {
        return pixelMajorEvaluation() ? views.of(block, "nhwc", b -> Planar.storageAsNhwc(b, g)) : block;
    }

    /**
     * Whether the network evaluates with its data pixel-major from its input convolution to its output convolution
     * ({@link #layerData}), so that passes that keep nothing for a backward pass may be fused.
     */
    boolean pixelMajorEvaluation() {
        return nchwConvolutionData() && evaluating();
    }

    /** Takes the network's shared evaluation arrays (see {@link InferenceArrays}). */
    void shareInferenceArrays(InferenceArrays arrays) {
        inference = arrays;
    }

    /** Whether the network is evaluating, so that layers' own buffers come from the shared arrays. */
    boolean evaluating() {
        return inference != null && inference.active();
    }

    /** The shared evaluation array {@code [rows, N*H*W]} of this name and geometry. */
    INDArray evaluationArray(String name, long rows, Geometry g) {
        return inference.get("planar." + name + "@" + g.n() + "x" + g.height() + "x" + g.width(), dataType, rows,
                g.pixels());
    }

    /**
     * Buffers of one layer: its own while training, the network's shared evaluation arrays under
     * {@code role} while evaluating. The role names the layer's place in its network ("block1.norm"),
     * the same in every coupling.
     */
    PlanarBuffers layerBuffers(String role) {
        return new PlanarBuffers(dataType, role, this);
    }

    /**
     * A patch matrix {@code [rows, N*H*W]} for this kernel size and geometry. It is only ever written
     * by {@link Conv2d}'s unfolding, which writes the same entries each time for a given kernel and
     * shape, so the entries that stand for the zero padding stay zero from allocation on.
     */
    INDArray columns(int kernel, long rows, Geometry g) {
        if (evaluating()) {
            return evaluationArray("columns" + kernel, rows, g);
        }
        return buffers.get("columns" + kernel, rows, g);
    }

    /**
     * A planar array shared by all layers of the network. Its contents last only until another layer
     * takes the same name, so a layer may use it for values needed within one call, or for a result
     * its caller consumes before calling another layer of the same kind.
     */
    INDArray shared(String name, long rows, Geometry g) {
        if (evaluating()) {
            return evaluationArray("shared." + name, rows, g);
        }
        return buffers.get("shared." + name, rows, g);
    }

    /** A column of {@code length} ones, {@code [length, 1]}. */
    INDArray ones(long length) {
        return ones.computeIfAbsent(length, l -> Nd4j.ones(dataType, l, 1));
    }

    /**
     * Frees every shared array now (see {@link org.fld4j.core.memory.WorkArrays}); later calls allocate
     * afresh. The patch matrices then start zero-filled again, which is all {@link #columns} needs.
     */
    void release() {
        views.clear();
        buffers.release();
        NativeMemory.close(ones.values());
        ones.clear();
    }
}
