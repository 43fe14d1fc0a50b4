package org.fld4j.benchmarks.image;

import java.util.concurrent.TimeUnit;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.internal.kernel.EluKernels;
import org.fld4j.core.internal.kernel.GateKernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * The two float32 kernels with an exponential, at the size of the fld-paper flow's first level (32 channels,
 * batch 64, 28x28: a {@code [32, 50176]} tensor): ConcatELU's forward pass and the gate's forward pass
 * (sigmoid, bias and residual sum). Each runs in a JVM with the Vector API module ({@code ...Vector}) and in
 * one without it ({@code ...Loops}, the auto-vectorised loops); both give the same bits, so the pair is the
 * module's gain. Milliseconds per pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExponentialKernelBenchmark {

    static final String VECTOR = "--add-modules=jdk.incubator.vector";
    static final String LOOPS = "-Dfld4j.vectorKernels=false";
    static final int CHANNELS = 32;
    static final int PIXELS = 64 * 28 * 28;

    /** Native threads (NativeThreads.set), which the kernels split their chunks over; 0 keeps ND4J's default. */
    @Param({"0"})
    public int threads;

    private INDArray x;
    private INDArray eluOut;
    private INDArray val;
    private INDArray gate;
    private INDArray bias;
    private INDArray sigmoid;
    private INDArray gateOut;

    @Setup
    public void setUp() {
        if (threads > 0) {
            NativeThreads.set(threads);
        }
        Nd4j.getRandom().setSeed(1);
        x = Nd4j.randn(DataType.FLOAT, CHANNELS, PIXELS);
        eluOut = Nd4j.create(DataType.FLOAT, 2 * CHANNELS, PIXELS);
        val = Nd4j.randn(DataType.FLOAT, CHANNELS, PIXELS);
        gate = Nd4j.randn(DataType.FLOAT, CHANNELS, PIXELS).muli(3);
        bias = Nd4j.randn(DataType.FLOAT, 2 * CHANNELS);
        sigmoid = Nd4j.create(DataType.FLOAT, CHANNELS, PIXELS);
        gateOut = Nd4j.create(DataType.FLOAT, CHANNELS, PIXELS);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public INDArray concatEluVector() {
        EluKernels.forward(x, eluOut);
        return eluOut;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = LOOPS)
    public INDArray concatEluLoops() {
        EluKernels.forward(x, eluOut);
        return eluOut;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = VECTOR)
    public INDArray gateVector() {
        GateKernels.forward(val, gate, bias, x, sigmoid, gateOut);
        return gateOut;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = LOOPS)
    public INDArray gateLoops() {
        GateKernels.forward(val, gate, bias, x, sigmoid, gateOut);
        return gateOut;
    }
}
