package org.fld4j.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fld4j.core.internal.backend.OpenMpThreads;
import org.fld4j.core.transform.NoiseKey;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Evaluates a network's log-likelihoods with the rows of each batch split over several Java threads, each thread on
 * a network of its own over the same parameters ({@link FlowNetwork#evaluationReplica}).
 *
 * <p>Why: a small dense flow's ops are too small for ND4J's own threads to pay off (one native thread is faster than
 * two on such flows), so a second core sits idle; two halves of a batch on two threads use both. Each worker's native
 * ops get an equal share of the native threads the program asked for ({@code NativeThreads.set}; all cores when it
 * asked for none), at least one. Every row goes through the same operations as in the whole batch, so the result
 * does not depend on the number of workers beyond float rounding (for dense flows on the machines measured: not at
 * all), and a stochastic flow's sample keeps its noise ({@link NoiseKey#rows}). Best with as many workers as cores;
 * image flows, whose convolutions already keep the native threads busy, gain little from it.
 *
 * <p>The network and its replicas are used by one call at a time: like {@link FlowNetwork}, this is not
 * thread-safe. The replicas read the network's parameters as they are at each call.
 */
public final class RowSplitEvaluator {

    /** Fewest rows a worker takes: below this, handing rows to another thread costs about what it saves. */
    static final int MIN_ROWS_PER_WORKER = 16;

    private final FlowNetwork network;
    private final FlowNetwork[] replicas;

    /**
     * An evaluator over {@code network} with {@code workers} threads in all (the caller's and {@code workers - 1}
     * others).
     *
     * @throws IllegalArgumentException when {@code workers < 1}
     * @throws IllegalStateException    when the network still needs its data-dependent initialisation
     */
    public RowSplitEvaluator(FlowNetwork network, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.network = network;
        this.replicas = new FlowNetwork[workers - 1];
        for (int i = 0; i < replicas.length; i++) {
            replicas[i] = network.evaluationReplica();
        }
    }

    /** Threads that share a batch, the caller's included. */
    public int workers() {
        return replicas.length + 1;
    }

    /** As {@link FlowNetwork#logProb(INDArray)}: the default noise seed, samples keyed by position. */
    public double[] logProb(INDArray batch) {
        return logProb(batch, new NoiseKey(FlowNetwork.DEFAULT_NOISE_SEED, 0, 0));
    }

    /** As {@link FlowNetwork#logProb(INDArray, NoiseKey)}, with the rows split over the workers. */
    public double[] logProb(INDArray batch, NoiseKey noise) {
        INDArray x = network.checkBatch(batch);
        int n = Math.toIntExact(x.size(0));
        int parts = Math.max(1, Math.min(workers(), n / MIN_ROWS_PER_WORKER));
        if (parts == 1) {
            return network.logProb(x, noise);
        }
        double[] out = new double[n];
        int threadsEach = nativeThreadsPerWorker(parts);
        Future<?>[] others = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            FlowNetwork replica = replicas[p - 1];
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            others[p - 1] = Pool.EXECUTOR.submit(() -> evaluate(replica, x, from, to, noise, threadsEach, out));
        }
        Throwable failure = null;
        try {
            evaluate(network, x, 0, (int) ((long) n / parts), noise, threadsEach, out);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Every worker is waited for, even after a failure: a replica must not run on while the caller goes on.
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = first(failure, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = first(failure, e);
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("evaluating a part of the batch failed", failure);
        }
        return out;
    }

    /** Frees the work arrays of the network and of every replica (see {@link FlowNetwork#releaseWorkArrays}). */
    public void releaseWorkArrays() {
        network.releaseWorkArrays();
        for (FlowNetwork replica : replicas) {
            replica.releaseWorkArrays();
        }
    }

    private static Throwable first(Throwable earlier, Throwable later) {
        if (earlier == null) {
            return later;
        }
        if (later != null && later != earlier) {
            earlier.addSuppressed(later);
        }
        return earlier;
    }

    /**
     * The native threads of each of {@code parts} workers: the threads the program asked for (or the cores, when it
     * asked for none) shared out, at least one each, so that the workers' native ops do not crowd the cores.
     */
    static int nativeThreadsPerWorker(int parts) {
        int budget = OpenMpThreads.requested() > 0 ? OpenMpThreads.requested()
                : Runtime.getRuntime().availableProcessors();
        return Math.max(1, budget / parts);
    }

    private static void evaluate(FlowNetwork net, INDArray x, int from, int to, NoiseKey noise, int nativeThreads,
                                 double[] out) {
        double[] part = OpenMpThreads.withThreads(nativeThreads,
                () -> net.logProb(rows(x, from, to), noise.rows(from, to)));
        System.arraycopy(part, 0, out, from, part.length);
    }

    private static INDArray rows(INDArray x, long from, long to) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return x.get(index);
    }

    /** The worker threads, created on first use: daemons, so that they never keep a JVM alive. */
    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "fld4j-rows-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
    }
}
