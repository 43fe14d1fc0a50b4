package org.fld4j.benchmarks.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabListener;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.LabPhase;
import org.fld4j.metrics.gaussian.lab.LabRow;

/**
 * Runs the Gaussian lab's whole default grid (the thesis' 4 dimensions x 3 families x 30 sets, flows
 * trained on the way) with N test samples per set, and prints the wall time of each phase of each
 * dimension; writes the table (CSV, JSON) and the curves to OUT_DIR.
 *
 * <pre>
 * OMP_WAIT_POLICY=PASSIVE java -cp benchmarks/target/benchmarks.jar org.fld4j.benchmarks.lab.FullGridRun \
 *     OUT_DIR [N=1000000] [workers=available processors] [nativeThreads=1]
 * </pre>
 */
public final class FullGridRun {

    private FullGridRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FullGridRun OUT_DIR [N] [workers] [nativeThreads]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Files.createDirectories(out);
        NativeThreads.set(threads);
        GaussianLabOptions options = GaussianLabOptions.builder().testSamples(n).workers(workers).build();
        System.out.printf(Locale.ROOT, "full grid: %d cells, N=%,d, %d workers, %d native threads%n",
                options.cellCount(), n, workers, threads);
        long start = System.nanoTime();
        long[] phaseStart = {start};
        LabPhase[] current = {null};
        int[] dim = {0};
        GaussianLabListener listener = new GaussianLabListener() {
            @Override
            public void onPhase(int dimension, LabPhase phase) {
                close();
                dim[0] = dimension;
                current[0] = phase;
            }

            @Override
            public void onTrainingEpoch(int dimension, EpochRecord epoch) {
                System.err.printf(Locale.ROOT, "D=%d epoch %d: train %.4f, validation %.4f nats%n", dimension,
                        epoch.epoch(), epoch.trainLoss(), epoch.validationLoss());
            }

            @Override
            public void onCell(LabRow row, int cellsDone, int cellsTotal) {
                System.err.printf(Locale.ROOT, "cell %d/%d (%.0f s)%n", cellsDone, cellsTotal,
                        (System.nanoTime() - start) / 1e9);
            }

            void close() {
                long now = System.nanoTime();
                if (current[0] != null) {
                    System.out.printf(Locale.ROOT, "D=%d %-10s %8.1f s%n", dim[0], current[0], (now - phaseStart[0]) / 1e9);
                }
                phaseStart[0] = now;
            }
        };
        GaussianLabResult result = new GaussianLab(options).run(listener);
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "D=%d %-10s %8.1f s%n", dim[0], current[0], (now - phaseStart[0]) / 1e9);
        System.out.printf(Locale.ROOT, "total %.1f s (%.1f min)%n", (now - start) / 1e9, (now - start) / 60e9);
        result.writeCsv(out.resolve("gaussian-lab.csv"));
        result.writeJson(out.resolve("gaussian-lab.json"));
        result.writeCurvesCsv(out.resolve("gaussian-lab-curves.csv"));
    }
}
