package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.LearningRateSchedule;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.core.train.TrainingResult;
import org.fld4j.core.units.BitsPerDim;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.io.ImageSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the {@code fld-paper} flow on the full Fashion-MNIST training split (Debian's
 * {@code dataset-fashion-mnist}) with the preset's recipe, then reports bits/dim on the 10,000 test images.
 * The recipe validates every 5 epochs; this run validates every epoch instead (its time budget allows only
 * a few), which changes which weights are kept, not how they are trained.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistQualityRun OUT_DIR
 * [minutes=120] [maxEpochs=200] [threads=2] [trainImages=60000] [startFlow] [schedule=constant]}. With
 * {@code startFlow}, a flow saved by an earlier run, training continues from its weights (with a fresh
 * optimiser state), so a long training can be split over several runs. {@code schedule cosine} anneals the
 * learning rate to 0 over {@code maxEpochs} (set the time budget so that they fit), the usual last stage of
 * a long training. Writes to OUT_DIR: {@code curve.csv}
 * (mean training bits/dim over every 50 steps), {@code epochs.csv}, {@code result.txt} and the trained
 * flow {@code fld-paper-fmnist.flow}. Progress goes to stderr.
 */
public final class FashionMnistQualityRun {

    static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    static final int CURVE_EVERY = 50;

    private FashionMnistQualityRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FashionMnistQualityRun OUT_DIR [minutes] [maxEpochs] [threads] [trainImages]"
                    + " [startFlow|-] [constant|cosine]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long minutes = args.length > 1 ? Long.parseLong(args[1]) : 120;
        int maxEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int trainImages = args.length > 4 ? Integer.parseInt(args[4]) : 60_000;
        Files.createDirectories(out);
        NativeThreads.set(threads);

        INDArray train = readAll(DATA.resolve("train-images-idx3-ubyte.gz"), trainImages);
        INDArray test = readAll(DATA.resolve("t10k-images-idx3-ubyte.gz"), Integer.MAX_VALUE);
        long dims = 28 * 28;

        LearningRateSchedule schedule = args.length > 6
                ? LearningRateSchedule.valueOf(args[6].toUpperCase(Locale.ROOT)) : LearningRateSchedule.CONSTANT;
        Flow flow = args.length > 5 && !args[5].equals("-") ? Flow.load(Path.of(args[5]))
                : Flow.image(1, 28, 28).preset(ImagePreset.FLD_PAPER).seed(1).build();
        TrainerOptions options = TrainerOptions.recipe(ImagePreset.FLD_PAPER).toBuilder()
                .maxEpochs(maxEpochs).timeBudget(Duration.ofMinutes(minutes)).validateEvery(1).seed(1)
                .schedule(schedule).build();
        System.err.printf("fld-paper on %d Fashion-MNIST training images, %d parameters, %s%n",
                train.size(0), flow.parameterCount(), options);

        long start = System.nanoTime();
        TrainingResult result;
        try (PrintWriter curve = writer(out.resolve("curve.csv"));
             PrintWriter epochs = writer(out.resolve("epochs.csv"))) {
            curve.println("step,epoch,elapsed_s,train_bpd_mean_last_" + CURVE_EVERY);
            epochs.println("epoch,steps,skipped,train_bpd,validation_bpd,elapsed_s");
            TrainingListener listener = new TrainingListener() {
                double sum;
                int count;

                @Override
                public void onStep(long step, int epoch, double loss, double learningRate) {
                    if (Double.isFinite(loss)) {
                        sum += loss;
                        count++;
                    }
                    if ((step + 1) % CURVE_EVERY == 0) {
                        double bpd = BitsPerDim.fromNats(sum / count, dims);
                        double elapsed = (System.nanoTime() - start) / 1e9;
                        curve.printf(Locale.ROOT, "%d,%d,%.1f,%.4f%n", step + 1, epoch, elapsed, bpd);
                        curve.flush();
                        System.err.printf(Locale.ROOT, "step %d epoch %d %.0f s: train %.4f bpd%n",
                                step + 1, epoch, elapsed, bpd);
                        sum = 0;
                        count = 0;
                    }
                }

                @Override
                public void onEpoch(EpochRecord r) {
                    double trainBpd = BitsPerDim.fromNats(r.trainLoss(), dims);
                    double valBpd = BitsPerDim.fromNats(r.validationLoss(), dims);
                    epochs.printf(Locale.ROOT, "%d,%d,%d,%.4f,%.4f,%.1f%n", r.epoch(), r.steps(), r.skippedSteps(),
                            trainBpd, valBpd, r.elapsed().toMillis() / 1e3);
                    epochs.flush();
                    System.err.printf(Locale.ROOT, "epoch %d: train %.4f bpd, validation %.4f bpd%n",
                            r.epoch(), trainBpd, valBpd);
                }
            };
            result = new Trainer(options, listener).fit(flow, train);
        }
        TrainingHistory history = result.history();
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        result.flow().save(out.resolve("fld-paper-fmnist.flow"));

        long evalStart = System.nanoTime();
        double testBpd = result.flow().meanBitsPerDim(test);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        String report = String.format(Locale.ROOT,
                "training images %d (validation %.0f%%), threads %d%n"
                        + "stop %s after %d epochs, best epoch %d, %d steps, %.1f s training%n"
                        + "test bits/dim (10,000 images, K=1): %.4f  (%.1f s, %.1f images/s)%n",
                train.size(0), 100 * options.validationFraction(), threads, history.stopReason(),
                history.epochs().size(), history.bestEpoch(), history.totalSteps(), trainSeconds,
                testBpd, evalSeconds, test.size(0) / evalSeconds);
        Files.writeString(out.resolve("result.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static INDArray readAll(Path file, int limit) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing; install it with 'apt-get install dataset-fashion-mnist'");
        }
        ImageSource source = ImageSources.idx(file).build();
        int n = (int) Math.min(limit, source.size());
        try (ImageBatchStream batches = new ImageBatchStream(source, BatchOptions.of(n))) {
            return batches.next().images();
        }
    }

    private static PrintWriter writer(Path file) {
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
