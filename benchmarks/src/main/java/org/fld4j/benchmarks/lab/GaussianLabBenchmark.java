package org.fld4j.benchmarks.lab;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.fld4j.metrics.gaussian.RandomGaussianOptions;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.LogLikelihoodScorer;
import org.fld4j.metrics.gaussian.lab.ScoredSample;
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
 * Throughput of the Gaussian lab's per-sample work, in samples per second, on one chunk of
 * {@value #CHUNK} samples of an affine test distribution (s = 1, t = 0.5) of dimension D: drawing
 * samples ({@code sample}), the true log-density ({@code logDensity}), the model's log-likelihood with
 * the lab's preset flow for D ({@code modelLogProb}, an untrained flow costs the same as a trained one),
 * and the three streamed together as the lab does it ({@code scoreChunk}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GaussianLabBenchmark {

    static final int CHUNK = 16_384;

    @Param({"100"})
    public int dimension;

    /** Native threads for ND4J and BLAS (NativeThreads.set); 0 keeps ND4J's default (all cores). */
    @Param({"1"})
    public int threads;

    /** Samples per model evaluation. */
    @Param({"4096"})
    public int modelBatch;

    private MultivariateGaussian p;
    private MultivariateGaussian q;
    private Flow model;
    private LogLikelihoodScorer scorer;
    private SplittableRandom random;
    private double[] samples;
    private double[] buffer;
    private double[] logDensities;
    private INDArray modelInput;
    private long seed;

    @Setup
    public void setUp() {
        if (threads > 0) {
            NativeThreads.set(threads);
        }
        GaussianTestBed bed = GaussianTestBed.generate(dimension, RandomGaussianOptions.defaults(), 1);
        p = bed.training();
        q = bed.distribution(TestFamily.AFFINE, 1.0, 0.5, 0, 0);
        model = FlowPreset.forDimension(dimension).flow(dimension, 0);
        scorer = new LogLikelihoodScorer(p, model, CHUNK, modelBatch);
        random = new SplittableRandom(2);
        samples = q.sample(CHUNK, 3);
        buffer = new double[CHUNK * dimension];
        logDensities = new double[CHUNK];
        float[] narrow = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            narrow[i] = (float) samples[i];
        }
        modelInput = Nd4j.createFromArray(narrow).reshape(CHUNK, dimension).castTo(DataType.FLOAT);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public double[] sample() {
        q.sample(random, CHUNK, buffer);
        return buffer;
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public double[] logDensity() {
        p.logDensities(samples, CHUNK, logDensities, 0);
        return logDensities;
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public double[] modelLogProb() {
        return model.logProb(modelInput, modelBatch);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public ScoredSample scoreChunk() {
        return scorer.score(q, CHUNK, seed++);
    }
}
