package org.fld4j.io.stream;

import java.util.Objects;
import org.fld4j.io.preprocess.Preprocessing;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a source is read as batches.
 *
 * @param batchSize       images per batch (the last batch may be smaller unless {@code dropLast})
 * @param dataType        {@link DataType#FLOAT} or {@link DataType#DOUBLE}; the batches hold the integers 0..255 in
 *                        this type
 * @param preprocessing   what to do to each image first
 * @param prefetchBatches how many finished batches the worker may hold ready (1..64). Memory in use is at most
 *                        {@code prefetchBatches + 2} batches: the queue, the one being filled, and the one being
 *                        consumed
 * @param dropLast        leave out a final batch smaller than {@code batchSize}
 */
public record BatchOptions(int batchSize, DataType dataType, Preprocessing preprocessing, int prefetchBatches,
                           boolean dropLast) {

    /** The default queue length: enough to hide decoding jitter, small enough to bound memory. */
    public static final int DEFAULT_PREFETCH = 2;

    /** Validates every option. */
    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        Objects.requireNonNull(dataType, "dataType");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE: " + dataType);
        }
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (prefetchBatches < 1 || prefetchBatches > 64) {
            throw new IllegalArgumentException("prefetchBatches must be in 1..64: " + prefetchBatches);
        }
    }

    /** {@code batchSize} images per float32 batch, no preprocessing, default prefetch, last batch kept. */
    public static BatchOptions of(int batchSize) {
        return new BatchOptions(batchSize, DataType.FLOAT, Preprocessing.none(), DEFAULT_PREFETCH, false);
    }

    /** The same options with {@code value} as data type. */
    public BatchOptions withDataType(DataType value) {
        return new BatchOptions(batchSize, value, preprocessing, prefetchBatches, dropLast);
    }

    /** The same options with {@code value} as preprocessing. */
    public BatchOptions withPreprocessing(Preprocessing value) {
        return new BatchOptions(batchSize, dataType, value, prefetchBatches, dropLast);
    }

    /** The same options with {@code value} batches of prefetch. */
    public BatchOptions withPrefetch(int value) {
        return new BatchOptions(batchSize, dataType, preprocessing, value, dropLast);
    }

    /** The same options with {@code dropLast = value}. */
    public BatchOptions withDropLast(boolean value) {
        return new BatchOptions(batchSize, dataType, preprocessing, prefetchBatches, value);
    }
}
