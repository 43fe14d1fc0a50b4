package org.fld4j.core;

/**
 * How {@link Flow} evaluates log-likelihoods of many samples.
 *
 * @param batchSize              samples per forward pass; changes speed and memory, never a result
 *                               beyond floating-point rounding
 * @param dequantizationSamples  K: noise draws per sample for flows with a dequantization layer;
 *                               their likelihoods are averaged as {@code log (1/K) sum_k exp(l_k)}
 *                               (importance-weighted, a tighter bound as K grows). Ignored (1) for
 *                               deterministic flows.
 * @param seed                   the noise seed; sample {@code i} of the evaluated set draws the same
 *                               noise for the same seed whatever the batch size
 * @param workers                Java threads that share each batch by rows ({@link RowSplitEvaluator}; 1:
 *                               the caller's thread alone); changes speed, never a result beyond
 *                               floating-point rounding. Pays off for small dense flows, one per core.
 */
public record EvaluationOptions(int batchSize, int dequantizationSamples, long seed, int workers) {

    public EvaluationOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (dequantizationSamples < 1) {
            throw new IllegalArgumentException("dequantizationSamples must be >= 1, got " + dequantizationSamples);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
    }

    /** Options evaluated on the caller's thread alone. */
    public EvaluationOptions(int batchSize, int dequantizationSamples, long seed) {
        this(batchSize, dequantizationSamples, seed, 1);
    }

    /** Batch 256, one noise draw, seed 0, the caller's thread alone. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(Flow.DEFAULT_BATCH_SIZE, 1, FlowNetwork.DEFAULT_NOISE_SEED, 1);
    }

    public EvaluationOptions withBatchSize(int size) {
        return new EvaluationOptions(size, dequantizationSamples, seed, workers);
    }

    public EvaluationOptions withDequantizationSamples(int k) {
        return new EvaluationOptions(batchSize, k, seed, workers);
    }

    public EvaluationOptions withSeed(long newSeed) {
        return new EvaluationOptions(batchSize, dequantizationSamples, newSeed, workers);
    }

    public EvaluationOptions withWorkers(int threads) {
        return new EvaluationOptions(batchSize, dequantizationSamples, seed, threads);
    }
}
