package org.fld4j.metrics.fld;

import java.time.Duration;
import java.util.Objects;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.TrainerOptions;

/**
 * How an FLD reference flow is trained and how images are scored, validated on construction: an
 * invalid value throws an {@link IllegalArgumentException} naming the option and the value.
 *
 * @param preset                the reference flow's architecture and training recipe
 * @param heldOutFraction       share of the real images held out as R_test, never trained on (not even
 *                              for early stopping, which uses the recipe's own validation share of
 *                              the rest), in (0, 1)
 * @param seed                  seed of the held-out split, the flow's weights, training and the
 *                              dequantization noise
 * @param maxEpochs             training epoch cap (>= 1)
 * @param timeBudget            training wall-clock cap (> 0)
 * @param batchSize             training batch size (>= 1)
 * @param evaluationBatchSize   images per forward pass when scoring; changes speed, never a score
 * @param dequantizationSamples K, noise draws per image averaged as log-mean-exp (>= 1)
 * @param bootstrapResamples    resamples of the percentile bootstrap interval, from {@value #MIN_BOOTSTRAP_RESAMPLES}
 *                              to {@value #MAX_BOOTSTRAP_RESAMPLES}
 * @param confidence            the interval's coverage, in (0, 1)
 * @param referenceFlows        K, reference flows trained with seeds {@code seed, seed + 1, ...} on different
 *                              held-out splits, from 1 to {@value #MAX_REFERENCE_FLOWS}. FLD is the mean of their
 *                              FLDs and, from 2 on, the interval adds the spread between them (the randomness of
 *                              training the reference) to that of the images; with 1 it covers the images only
 */
public record FldOptions(ImagePreset preset, double heldOutFraction, long seed, int maxEpochs, Duration timeBudget,
                         int batchSize, int evaluationBatchSize, int dequantizationSamples, int bootstrapResamples,
                         double confidence, int referenceFlows) implements java.io.Serializable {

    public FldOptions {
        require(preset != null, "preset", preset);
        require(heldOutFraction > 0 && heldOutFraction < 1, "heldOutFraction", heldOutFraction);
        require(maxEpochs >= 1, "maxEpochs", maxEpochs);
        require(timeBudget != null && !timeBudget.isNegative() && !timeBudget.isZero(), "timeBudget", timeBudget);
        require(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE, "batchSize",
                batchSize + " (allowed: 1 to " + MAX_BATCH_SIZE + ")");
        require(evaluationBatchSize >= 1 && evaluationBatchSize <= MAX_BATCH_SIZE, "evaluationBatchSize",
                evaluationBatchSize + " (allowed: 1 to " + MAX_BATCH_SIZE + ")");
        require(dequantizationSamples >= 1 && dequantizationSamples <= MAX_DEQUANTIZATION_SAMPLES,
                "dequantizationSamples", dequantizationSamples + " (allowed: 1 to " + MAX_DEQUANTIZATION_SAMPLES + ")");
        require(bootstrapResamples >= MIN_BOOTSTRAP_RESAMPLES && bootstrapResamples <= MAX_BOOTSTRAP_RESAMPLES,
                "bootstrapResamples", bootstrapResamples + " (allowed: " + MIN_BOOTSTRAP_RESAMPLES + " to "
                        + MAX_BOOTSTRAP_RESAMPLES + ")");
        require(confidence > 0 && confidence < 1, "confidence", confidence);
        require(referenceFlows >= 1 && referenceFlows <= MAX_REFERENCE_FLOWS, "referenceFlows",
                referenceFlows + " (allowed: 1 to " + MAX_REFERENCE_FLOWS + ")");
    }

    /**
     * The most reference flows. Each costs a full training and a forward pass per scored image; the spread between
     * flows enters the interval divided by K, and beyond a few dozen flows the images' own sampling noise sets the
     * width, so more flows buy nothing but time.
     */
    public static final int MAX_REFERENCE_FLOWS = 32;

    /**
     * The largest training or evaluation batch. A batch's work arrays grow with it (an fld-paper pass keeps about
     * 2^21.7 values per 3x32x32 image, so 65,536 such images are some 900 GB); the presets use 16 to 256 and
     * scores do not depend on the batch. A reference file that declares more is refused instead of asking for the
     * memory.
     */
    public static final int MAX_BATCH_SIZE = 1 << 16;

    /**
     * The most dequantization draws per image. Each multiplies the scoring time; the log-mean-exp estimate's bias
     * falls like 1/K, and beyond a thousand draws it is far below a float32 pass's rounding.
     */
    public static final int MAX_DEQUANTIZATION_SAMPLES = 1_000;

    /** The fewest bootstrap resamples: fewer leave the 2.5% and 97.5% percentiles a handful of draws. */
    public static final int MIN_BOOTSTRAP_RESAMPLES = 100;

    /**
     * The most bootstrap resamples. An interval end is a percentile of the resamples, and its Monte-Carlo error
     * with B resamples is about {@code sqrt(p (1 - p) / B) / phi(z_p)} bootstrap standard deviations: for the
     * 2.5% end, {@code 2.7 / sqrt(B)}, i.e. 0.027 of the interval's own spread at 10,000 resamples and 0.0085
     * at 100,000. Beyond that the interval's width is set by the images sampled, not by the resampling, so more
     * resamples buy nothing; each costs a draw per image (100,000 resamples of 10,000 + 2,000 images are
     * 1.2e9 draws, seconds) and 8 bytes (three arrays for D-FLD). Without a bound a hostile reference or a
     * typo ({@code --bootstrap 2000000000}) asks for 16 GB and hours.
     */
    public static final int MAX_BOOTSTRAP_RESAMPLES = 100_000;

    private static void require(boolean ok, String option, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid FLD option " + option + ": " + value);
        }
    }

    /**
     * Images per scoring pass by default. An image flow scores about as many images a second at 64 as at 128 or
     * 256 (fld-paper, 1x28x28, two cores: FLD of 10,000 images in 37.1 s at 64, 37.5 s at 128, 36.0 s at 256), with
     * less memory (peak resident set 0.71-0.81 GB at 64, 1.06 GB at 256); the work arrays grow with the pixels of a
     * pass, so larger images call for fewer.
     */
    public static final int DEFAULT_EVALUATION_BATCH_SIZE = 64;

    /**
     * {@code fld-paper} with its recipe's epoch cap, time budget and batch size; 20% held out; seed 0;
     * scoring {@value #DEFAULT_EVALUATION_BATCH_SIZE} images a pass with one noise draw; a 95% interval
     * from 1,000 resamples; one reference flow.
     */
    public static FldOptions defaults() {
        return forPreset(ImagePreset.FLD_PAPER);
    }

    /** The defaults with {@code preset} and its recipe's epoch cap, time budget and batch size. */
    public static FldOptions forPreset(ImagePreset preset) {
        TrainerOptions recipe = TrainerOptions.recipe(Objects.requireNonNull(preset, "preset"));
        return new FldOptions(preset, 0.2, 0L, recipe.maxEpochs(), recipe.timeBudget(), recipe.batchSize(),
                DEFAULT_EVALUATION_BATCH_SIZE, 1, 1000, 0.95, 1);
    }

    /** The preset's training recipe with this record's epoch cap, time budget, batch size and seed. */
    public TrainerOptions trainerOptions() {
        return TrainerOptions.recipe(preset).toBuilder().maxEpochs(maxEpochs).timeBudget(timeBudget).batchSize(batchSize)
                .seed(seed).build();
    }

    /** How images are scored: evaluation batch, K noise draws, the seed. */
    public EvaluationOptions evaluation() {
        return new EvaluationOptions(evaluationBatchSize, dequantizationSamples, seed);
    }

    /** Changes the preset; the epoch cap, time budget and batch size stay as they are. */
    public FldOptions withPreset(ImagePreset value) {
        return new FldOptions(value, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withHeldOutFraction(double value) {
        return new FldOptions(preset, value, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withSeed(long value) {
        return new FldOptions(preset, heldOutFraction, value, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withMaxEpochs(int value) {
        return new FldOptions(preset, heldOutFraction, seed, value, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withTimeBudget(Duration value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, value, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withBatchSize(int value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, value, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withEvaluationBatchSize(int value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, value,
                dequantizationSamples, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withDequantizationSamples(int value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                value, bootstrapResamples, confidence, referenceFlows);
    }

    public FldOptions withBootstrapResamples(int value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, value, confidence, referenceFlows);
    }

    public FldOptions withConfidence(double value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, value, referenceFlows);
    }

    public FldOptions withReferenceFlows(int value) {
        return new FldOptions(preset, heldOutFraction, seed, maxEpochs, timeBudget, batchSize, evaluationBatchSize,
                dequantizationSamples, bootstrapResamples, confidence, value);
    }
}
