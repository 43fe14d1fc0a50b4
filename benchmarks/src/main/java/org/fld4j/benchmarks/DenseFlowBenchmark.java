package org.fld4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.RowSplitEvaluator;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingStep;
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
 * Dense RealNVP throughput, in samples per second, configured like the PyTorch reference's
 * {@code dense-D*-K8-H*} configs: K = 8 couplings, conditioner D/2 -> H -> H -> D with ReLU, a fresh
 * (identity) flow, inputs N(0, I), batch 256, float32. {@code trainStep} is one full optimiser step
 * on a fixed batch: loss, backward, clipping at norm 1, Adam (lr 1e-3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DenseFlowBenchmark {

    static final int BATCH = 256;

    /** D and H as in the reference's config names (K is 8 throughout). */
    @Param({"D100-H256", "D10-H256", "D784-H256", "D100-H64"})
    public String config;

    /** Native threads for ND4J and BLAS (NativeThreads.set); 0 keeps ND4J's default (all cores). */
    @Param({"0"})
    public int threads;

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
        int d = Integer.parseInt(config.substring(1, config.indexOf('-')));
        int h = Integer.parseInt(config.substring(config.indexOf("-H") + 2));
        Flow flow = Flow.dense(d).couplings(8).hidden(h).seed(0).build();
        scoring = new RowSplitEvaluator(flow.toNetwork(), workers);
        FlowNetwork training = flow.toNetwork();
        step = new TrainingStep(training, TrainerOptions.builder().adam(1e-3).gradientClipNorm(1.0)
                .workers(workers).build());
        SplittableRandom r = new SplittableRandom(1);
        double[] v = new double[BATCH * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        batch = Nd4j.createFromArray(v).reshape(BATCH, d).castTo(DataType.FLOAT);
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
