package org.fld4j.core.internal.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Splits a batch's rows into contiguous parts and runs one task per part: the first on the calling thread, the
 * others on daemon threads of fld4j's own, each with its share of the native threads. What scoring
 * ({@code RowSplitEvaluator}) and training ({@code TrainingStep}) use to put a small dense flow on several cores.
 */
public final class RowWorkers {

    /** Fewest rows a part takes: below this, handing rows to another thread costs about what it saves. */
    public static final int MIN_ROWS_PER_PART = 16;

    private RowWorkers() {
    }

    /** Parts that {@code rows} rows split into for {@code workers} workers: at most one per worker, each at least
     * {@link #MIN_ROWS_PER_PART} rows (one part when there are too few). */
    public static int parts(long rows, int workers) {
        return (int) Math.max(1, Math.min(workers, rows / MIN_ROWS_PER_PART));
    }

    /** The first row of part {@code p} of {@code parts} over {@code rows} rows (part {@code parts} gives {@code rows}). */
    public static long firstRow(long rows, int parts, int p) {
        return rows * p / parts;
    }

    /** Rows {@code [from, to)} of a batch of any rank, as a view. */
    public static INDArray rows(INDArray batch, long from, long to) {
        INDArrayIndex[] index = new INDArrayIndex[batch.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return batch.get(index);
    }

    /**
     * Runs {@code task} for parts {@code 0 .. parts-1} and returns their results in that order. Part 0 runs on the
     * calling thread. Each part's native ops get an equal share of the native threads the program asked for
     * ({@link OpenMpThreads#request}; all cores when it asked for none), at least one, so that the parts do not crowd
     * the cores. Every part is waited for, also after a failure; the first failure is thrown, the others added to it
     * as suppressed.
     */
    public static <T> List<T> run(int parts, IntFunction<T> task) {
        int threadsEach = nativeThreadsPerPart(parts);
        List<Future<T>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int part = p;
            others.add(Pool.EXECUTOR.submit(() -> OpenMpThreads.withThreads(threadsEach, () -> task.apply(part))));
        }
        List<T> results = new ArrayList<>(parts);
        Throwable failure = null;
        try {
            results.add(OpenMpThreads.withThreads(threadsEach, () -> task.apply(0)));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<T> f : others) {
            try {
                results.add(f.get());
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
            throw new IllegalStateException("a part of the batch failed", failure);
        }
        return results;
    }

    /** The native threads of each of {@code parts} parts (see {@link #run}). */
    static int nativeThreadsPerPart(int parts) {
        int budget = OpenMpThreads.requested() > 0 ? OpenMpThreads.requested()
                : Runtime.getRuntime().availableProcessors();
        return Math.max(1, budget / parts);
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

    /** The worker threads, created on first use ({@link DaemonPool}). */
    private static final class Pool {
        static final ExecutorService EXECUTOR = DaemonPool.cached("fld4j-rows");
    }
}
