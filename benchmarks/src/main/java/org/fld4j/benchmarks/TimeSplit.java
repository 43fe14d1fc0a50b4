package org.fld4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.fld4j.benchmarks.image.ImageFlowBenchmark;

/**
 * Where a scoring pass and a training step of the side-by-side configs spend their time: the convolutions and
 * conditioner matrix products against everything else. The benchmarks' own states run the passes on the calling
 * thread (one worker); a flight recording with only fld4j's {@code org.fld4j.NativeCall} event enabled times
 * every native call exactly (a sampling profiler on a virtual machine may see only some threads), and the rest is
 * the wall time of the pass less those calls.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.TimeSplit [configs=dense-D100-K8-H256,
 * image-fmnist-28x28x1,image-cifar-32x32x3] [threads=2] [seconds=10]}; each config's pass and step are warmed up for
 * a third of {@code seconds}, then recorded for {@code seconds}.
 */
public final class TimeSplit {

    /** The name of flow-core's native-call event in a recording. */
    private static final String EVENT = "org.fld4j.NativeCall";

    private TimeSplit() {
    }

    public static void main(String[] args) throws IOException {
        String configs = args.length > 0 ? args[0] : "dense-D100-K8-H256,image-fmnist-28x28x1,image-cifar-32x32x3";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        System.out.println("| config | pass | per s | ms a batch | native calls a batch: ms (share of the pass) | rest |");
        System.out.println("|---|---|---:|---:|---|---:|");
        for (String config : configs.split(",")) {
            if (config.startsWith("dense-")) {
                DenseFlowBenchmark bench = new DenseFlowBenchmark();
                bench.config = config.substring("dense-".length()).replace("-K8", "");
                bench.threads = threads;
                bench.workers = 1;
                bench.setUp();
                report(config, "logProb", DenseFlowBenchmark.BATCH, bench::logProb, seconds);
                report(config, "training", DenseFlowBenchmark.BATCH, bench::trainStep, seconds);
            } else if (config.startsWith("image-")) {
                ImageFlowBenchmark bench = new ImageFlowBenchmark();
                bench.config = config.substring("image-".length());
                bench.threads = threads;
                bench.dequantization = "uniform";
                bench.workers = 1;
                bench.setUp();
                report(config, "logProb", ImageFlowBenchmark.BATCH, bench::logProb, seconds);
                report(config, "training", ImageFlowBenchmark.BATCH, bench::trainStep, seconds);
            } else {
                throw new IllegalArgumentException("configs are dense-D<d>-K8-H<h> or image-fmnist-28x28x1 or "
                        + "image-cifar-32x32x3, got " + config);
            }
        }
    }

    private static void report(String config, String pass, int batch, Supplier<?> run, double seconds)
            throws IOException {
        Path file = Files.createTempFile("fld4j-time-split", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(EVENT).withThreshold(Duration.ZERO);
            // Enabling the event recompiles the code that creates it, so the warm-up runs under the recording
            // too, and only the events of the timed passes are counted.
            recording.start();
            repeatFor(run, seconds / 3);
            Instant from = Instant.now();
            long start = System.nanoTime();
            int batches = repeatFor(run, seconds);
            long wall = System.nanoTime() - start;
            recording.stop();
            recording.dump(file);
            Map<String, long[]> byCall = new TreeMap<>();
            long inCalls = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals(EVENT) || event.getStartTime().isBefore(from)) {
                    continue;
                }
                int kernel = event.getInt("kernel");
                String key = (kernel > 0 ? kernel + "x" + kernel + " " : "") + event.getString("operation")
                        + (event.getBoolean("backward") ? " backward" : "");
                long nanos = event.getDuration().toNanos();
                long[] sum = byCall.computeIfAbsent(key, k -> new long[2]);
                sum[0] += nanos;
                sum[1]++;
                inCalls += nanos;
            }
            StringBuilder calls = new StringBuilder();
            for (Map.Entry<String, long[]> e : byCall.entrySet()) {
                calls.append(calls.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s x%.0f: %.1f (%.0f%%)",
                        e.getKey(), e.getValue()[1] / (double) batches, e.getValue()[0] / 1e6 / batches,
                        100.0 * e.getValue()[0] / wall));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.1f | %s | %.1f (%.0f%%) |%n", config, pass,
                    batch * batches / (wall / 1e9), wall / 1e6 / batches, calls, (wall - inCalls) / 1e6 / batches,
                    100.0 * (wall - inCalls) / wall);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int repeatFor(Supplier<?> run, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int count = 0;
        do {
            run.get();
            count++;
        } while (System.nanoTime() < end);
        return count;
    }
}
