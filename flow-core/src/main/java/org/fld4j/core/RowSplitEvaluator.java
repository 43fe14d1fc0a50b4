package org.fld4j.core;

import org.fld4j.core.internal.backend.RowWorkers;
import org.fld4j.core.transform.NoiseKey;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a network's log-likelihoods with the rows of each batch split over several Java threads, each thread on
 * a network of its own over the same parameters ({@link FlowNetwork#replica}).
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
            replicas[i] = network.replica();
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
        int parts = RowWorkers.parts(n, workers());
        if (parts == 1) {
            return network.logProb(x, noise);
        }
        double[] out = new double[n];
        RowWorkers.run(parts, p -> {
            int from = (int) RowWorkers.firstRow(n, parts, p);
            int to = (int) RowWorkers.firstRow(n, parts, p + 1);
            FlowNetwork net = p == 0 ? network : replicas[p - 1];
            double[] part = net.logProb(RowWorkers.rows(x, from, to), noise.rows(from, to));
            System.arraycopy(part, 0, out, from, part.length);
            return null;
        });
        return out;
    }

    /** Frees the work arrays of the network and of every replica (see {@link FlowNetwork#releaseWorkArrays}). */
    public void releaseWorkArrays() {
        network.releaseWorkArrays();
        for (FlowNetwork replica : replicas) {
            replica.releaseWorkArrays();
        }
    }
}
