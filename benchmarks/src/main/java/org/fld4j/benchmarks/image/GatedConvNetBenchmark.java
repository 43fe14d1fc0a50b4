package org.fld4j.benchmarks.image;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.conditioner.GatedConvNet;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one {@link GatedConvNet}, in images per second, at two sizes of the FLD image flow on
 * 28x28 inputs: the channel couplings after the first squeeze (4 -> 48 -> 8 channels, 14x14) and the
 * checkerboard couplings (1 -> 32 -> 2, 28x28). Batch 64, float32, random non-zero parameters.
 * {@code forwardBackward} adds the backward pass of a training step (parameter and input gradients).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GatedConvNetBenchmark {

    static final int BATCH = 64;

    /** in-hidden-out channels and image side. */
    @Param({"c4-h48-o8-14x14", "c1-h32-o2-28x28"})
    public String config;

    /** Native threads for ND4J and BLAS (NativeThreads.set); 0 keeps ND4J's default (all cores). */
    @Param({"0"})
    public int threads;

    private GatedConvNet net;
    private INDArray input;
    private INDArray gradOutput;

    @Setup
    public void setUp() {
        if (threads > 0) {
            NativeThreads.set(threads);
        }
        String[] parts = config.split("[-x]");
        int in = Integer.parseInt(parts[0].substring(1));
        int hidden = Integer.parseInt(parts[1].substring(1));
        int out = Integer.parseInt(parts[2].substring(1));
        int side = Integer.parseInt(parts[3]);
        net = new GatedConvNet(in, hidden, out, GatedConvNet.DEFAULT_BLOCKS, DataType.FLOAT);
        List<INDArray> values = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        List<ParameterSpec> specs = net.parameterSpecs("");
        long total = GatedConvNet.parameterCount(in, hidden, out, GatedConvNet.DEFAULT_BLOCKS);
        INDArray parameters = Nd4j.create(DataType.FLOAT, total);
        INDArray gradients = Nd4j.create(DataType.FLOAT, total);
        long offset = 0;
        for (ParameterSpec spec : specs) {
            long[] strides = ArrayUtil.calcStrides(spec.shape());
            values.add(Nd4j.create(parameters.data(), spec.shape(), strides, offset, 'c'));
            grads.add(Nd4j.create(gradients.data(), spec.shape(), strides, offset, 'c'));
            offset += spec.length();
        }
        net.bind(values, grads, 0);
        net.initialize(new SplittableRandom(0));
        // A trained output convolution is not zero; keep the benchmark away from special values.
        values.get(values.size() - 2).assign(random(values.get(values.size() - 2).shape(), 1, 0.01));
        input = random(new long[] {BATCH, in, side, side}, 2, 1.0);
        gradOutput = random(new long[] {BATCH, out, side, side}, 3, 1.0);
    }

    private static INDArray random(long[] shape, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(ArrayUtil.prodLong(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(DataType.FLOAT);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public INDArray forward() {
        return net.forward(input);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public INDArray forwardBackward() {
        net.forward(input);
        return net.backward(gradOutput);
    }
}
