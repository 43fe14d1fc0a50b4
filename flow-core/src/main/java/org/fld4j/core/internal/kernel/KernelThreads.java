package org.fld4j.core.internal.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.fld4j.core.internal.backend.DaemonPool;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the fused float32 kernels split their work: chunks of pixels sized to stay in a core's cache,
 * spread over as many threads as ND4J uses (one range on the caller, the others on daemon threads of
 * fld4j's own), and heap rows per thread that every call reuses.
 */
final class KernelThreads {

    private KernelThreads() {
    }

    /** Floats per chunk over all operand rows: about 1 MB, the size of a core's L2 cache. */
    private static final int CHUNK_FLOATS = 1 << 18;
    private static final int MIN_CHUNK = 256;
    private static final int MAX_CHUNK = 8192;
    /** Below this many floats read and written, a second thread costs more than it saves. */
    private static final long MIN_FLOATS_PER_THREAD = 1 << 18;

    /** The heap slot of {@link PixelRows}' NHWC transposes (the kernels take slots from 0 up). */
    static final int INTERLEAVED_SLOT = 7;

    /** Heap rows of the calling thread, per slot, grown on demand and reused by every call. */
    private static final ThreadLocal<float[][][]> HEAP = ThreadLocal.withInitial(() -> new float[8][][]);



    /** Pixels per chunk for operands of {@code rows} rows in all. */
    static int chunk(long rows) {
        long c = Long.highestOneBit(Math.max(1, CHUNK_FLOATS / Math.max(1, rows)));
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, c));
    }

    /** {@code rows} heap rows of at least {@code length} floats in slot {@code slot}. */
    static float[][] heap(int slot, int rows, int length) {
        float[][][] slots = HEAP.get();
        float[][] arrays = slots[slot];
        if (arrays == null || arrays.length < rows || arrays[0].length < length) {
            arrays = new float[Math.max(rows, arrays == null ? 0 : arrays.length)][length];
            slots[slot] = arrays;
        }
        return arrays;
    }

    /** One chunk's work: pixels {@code [from, from + length)}. Runs on the calling thread or a kernel thread. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int from, int length);
    }

    /**
     * Runs {@code work} over the chunks of {@code [0, pixels)}, split into contiguous ranges over
     * ND4J's thread count (one range runs on the caller). These passes are bound by memory bandwidth,
     * and on the machines measured one core could not draw as much as two.
     */
    static void forEachChunk(int pixels, int chunk, long floats, ChunkWork work) {
        int chunks = (pixels + chunk - 1) / chunk;
        int parts = (int) Math.min(Math.min(chunks, Nd4j.getEnvironment().maxThreads()),
                Math.max(1, floats / MIN_FLOATS_PER_THREAD));
        if (parts <= 1) {
            runChunks(0, chunks, pixels, chunk, work);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int first = (int) ((long) chunks * t / parts);
            int last = (int) ((long) chunks * (t + 1) / parts);
            others[t - 1] = Pool.EXECUTOR.submit(() -> runChunks(first, last, pixels, chunk, work));
        }
        runChunks(0, (int) ((long) chunks / parts), pixels, chunk, work);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel thread", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static void runChunks(int first, int last, int pixels, int chunk, ChunkWork work) {
        for (int i = first; i < last; i++) {
            int from = i * chunk;
            work.run(from, Math.min(chunk, pixels - from));
        }
    }

    /** The kernel threads, created on first use ({@link DaemonPool}). */
    private static final class Pool {
        static final ExecutorService EXECUTOR = DaemonPool.cached("fld4j-kernel");
    }

}
