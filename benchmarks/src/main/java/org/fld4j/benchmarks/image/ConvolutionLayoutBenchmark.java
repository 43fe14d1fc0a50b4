package org.fld4j.benchmarks.image;

import java.util.concurrent.TimeUnit;
import org.fld4j.core.backend.NativeThreads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * libnd4j's 3x3 convolution ({@code conv2d} and {@code conv2d_bp}, oneDNN on the default natives) with its data
 * in NCHW, the layout fld4j's conditioners use, against NHWC, at the shapes of the fld-paper flow's 3x3
 * convolutions (batch 64; weights {@code [out, in, 3, 3]} either way). Both layouts give the same numbers; the
 * question is what the layout costs. Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ConvolutionLayoutBenchmark {

    static final int BATCH = 64;

    /** in-out channels and image side: the gated blocks of fld-paper's three levels. */
    @Param({"c64-o32-28x28", "c96-o48-14x14", "c128-o64-7x7"})
    public String shape;

    @Param({"nchw", "nhwc"})
    public String layout;

    /** Native threads (NativeThreads.set); 0 keeps ND4J's default. */
    @Param({"0"})
    public int threads;

    private INDArray input;
    private INDArray weight;
    private INDArray bias;
    private INDArray output;
    private INDArray gradOutput;
    private INDArray gradInput;
    private INDArray gradWeight;
    private INDArray gradBias;
    private int format;

    @Setup
    public void setUp() {
        if (threads > 0) {
            NativeThreads.set(threads);
        }
        String[] parts = shape.split("[-x]");
        int in = Integer.parseInt(parts[0].substring(1));
        int out = Integer.parseInt(parts[1].substring(1));
        int side = Integer.parseInt(parts[2]);
        boolean nhwc = switch (layout) {
            case "nchw" -> false;
            case "nhwc" -> true;
            default -> throw new IllegalArgumentException("layout must be nchw or nhwc, got " + layout);
        };
        format = nhwc ? 1 : 0;
        Nd4j.getRandom().setSeed(1);
        input = Nd4j.randn(DataType.FLOAT, data(nhwc, in, side));
        gradOutput = Nd4j.randn(DataType.FLOAT, data(nhwc, out, side));
        weight = Nd4j.randn(DataType.FLOAT, out, in, 3, 3).muli(0.05);
        bias = Nd4j.randn(DataType.FLOAT, out);
        output = Nd4j.create(DataType.FLOAT, data(nhwc, out, side));
        gradInput = Nd4j.create(DataType.FLOAT, data(nhwc, in, side));
        gradWeight = Nd4j.create(DataType.FLOAT, out, in, 3, 3);
        gradBias = Nd4j.create(DataType.FLOAT, out);
    }

    private static long[] data(boolean nhwc, int channels, int side) {
        return nhwc ? new long[] {BATCH, side, side, channels} : new long[] {BATCH, channels, side, side};
    }

    /** kernel 3, stride 1, padding 1, dilation 1, explicit padding, the data format, weights [out, in, k, k]. */
    private int[] arguments() {
        return new int[] {3, 3, 1, 1, 1, 1, 1, 1, 0, format, 1};
    }

    @Benchmark
    public INDArray forward() {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, weight, bias).addOutputs(output)
                .addIntegerArguments(arguments()).build());
        return output;
    }

    @Benchmark
    public INDArray backward() {
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weight, bias, gradOutput)
                .addOutputs(gradInput, gradWeight, gradBias).addIntegerArguments(arguments()).build());
        return gradInput;
    }
}
