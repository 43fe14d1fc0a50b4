package org.fld4j.metrics.fld;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.core.Flow;
import org.fld4j.io.ImageShape;
import org.fld4j.io.preprocess.ExpectedShape;
import org.fld4j.io.stream.BatchOptions;

/**
 * What scoring generated images needs from the real set, immutable: the reference flow, the options it
 * was trained and is evaluated with, and the per-image log-likelihoods of the held-out real images
 * R_test. Saved and loaded with {@link Fld#save} and {@link Fld#load}, so that scoring a new generated
 * set costs only its own forward passes.
 */
public final class FldReference {

    private final Flow flow;
    private final FldOptions options;
    private final double[] heldOut;
    private final List<String> heldOutNames;
    private final String realFingerprint;
    private final long realImages;
    private final long trainingImages;
    private final String training;
    private final String writtenBy;

    /**
     * @param flow            the reference flow R
     * @param options         the options it was trained with and images are scored with
     * @param heldOut         log-likelihoods of R_test, in nats, in its order
     * @param heldOutNames    the names of R_test's images
     * @param realFingerprint SHA-256 content fingerprint of the whole real set (empty when unknown)
     * @param realImages      real images in all
     * @param trainingImages  real images the flow was trained on (0 when trained elsewhere)
     * @param training        a one-line account of the training (epochs, why it stopped, time)
     * @param writtenBy       the fld4j version that made it (empty when a file does not say)
     */
    FldReference(Flow flow, FldOptions options, double[] heldOut, List<String> heldOutNames, String realFingerprint,
                 long realImages, long trainingImages, String training, String writtenBy) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.options = Objects.requireNonNull(options, "options");
        if (heldOut.length != heldOutNames.size()) {
            throw new IllegalArgumentException(heldOut.length + " held-out values but " + heldOutNames.size() + " names");
        }
        if (flow.sampleShape().length != 3) {
            throw new IllegalArgumentException("an FLD reference flow takes images [C, H, W], this one takes "
                    + Arrays.toString(flow.sampleShape()));
        }
        String[] names = heldOutNames.toArray(new String[0]);
        FldFormulas.check(heldOut, names, "the held-out real images");
        this.heldOut = heldOut.clone();
        this.heldOutNames = List.copyOf(heldOutNames);
        this.realFingerprint = Objects.requireNonNull(realFingerprint, "realFingerprint");
        this.realImages = realImages;
        this.trainingImages = trainingImages;
        this.training = Objects.requireNonNull(training, "training");
        this.writtenBy = Objects.requireNonNull(writtenBy, "writtenBy");
    }

    public Flow flow() {
        return flow;
    }

    public FldOptions options() {
        return options;
    }

    /** Log-likelihoods (nats) of the held-out real images, in their order. */
    public double[] heldOutLogLikelihoods() {
        return heldOut.clone();
    }

    public List<String> heldOutNames() {
        return heldOutNames;
    }

    /** Mean log-likelihood of the held-out real images, {@code l_R(R_test)}. */
    public double heldOutMeanLogLikelihood() {
        return FldFormulas.mean(heldOut);
    }

    /** {@code bpd_R(R_test)}. */
    public double heldOutBitsPerDim() {
        return FldFormulas.bitsPerDim(heldOutMeanLogLikelihood(), dimension());
    }

    /** The image shape {@code [C, H, W]} the flow takes. */
    public long[] imageShape() {
        return flow.sampleShape();
    }

    /**
     * How generated images are read for scoring: in evaluation batches, each image required to have the shape the
     * flow takes, so that an odd image is named (or skipped) as one that does not fit the reference.
     */
    public BatchOptions scoringBatches() {
        long[] shape = imageShape();
        ImageShape chw = new ImageShape(Math.toIntExact(shape[0]), Math.toIntExact(shape[1]),
                Math.toIntExact(shape[2]));
        return BatchOptions.of(options.evaluationBatchSize())
                .withExpectedShape(new ExpectedShape(chw, "the reference needs"));
    }

    /** Values per image, {@code C*H*W}. */
    public long dimension() {
        return flow.dimension();
    }

    /** SHA-256 of the real set's content (flow-io's fingerprint); empty when it is not known. */
    public String realFingerprint() {
        return realFingerprint;
    }

    public long realImages() {
        return realImages;
    }

    public long trainingImages() {
        return trainingImages;
    }

    /** A one-line account of how the flow was trained. */
    public String training() {
        return training;
    }

    /**
     * The fld4j version that trained this reference (or computed it with {@link Fld#using}); for a loaded file,
     * the version that wrote it, empty when the file predates this field.
     */
    public String writtenBy() {
        return writtenBy;
    }

    /**
     * This reference with other options that change neither the flow nor the held-out log-likelihoods (the
     * bootstrap and the evaluation batch size).
     */
    FldReference withOptions(FldOptions value) {
        FldOptions same = value.withBootstrapResamples(options.bootstrapResamples())
                .withConfidence(options.confidence()).withEvaluationBatchSize(options.evaluationBatchSize());
        if (!same.equals(options)) {
            throw new IllegalArgumentException("options " + value + " would change the reference flow trained with "
                    + options);
        }
        return new FldReference(flow, value, heldOut, heldOutNames, realFingerprint, realImages, trainingImages,
                training, writtenBy);
    }

    /**
     * The bootstrap distribution behind a score's interval: the FLD of each of the
     * {@link FldOptions#bootstrapResamples()} resamples (held-out real and generated images both drawn again with
     * replacement, at their own sizes), in draw order. Given the per-image log-likelihoods of a score made with
     * this reference ({@link ImageScore#logLikelihood()}, in {@link FldScore#perImage()} order), these are the very
     * values whose equal-tailed percentiles (linear between order statistics) are its
     * {@link FldScore#interval()}: the score computes its interval from this method.
     *
     * @param generatedLogLikelihoods the generated images' log-likelihoods in nats, in scoring order
     * @throws IllegalArgumentException if there are none
     * @throws IllegalStateException    if one is not finite or their mean is not negative
     */
    public double[] bootstrapReplicates(double[] generatedLogLikelihoods) {
        String[] names = new String[generatedLogLikelihoods.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "image " + i;
        }
        FldFormulas.check(generatedLogLikelihoods, names, "the generated images");
        return replicates(generatedLogLikelihoods);
    }

    /** The resampled FLD values of checked generated log-likelihoods; one seed for every score of a reference. */
    private double[] replicates(double[] generated) {
        return PercentileBootstrap.replicates(heldOut, generated, FldFormulas::fld, options.bootstrapResamples(),
                options.seed() ^ 0x5DEECE66DL);
    }

    /** Scores per-image log-likelihoods of a generated set against the held-out real ones. */
    FldScore score(double[] generated, List<String> names, org.fld4j.io.InputReport report) {
        if (generated.length < ScoreWarnings.MIN_GENERATED_IMAGES) {
            throw new TooFewImagesException(report.source() + " holds " + generated.length
                    + " usable generated image" + (generated.length == 1 ? "" : "s") + "; FLD's interval needs at least "
                    + ScoreWarnings.MIN_GENERATED_IMAGES + " (with one, every bootstrap resample is that image and the"
                    + " interval shows only the real images' spread)", generated.length,
                    ScoreWarnings.MIN_GENERATED_IMAGES);
        }
        FldFormulas.check(generated, names.toArray(new String[0]), "the generated images");
        double meanReal = heldOutMeanLogLikelihood();
        double meanGenerated = FldFormulas.mean(generated);
        double bpdReal = FldFormulas.bitsPerDim(meanReal, dimension());
        double bpdGenerated = FldFormulas.bitsPerDim(meanGenerated, dimension());
        ConfidenceInterval interval = PercentileBootstrap.percentileInterval(replicates(generated),
                options.confidence());
        ImageScore[] perImage = new ImageScore[generated.length];
        for (int i = 0; i < generated.length; i++) {
            perImage[i] = new ImageScore(i, names.get(i), generated[i],
                    FldFormulas.bitsPerDim(generated[i], dimension()));
        }
        return new FldScore(FldFormulas.fld(meanReal, meanGenerated), bpdGenerated / bpdReal, bpdReal, bpdGenerated,
                heldOut.length, generated.length, interval, List.of(perImage), report);
    }
}
