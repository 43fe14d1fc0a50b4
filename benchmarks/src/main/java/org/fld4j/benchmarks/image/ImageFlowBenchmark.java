package org.fld4j.benchmarks.image;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fld4j.core.RowSplitEvaluator;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.ImageFlowBuilder;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingStep;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
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
 * fld-paper image flow throughput in images per second, configured like the PyTorch reference's
 * {@code image-*} configs: uniform dequantization (the reference has no variational one), hidden
 * (32, 48, 64), 3 gated blocks, batch 64, float32, a fresh flow. Fashion-MNIST uses the first 64
 * test images; the CIFAR-sized config uses seeded random pixels (throughput does not depend on them).
 * {@code trainStep} is one optimiser step on a fixed batch: loss, backward, clipping at norm 1, Adam.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ImageFlowBenchmark {

    public static final int BATCH = 64;

    /** The reference's config names without the {@code image-} prefix. */
    @Param({"fmnist-28x28x1", "cifar-32x32x3"})
    public String config;

    /** Native threads (NativeThreads.set); 0 keeps ND4J's default. */
    @Param({"0"})
    public int threads;

    /**
     * {@code uniform} as in the reference's configs; {@code variational} is the full fld-paper preset with
     * its 4-coupling dequantization flow, which the reference does not have.
     */
    @Param({"uniform"})
    public String dequantization;

    /**
     * Java threads that share each batch by rows (RowSplitEvaluator for logProb, TrainerOptions.workers for
     * trainStep; 1: the caller alone), each with its share of the native threads.
     */
    @Param({"1"})
    public int workers;

    private RowSplitEvaluator scoring;
    private TrainingStep step;
    private INDArray batch;

    @Setup
    public void setUp() {
        if (threads > 0) {
            NativeThreads.set(threads);
        }
        boolean fmnist = config.startsWith("fmnist");
        int c = fmnist ? 1 : 3;
        int hw = fmnist ? 28 : 32;
        var options = ImagePreset.FLD_PAPER.options(c, hw, hw);
        if (dequantization.equals("uniform")) {
            options = options.withDequantization(org.fld4j.core.image.Dequantization.UNIFORM, 0, 0);
        } else if (!dequantization.equals("variational")) {
            throw new IllegalArgumentException("dequantization must be uniform or variational, got " + dequantization);
        }
        var flow = ImageFlowBuilder.build(options);
        scoring = new RowSplitEvaluator(flow.toNetwork(), workers);
        step = new TrainingStep(flow.toNetwork(), TrainerOptions.builder().adam(1e-3).gradientClipNorm(1.0)
                .workers(workers).build());
        if (fmnist) {
            try (ImageBatchStream s = new ImageBatchStream(FashionMnistSlice.test(), BatchOptions.of(BATCH))) {
                batch = s.next().images();
            }
        } else {
            SplittableRandom r = new SplittableRandom(1);
            double[] v = new double[BATCH * c * hw * hw];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(256);
            }
            batch = Nd4j.createFromArray(v).reshape(BATCH, c, hw, hw).castTo(DataType.FLOAT);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] logProb() {
        return scoring.logProb(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double trainStep() {
        return step.step(batch, 1e-3).loss();
    }
}
