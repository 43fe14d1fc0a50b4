package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.fld.FldAccumulator;
import org.fld4j.metrics.fld.FldOptions;

/**
 * Memory while FLD streams N images through a saved reference flow: the Fashion-MNIST training split,
 * read in batches and added to an {@link FldAccumulator}, passed over again from the start until N images
 * have been scored. Every {@code every} images it prints the live heap after a full collection and the
 * process's resident set (from /proc), so a reader sees whether either grows with the number of images
 * (only the accumulator's one double and one name per image should).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FldStreamingMemory FLOW_FILE
 * [N=100000] [threads=2] [evaluationBatch=64] [every=10000]}.
 */
public final class FldStreamingMemory {

    private FldStreamingMemory() {
    }

    public static void main(String[] args) throws IOException {
        Flow flow = Flow.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        NativeThreads.set(args.length > 2 ? Integer.parseInt(args[2]) : 2);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : FldOptions.DEFAULT_EVALUATION_BATCH_SIZE;
        int every = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        ImageSource train = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("train-images-idx3-ubyte.gz")).build();
        FldAccumulator accumulator = FldScoringTime.againstFirstTestImages(flow, batch).accumulator();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "| images | seconds | live heap after GC (MiB) | RSS (MiB) |%n|---:|---:|---:|---:|%n");
        long start = System.nanoTime();
        int nextReport = every;
        while (accumulator.count() < n) {
            try (ImageBatchStream stream = new ImageBatchStream(train, BatchOptions.of(batch))) {
                while (stream.hasNext() && accumulator.count() < n) {
                    accumulator.add(stream.next());
                    if (accumulator.count() >= nextReport) {
                        System.gc();
                        System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f | %d |%n", accumulator.count(),
                                (System.nanoTime() - start) / 1e9, memory.getHeapMemoryUsage().getUsed() / 1048576.0,
                                residentMiB());
                        System.out.flush();
                        nextReport += every;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s%n", accumulator.result().summary());
    }

    /** Resident set size of this process: the second field of /proc/self/statm, in pages of 4 KiB. */
    private static long residentMiB() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
        return Long.parseLong(fields[1]) * 4096 / 1048576;
    }
}
