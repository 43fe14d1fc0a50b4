package org.fld4j.benchmarks.coverage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainingResult;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.FldOptions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains {@code F} reference flows per real-set size on Fashion-MNIST's training split and writes each flow's
 * per-image log-likelihoods (nats) on shared evaluation sets, so that {@link CoverageTable} can draw many scores
 * from them without training again.
 *
 * <p>The 60,000 training images are shuffled once (seed 20261205): the first {@value PoolData#EVALUATION} are the
 * evaluation pool, which no flow trains on; the rest are the training pool. Flow {@code f} of size {@code N} trains
 * on {@code 0.8 N} images drawn from the training pool with its own seed, and its held-out images R_test are
 * {@code 0.2 N} images drawn from the evaluation pool: a random sample of the same distribution that it never saw,
 * as the library's own split gives, but one that every other flow scores too (D-FLD's cross terms need that). Each
 * flow scores the evaluation pool, the 10,000 test images (the other split), and the first
 * {@value PoolData#DISTORTED} evaluation images with additive noise sigma 8 and salt-and-pepper 3% (seed 7).
 *
 * <p>Each size trains a fixed number of epochs (the i-th of {@code epochs} for the i-th size; the preset's early
 * stopping may end it sooner), so that flows do not depend on the machine's load; the time budget only guards
 * against a runaway. The recipe's validation share comes out of the 0.8 N training images.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.coverage.CoveragePool OUT_DIR [preset=small]
 * [sizes=500,2000,10000] [flows=10] [epochs=30,15,3] [budgetSeconds=600] [threads=2] [firstFlow=0]
 * [evaluationImages=10000]}. With fewer evaluation images (for a slow preset) the held-out sets are drawn from the
 * first ones of the evaluation pool and only those, as many test images and at most as many distorted images are
 * scored. A flow whose files exist is skipped, so an interrupted run continues where it stopped.
 */
public final class CoveragePool {

    private CoveragePool() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        ImagePreset preset = ImagePreset.parse(args.length > 1 ? args[1] : "small");
        int[] sizes = PoolData.ints(args.length > 2 ? args[2] : "500,2000,10000");
        int flows = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int[] epochs = PoolData.ints(args.length > 4 ? args[4] : "30,15,3");
        int budget = args.length > 5 ? Integer.parseInt(args[5]) : 600;
        NativeThreads.set(args.length > 6 ? Integer.parseInt(args[6]) : 2);
        int firstFlow = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        int scored = args.length > 8 ? Integer.parseInt(args[8]) : PoolData.EVALUATION;
        Files.createDirectories(out);

        PoolData data = PoolData.load();
        INDArray evaluation = data.evaluationImages(scored);
        INDArray test = data.testImages(scored);
        int distortedCount = Math.min(scored, PoolData.DISTORTED);
        INDArray noise = distorted(data, DistortionKind.ADDITIVE_NOISE, 8, distortedCount);
        INDArray saltPepper = distorted(data, DistortionKind.SALT_AND_PEPPER, 0.03, distortedCount);
        for (int f = firstFlow; f < flows; f++) {
            for (int n : sizes) {
                Path folder = out.resolve(PoolFlow.folderName(preset, n, f));
                if (Files.isRegularFile(folder.resolve(PoolFlow.DONE))) {
                    continue;
                }
                Files.createDirectories(folder);
                long seed = PoolFlow.seed(n, f);
                int[][] sets = data.drawSets(n, seed, scored);
                int maxEpochs = epochs[Math.min(epochs.length - 1, indexOf(sizes, n))];
                FldOptions options = FldOptions.forPreset(preset).withMaxEpochs(maxEpochs)
                        .withTimeBudget(Duration.ofSeconds(budget)).withSeed(seed);
                INDArray training = data.trainingRows(sets[0]);
                long start = System.nanoTime();
                Flow fresh = Flow.image(1, 28, 28).preset(preset).seed(seed).build();
                TrainingResult result = new Trainer(options.trainerOptions()).fit(fresh, training);
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                Flow flow = result.flow();
                long scoreStart = System.nanoTime();
                PoolFlow.write(folder.resolve(PoolFlow.EVALUATION), flow.logProb(evaluation, options.evaluation()));
                PoolFlow.write(folder.resolve(PoolFlow.TEST), flow.logProb(test, options.evaluation()));
                PoolFlow.write(folder.resolve(PoolFlow.NOISE), flow.logProb(noise, options.evaluation()));
                PoolFlow.write(folder.resolve(PoolFlow.SALT_PEPPER), flow.logProb(saltPepper, options.evaluation()));
                PoolFlow.writeIndices(folder.resolve(PoolFlow.HELD_OUT), sets[1]);
                double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
                try (PrintStream meta = new PrintStream(Files.newOutputStream(folder.resolve(PoolFlow.DONE)), true,
                        "UTF-8")) {
                    meta.printf(Locale.ROOT, "preset=%s%nrealImages=%d%ntrainingImages=%d%nseed=%d%nmaxEpochs=%d%n"
                                    + "budgetSeconds=%d%nepochs=%d%nstop=%s%nbestEpoch=%d%ntrainSeconds=%.1f%n"
                                    + "scoreSeconds=%.1f%n", preset.id(), n, sets[0].length, seed, maxEpochs, budget,
                            result.history().epochs().size(), result.history().stopReason(),
                            result.history().bestEpoch(), trainSeconds, scoreSeconds);
                }
                System.err.printf(Locale.ROOT, "%s: %d epochs (%s), train %.0f s, score %.0f s%n", folder.getFileName(),
                        result.history().epochs().size(), result.history().stopReason(), trainSeconds, scoreSeconds);
                flow.releaseWorkArrays();
                training.close();
            }
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(value + " is not among the sizes");
    }

    private static INDArray distorted(PoolData data, DistortionKind kind, double level, int count) {
        ImageSource source = Distortion.of(kind, level).applyTo(data.evaluationSource(count), 7);
        try (ImageBatchStream batches = new ImageBatchStream(source, BatchOptions.of(count))) {
            return batches.next().images();
        }
    }
}
