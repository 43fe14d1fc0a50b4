package org.fld4j.metrics.fld;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.io.ImageSource;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.memorization.CopyCheck;
import org.fld4j.metrics.memorization.MemorizationOptions;
import org.fld4j.metrics.memorization.MemorizationResult;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * FLD: how likely generated images are under a flow trained on real images, against held-out real
 * images ({@code FLD = ln(bpd_R(G) / bpd_R(R_test))}, fld4j's docs/maths.md).
 *
 * <pre>{@code
 * Fld fld = Fld.of(Path.of("real/")).seed(1);
 * FldScore score = fld.score(Path.of("generated/"));   // trains the reference flow on first use
 * fld.save(Path.of("real.fld"));                        // later: Fld.load(...).score(...)
 * }</pre>
 *
 * <p>The option methods return a new, untrained {@code Fld}; the reference flow is trained once, on the
 * first {@link #score} (or {@link #train()}), and then reused. Thread-safe.
 */
public final class Fld {

    private final ImageSource real;
    private final FldOptions options;
    private final List<TrainingListener> listeners;
    private final RealSetDescription description;
    private FldReference reference;

    private Fld(ImageSource real, FldOptions options, List<TrainingListener> listeners, RealSetDescription description,
                FldReference reference) {
        this.real = real;
        this.options = Objects.requireNonNull(options, "options");
        this.listeners = List.copyOf(listeners);
        this.description = Objects.requireNonNull(description, "description");
        this.reference = reference;
    }

    /**
     * FLD against these real images, with {@link FldOptions#defaults()}. The source's preprocessing is not known
     * to the reference's card unless {@link #preprocessing} declares it.
     */
    public static Fld of(ImageSource real) {
        return new Fld(Objects.requireNonNull(real, "real"), FldOptions.defaults(), List.of(),
                RealSetDescription.none(), null);
    }

    /** FLD against a folder of real images or an IDX file, read as stored (no preprocessing). */
    public static Fld of(Path real) {
        return of(FldInputs.open(real)).preprocessing(Preprocessing.none());
    }

    /** FLD against real images {@code [N, C, H, W]} of 8-bit values 0..255, taken as they are. */
    public static Fld of(INDArray real) {
        return of(FldInputs.of(real)).preprocessing(Preprocessing.none());
    }

    /**
     * FLD with a flow trained elsewhere on real images, and real images it was not trained on
     * ({@code R_test}). The options say how images are scored (batch, K, seed, bootstrap).
     */
    public static Fld using(Flow trained, ImageSource realHeldOut, FldOptions options) {
        return using(trained, realHeldOut, options, null);
    }

    /**
     * {@link #using(Flow, ImageSource, FldOptions)} with the card of the flow's training, for a reference to publish:
     * fld4j did not train the flow, so what the card says of its real set, preprocessing, recipe and software is
     * what {@code card} declares. The options' epoch cap, time budget and batch size are shown as the recipe beside
     * the card's optimiser; set them to the training's (see docs/user-guide.md, "Publishing a reference").
     *
     * @param card the card to save with the reference; null for none
     */
    public static Fld using(Flow trained, ImageSource realHeldOut, FldOptions options, ReferenceCard card) {
        LoadedImages heldOut = LoadedImages.read(realHeldOut, options.evaluationBatchSize());
        double[] values = trained.logProb(heldOut.images(), options.evaluation());
        FldReference reference = new FldReference(trained, options, values, heldOut.names(),
                Fingerprinter.fingerprint(realHeldOut).fingerprint().sha256(), heldOut.size(), 0, "trained elsewhere",
                Fld4jVersion.current()).withCard(card);
        return new Fld(null, options, List.of(), card == null ? RealSetDescription.none() : card.realSet(), reference);
    }

    /** {@link #using(Flow, ImageSource, FldOptions)} with default scoring options. */
    public static Fld using(Flow trained, ImageSource realHeldOut) {
        return using(trained, realHeldOut, FldOptions.defaults());
    }

    /** {@link #using(Flow, ImageSource)} with held-out real images {@code [N, C, H, W]} of values 0..255. */
    public static Fld using(Flow trained, INDArray realHeldOut) {
        return using(trained, FldInputs.of(realHeldOut));
    }

    /** Loads a reference saved by {@link #save}. */
    public static Fld load(Path file) throws IOException {
        FldReference reference = ReferenceFiles.load(file);
        return new Fld(null, reference.options(), List.of(), reference.card().map(ReferenceCard::realSet)
                .orElse(RealSetDescription.none()), reference);
    }

    /** A new, untrained FLD with these options. */
    public Fld options(FldOptions value) {
        if (real == null) {
            throw new IllegalStateException("this FLD's reference flow was trained elsewhere or loaded; its options"
                    + " cannot change (build a new one with Fld.of(real))");
        }
        return new Fld(real, value, listeners, description, null);
    }

    public FldOptions options() {
        return options;
    }

    /**
     * The same FLD with another bootstrap interval: {@code resamples} resamples at {@code confidence} coverage.
     * Unlike {@link #options(FldOptions)} it keeps a trained or loaded reference flow: neither value changes the
     * flow or the held-out log-likelihoods, only the interval of later scores.
     */
    public Fld interval(int resamples, double confidence) {
        FldOptions changed = options.withBootstrapResamples(resamples).withConfidence(confidence);
        FldReference current = currentReference();
        return new Fld(real, changed, listeners, description, current == null ? null : current.withOptions(changed));
    }

    /** Changes the preset and takes its recipe's epoch cap, time budget and batch size. */
    public Fld preset(ImagePreset value) {
        FldOptions base = FldOptions.forPreset(value);
        return options(base.withHeldOutFraction(options.heldOutFraction()).withSeed(options.seed())
                .withEvaluationBatchSize(options.evaluationBatchSize())
                .withDequantizationSamples(options.dequantizationSamples())
                .withBootstrapResamples(options.bootstrapResamples()).withConfidence(options.confidence())
                .withReferenceFlows(options.referenceFlows()));
    }

    /**
     * K reference flows, trained with seeds {@code seed, seed + 1, ...} on different held-out splits (disjoint folds
     * while they fit). FLD becomes the mean of their FLDs and its interval adds the spread between them, the
     * randomness of training the reference, to that of the images (docs/maths.md); each flow costs a training and a
     * forward pass per scored image. With 1 (the default) the interval covers the images only.
     */
    public Fld referenceFlows(int value) {
        return options(options.withReferenceFlows(value));
    }

    public Fld heldOutFraction(double value) {
        return options(options.withHeldOutFraction(value));
    }

    public Fld seed(long value) {
        return options(options.withSeed(value));
    }

    public Fld maxEpochs(int value) {
        return options(options.withMaxEpochs(value));
    }

    public Fld timeBudget(Duration value) {
        return options(options.withTimeBudget(value));
    }

    public Fld batchSize(int value) {
        return options(options.withBatchSize(value));
    }

    /**
     * The same FLD scoring {@code value} images a pass. Like {@link #interval} it keeps a trained or loaded
     * reference flow: the batch size changes memory and speed, not results (beyond float rounding).
     */
    public Fld evaluationBatchSize(int value) {
        FldOptions changed = options.withEvaluationBatchSize(value);
        FldReference current = currentReference();
        return new Fld(real, changed, listeners, description, current == null ? null : current.withOptions(changed));
    }

    public Fld dequantizationSamples(int value) {
        return options(options.withDequantizationSamples(value));
    }

    public Fld bootstrapResamples(int value) {
        return options(options.withBootstrapResamples(value));
    }

    /** Adds a listener that hears the reference flow's training. */
    public Fld listener(TrainingListener listener) {
        if (real == null) {
            throw new IllegalStateException("this FLD's reference flow is already trained");
        }
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new Fld(real, options, more, description, null);
    }

    /**
     * A new, untrained FLD whose reference card describes the real images with {@code text}: what they are, where
     * they come from, which split (one line, at most {@value RealSetDescription#MAX_TEXT_CHARS} characters).
     */
    public Fld description(String text) {
        requireUntrained("description");
        return new Fld(real, options, listeners, description.withText(text), null);
    }

    /**
     * A new, untrained FLD whose reference card records that the real images went through {@code value} (channel
     * mode, size policy, resize filter) before the flow saw them. It declares, it does not apply: the source given
     * to {@link #of(ImageSource)} must already be preprocessed so.
     */
    public Fld preprocessing(Preprocessing value) {
        requireUntrained("preprocessing");
        return new Fld(real, options, listeners, description.withPreprocessing(value), null);
    }

    private void requireUntrained(String what) {
        if (real == null) {
            throw new IllegalStateException("this FLD's reference flow was trained elsewhere or loaded; its " + what
                    + " is recorded already");
        }
    }

    /** Trains the reference flow unless it is trained already; returns this. */
    public synchronized Fld train() {
        if (reference == null) {
            reference = ReferenceTraining.train(real, options, listeners, description);
        }
        return this;
    }

    /** The trained reference (training it first if needed). */
    public FldReference reference() {
        return train().currentReference();
    }

    private synchronized FldReference currentReference() {
        return reference;
    }

    /** Scores generated images, streaming them in batches. */
    public FldScore score(ImageSource generated) {
        FldReference ref = reference();
        FldAccumulator accumulator = new FldAccumulator(ref, generated.description());
        try (ImageBatchStream stream = new ImageBatchStream(generated, ref.scoringBatches())) {
            while (stream.hasNext()) {
                accumulator.add(stream.next());
            }
            if (accumulator.count() == 0) {
                throw new TooFewImagesException(generated.description() + " holds no usable images"
                        + (stream.report().skipped().isEmpty() ? "" : " (" + stream.report().skipped().size()
                        + " skipped)"), 0, 1);
            }
            return accumulator.result(stream.report());
        }
    }

    /** Scores a folder of generated images or an IDX file. */
    public FldScore score(Path generated) {
        return score(FldInputs.open(generated));
    }

    /** Scores generated images {@code [N, C, H, W]} of 8-bit values 0..255. */
    public FldScore score(INDArray generated) {
        return score(FldInputs.of(generated));
    }

    /** An accumulator for scoring batch by batch (trains the reference first if needed). */
    public FldAccumulator accumulator() {
        return new FldAccumulator(reference());
    }

    /**
     * Whether the generated images copy the reference's training images (a memorized set gets FLD below 0, which
     * looks better than real): each generated image's distance to its nearest training image against the held-out
     * real images' ({@link CopyCheck}), and where it falls among the first flow's training and held-out
     * log-likelihoods. Needs the real images: this FLD's own, or see {@link #memorization(ImageSource, ImageSource,
     * MemorizationOptions)} for a loaded reference.
     */
    public MemorizationResult memorization(ImageSource generated) {
        if (real == null) {
            throw new IllegalStateException("this FLD's reference was loaded or trained elsewhere: the copy check needs"
                    + " the real images it was trained on, memorization(real, generated, options)");
        }
        return memorization(real, generated, MemorizationOptions.defaults().withSeed(options.seed()));
    }

    /** The copy check against the real images {@code real}, which must be those the reference was trained on. */
    public MemorizationResult memorization(ImageSource real, ImageSource generated, MemorizationOptions options) {
        return MemorizationRun.run(real, reference(), generated, options);
    }

    /** Saves the reference (training it first if needed) with its held-out statistics. */
    public void save(Path file) throws IOException {
        ReferenceFiles.save(reference(), file);
    }
}
