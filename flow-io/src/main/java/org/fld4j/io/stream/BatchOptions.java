package org.fld4j.io.stream;

import java.util.Objects;
import java.util.Optional;
import org.fld4j.io.preprocess.ExpectedShape;
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
 * @param expected        the shape every image must have after preprocessing (e.g. a reference's), or null to
 *                        require the shape most images' headers give; see {@link #withExpectedShape}
 */
public record BatchOptions(int batchSize, DataType dataType, Preprocessing preprocessing, int prefetchBatches,
                           boolean dropLast, ExpectedShape expected) {

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

    /** Options without an expected shape: images must agree with the shape most of them have. */
    public BatchOptions(int batchSize, DataType dataType, Preprocessing preprocessing, int prefetchBatches,
                        boolean dropLast) {
        this(batchSize, dataType, preprocessing, prefetchBatches, dropLast, null);
    }

    /** The expected shape, if one was given. */
    public Optional<ExpectedShape> expectedShape() {
        return Optional.ofNullable(expected);
    }

    /**
     * The same options, with every image required to have {@code value}'s shape after preprocessing: an image of
     * another shape fails (or under SKIP is skipped) naming the image and {@code value}'s origin. Without it the
     * most common shape among the images' headers decides, never the first image's.
     */
    public BatchOptions withExpectedShape(ExpectedShape value) {
        return new BatchOptions(batchSize, dataType, preprocessing, prefetchBatches, dropLast,
                Objects.requireNonNull(value, "expected"));
    }

    /** {@code batchSize} images per float32 batch, no preprocessing, default prefetch, last batch kept. */
    public static BatchOptions of(int batchSize) {
        return new BatchOptions(batchSize, DataType.FLOAT, Preprocessing.none(), DEFAULT_PREFETCH, false);
    }

    /** The same options with {@code value} as data type. */
    public BatchOptions withDataType(DataType value) {
        return new BatchOptions(batchSize, value, preprocessing, prefetchBatches, dropLast, expected);
    }

    /** The same options with {@code value} as preprocessing. */
    public BatchOptions withPreprocessing(Preprocessing value) {
        return new BatchOptions(batchSize, dataType, value, prefetchBatches, dropLast, expected);
    }

    /** The same options with {@code value} batches of prefetch. */
    public BatchOptions withPrefetch(int value) {
        return new BatchOptions(batchSize, dataType, preprocessing, value, dropLast, expected);
    }

    /** The same options with {@code dropLast = value}. */
    public BatchOptions withDropLast(boolean value) {
        return new BatchOptions(batchSize, dataType, preprocessing, prefetchBatches, value, expected);
    }
}
