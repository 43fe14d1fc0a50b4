package org.fld4j.benchmarks.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fld4j.io.ImageShape;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Streams synthetic 3x32x32 images through an {@code ImageBatchStream} with
 * {@code BatchOptions.of(256).withPrefetch(2)} and prints, every {@value #EVERY} batches, the used heap, the heap that
 * survived the last collection, and the process's resident set, to show that the memory a stream needs does not
 * grow with the number of images.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fld4j.benchmarks.io.StreamingMemoryCheck [--close] [count...]
 * </pre>
 *
 * <p>Counts default to 10,000 and 100,000, run one after the other in this JVM. With {@code --close} each batch's
 * array is closed once consumed, which frees its off-heap buffer at once instead of when the collector finds the
 * array unreachable; comparing the two shows how much of the resident set is ND4J buffers waiting for a GC.
 *
 * <p>Used heap includes garbage not yet collected, so it saws up and down with the young generation; the
 * "after GC" column (what the heap pools held right after their last collection) is the one that would grow if
 * the stream kept images alive. The resident set follows the committed heap, which the collector sizes to the
 * allocation rate, not to the number of images; a small {@code -Xmx} caps both.
 */
public final class StreamingMemoryCheck {

    static final int EVERY = 20;
    static final int BATCH = 256;
    static final int PREFETCH = 2;
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    static final double MIB = 1024.0 * 1024.0;

    private StreamingMemoryCheck() {
    }

    public static void main(String[] args) {
        boolean close = false;
        List<Integer> counts = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--close")) {
                close = true;
            } else {
                counts.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(10_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "max heap %.0f MiB, %d CPUs, batch %d, prefetch %d, %s%n",
                Runtime.getRuntime().maxMemory() / MIB, Runtime.getRuntime().availableProcessors(), BATCH, PREFETCH,
                close ? "each batch array closed after use" : "batch arrays left to the GC");
        for (int count : counts) {
            run(count, close);
        }
    }

    private static void run(int count, boolean close) {
        SyntheticImageSource source = new SyntheticImageSource(count, SHAPE, 7);
        System.out.printf(Locale.ROOT, "%n%s%n", source.description());
        System.out.printf(Locale.ROOT, "%10s %10s %14s %15s %10s%n", "images", "heap MiB", "heap after GC",
                "heap committed", "RSS MiB");
        double peakHeap = 0;
        double peakAfterGc = 0;
        double peakCommitted = 0;
        double peakRss = 0;
        long images = 0;
        int batches = 0;
        double checksum = 0;
        long start = System.nanoTime();
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(BATCH).withPrefetch(PREFETCH))) {
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                INDArray array = batch.images();
                // Reading every sample is what a consumer does; it also keeps the array from being optimised away.
                checksum += array.sumNumber().doubleValue();
                images += batch.size();
                batches++;
                if (close) {
                    array.close();
                }
                double heap = usedHeap();
                double afterGc = heapAfterLastGc();
                double committed = committedHeap();
                double rss = statusKib("VmRSS:") / 1024.0;
                peakHeap = Math.max(peakHeap, heap);
                peakAfterGc = Math.max(peakAfterGc, afterGc);
                peakCommitted = Math.max(peakCommitted, committed);
                peakRss = Math.max(peakRss, rss);
                if (batches % EVERY == 0 || images == count) {
                    System.out.printf(Locale.ROOT, "%10d %10.1f %14.1f %15.1f %10.1f%n", images, heap, afterGc,
                            committed, rss);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%10s %10.1f %14.1f %15.1f %10.1f   (peak over every batch; VmHWM %.1f MiB)%n",
                "peak", peakHeap, peakAfterGc, peakCommitted, peakRss, statusKib("VmHWM:") / 1024.0);
        System.out.printf(Locale.ROOT, "%d images in %d batches, %.1f s (%.0f images/s), mean sample %.2f%n",
                images, batches, seconds, images / seconds, checksum / images / SHAPE.sampleCount());
    }

    private static double usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    /** Heap the JVM has taken from the OS; it counts in the resident set whether or not it holds live objects. */
    private static double committedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / MIB;
    }

    /** What the heap pools held right after their latest collection: live data plus any floating garbage. */
    private static double heapAfterLastGc() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                bytes += after.getUsed();
            }
        }
        return bytes / MIB;
    }

    /** A {@code kB} line of /proc/self/status, or NaN where there is none (not Linux). */
    private static double statusKib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
