package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.core.Flow;
import org.fld4j.core.units.BitsPerDim;
import org.fld4j.io.ImageShape;
import org.fld4j.io.preprocess.ExpectedShape;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;

/**
 * What scoring generated images needs from the real set, immutable: the reference flows (one, or an ensemble of
 * K trained with different seeds on different held-out splits), the options they were trained and are evaluated
 * with, and each flow's per-image log-likelihoods of its own held-out real images R_test. Saved and loaded with
 * {@link Fld#save} and {@link Fld#load}, so that scoring a new generated set costs only its own forward passes.
 */
public final class FldReference {

    private final List<ReferenceMember> members;
    private final FldOptions options;
    private final String realFingerprint;
    private final long realImages;
    private final String writtenBy;
    /** Null for references without a card: files written before cards, and flows trained elsewhere. */
    private final ReferenceCard card;
    /** Computed on first use: {@link #identity()}. */
    private volatile String identity;

    /**
     * A reference of one flow.
     *
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
        this(List.of(new ReferenceMember(flow, options.seed(), heldOut, heldOutNames, trainingImages, training)),
                options.withReferenceFlows(1), realFingerprint, realImages, writtenBy);
    }

    /** A reference of {@code members.size()} flows, which {@code options.referenceFlows()} must equal. */
    FldReference(List<ReferenceMember> members, FldOptions options, String realFingerprint, long realImages,
                 String writtenBy) {
        this(members, options, realFingerprint, realImages, writtenBy, null);
    }

    /** A reference of {@code members.size()} flows with its card ({@code null}: none). */
    FldReference(List<ReferenceMember> members, FldOptions options, String realFingerprint, long realImages,
                 String writtenBy, ReferenceCard card) {
        this.members = List.copyOf(members);
        this.options = Objects.requireNonNull(options, "options");
        if (this.members.isEmpty() || this.members.size() != options.referenceFlows()) {
            throw new IllegalArgumentException(this.members.size() + " reference flows but the options ask for "
                    + options.referenceFlows());
        }
        long[] shape = this.members.get(0).flow().sampleShape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("an FLD reference flow takes images [C, H, W], this one takes "
                    + Arrays.toString(shape));
        }
        for (ReferenceMember member : this.members) {
            if (!Arrays.equals(shape, member.flow().sampleShape())) {
                throw new IllegalArgumentException("the reference flows take images of different shapes: "
                        + Arrays.toString(shape) + " and " + Arrays.toString(member.flow().sampleShape()));
            }
        }
        this.realFingerprint = Objects.requireNonNull(realFingerprint, "realFingerprint");
        this.realImages = realImages;
        this.writtenBy = Objects.requireNonNull(writtenBy, "writtenBy");
        this.card = card;
    }

    /** The first reference flow (the only one unless {@link #referenceFlows()} is above 1). */
    public Flow flow() {
        return members.get(0).flow();
    }

    /** Every reference flow with its held-out statistics, the first being {@link #flow()}'s. */
    public List<ReferenceMember> members() {
        return members;
    }

    /** K, the number of reference flows. */
    public int referenceFlows() {
        return members.size();
    }

    /** What a score's interval accounts for: the images alone with one flow, the training too with more. */
    public IntervalScope intervalScope() {
        return members.size() == 1 ? IntervalScope.IMAGES : IntervalScope.IMAGES_AND_TRAINING;
    }

    public FldOptions options() {
        return options;
    }

    /** Log-likelihoods (nats) of the first flow's held-out real images, in their order. */
    public double[] heldOutLogLikelihoods() {
        return members.get(0).heldOutLogLikelihoods();
    }

    /** The names of the first flow's held-out real images. */
    public List<String> heldOutNames() {
        return members.get(0).heldOutNames();
    }

    /** Held-out real images of the first flow. */
    public int heldOutCount() {
        return members.get(0).heldOutValues().length;
    }

    /** Mean log-likelihood of the held-out real images, {@code l_R(R_test)}, averaged over the flows. */
    public double heldOutMeanLogLikelihood() {
        double sum = 0;
        for (ReferenceMember member : members) {
            sum += member.heldOutMeanLogLikelihood();
        }
        return sum / members.size();
    }

    /** {@code bpd_R(R_test)}, averaged over the flows. */
    public double heldOutBitsPerDim() {
        return BitsPerDim.of(heldOutMeanLogLikelihood(), dimension());
    }

    /** The image shape {@code [C, H, W]} the flows take. */
    public long[] imageShape() {
        return flow().sampleShape();
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
        return flow().dimension();
    }

    /** SHA-256 of the real set's content (flow-io's fingerprint); empty when it is not known. */
    public String realFingerprint() {
        return realFingerprint;
    }

    public long realImages() {
        return realImages;
    }

    /** Real images the first flow was trained on (each flow trains on as many). */
    public long trainingImages() {
        return members.get(0).trainingImages();
    }

    /** A one-line account of how the flows were trained. */
    public String training() {
        if (members.size() == 1) {
            return members.get(0).training();
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            parts.add("flow " + (k + 1) + ": " + members.get(k).training());
        }
        return members.size() + " flows; " + String.join("; ", parts);
    }

    /**
     * The fld4j version that trained this reference (or computed it with {@link Fld#using}); for a loaded file,
     * the version that wrote it, empty when the file predates this field.
     */
    public String writtenBy() {
        return writtenBy;
    }

    /**
     * How this reference was made, as recorded when it was trained: the real set's description and preprocessing,
     * the optimiser and learning rate, the ND4J and Java versions. Empty for files written before fld4j recorded
     * cards and for flows trained elsewhere ({@link Fld#using}).
     */
    public java.util.Optional<ReferenceCard> card() {
        return java.util.Optional.ofNullable(card);
    }

    /**
     * A digest that tells this reference from another: SHA-256 of the number of flows, each flow's seed and held-out
     * log-likelihoods (which differ for any two differently trained flows), the image shape and the options that
     * change a generated image's value (noise draws per image). Partial scores ({@link FldAccumulatorState}) carry
     * it, so that parts scored with different references are refused rather than merged.
     */
    public String identity() {
        String known = identity;
        if (known == null) {
            java.security.MessageDigest digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(4 + 4 + 8 * 3);
            header.putInt(members.size()).putInt(options.dequantizationSamples());
            for (long d : imageShape()) {
                header.putLong(d);
            }
            digest.update(header.array());
            for (ReferenceMember member : members) {
                double[] heldOut = member.heldOutValues();
                java.nio.ByteBuffer values = java.nio.ByteBuffer.allocate(8 + 8 * heldOut.length);
                values.putLong(member.seed());
                for (double v : heldOut) {
                    values.putDouble(v);
                }
                digest.update(values.array());
            }
            known = java.util.HexFormat.of().formatHex(digest.digest());
            identity = known;
        }
        return known;
    }

    /** This reference with {@code value} as its card (null: none). */
    FldReference withCard(ReferenceCard value) {
        return new FldReference(members, options, realFingerprint, realImages, writtenBy, value);
    }

    /**
     * This reference with other options that change neither the flows nor the held-out log-likelihoods (the
     * bootstrap and the evaluation batch size).
     */
    FldReference withOptions(FldOptions value) {
        FldOptions same = value.withBootstrapResamples(options.bootstrapResamples())
                .withConfidence(options.confidence()).withEvaluationBatchSize(options.evaluationBatchSize());
        if (!same.equals(options)) {
            throw new IllegalArgumentException("options " + value + " would change the reference flow trained with "
                    + options);
        }
        return new FldReference(members, value, realFingerprint, realImages, writtenBy, card);
    }

    /**
     * The bootstrap distribution behind a one-flow score's interval: the FLD of each of the
     * {@link FldOptions#bootstrapResamples()} resamples (held-out real and generated images both drawn again with
     * replacement, at their own sizes), in draw order. Given the per-image log-likelihoods of a score made with
     * this reference ({@link ImageScore#logLikelihood()}, in {@link FldScore#perImage()} order), these are the very
     * values whose equal-tailed percentiles (linear between order statistics) are its
     * {@link FldScore#interval()}: the score computes its interval from this method.
     *
     * @param generatedLogLikelihoods the generated images' log-likelihoods in nats, in scoring order
     * @throws IllegalArgumentException if there are none
     * @throws IllegalStateException    if one is not finite or their mean is not negative, or if this reference
     *                                  holds more than one flow (its interval is not a percentile bootstrap)
     */
    public double[] bootstrapReplicates(double[] generatedLogLikelihoods) {
        if (members.size() > 1) {
            throw new IllegalStateException("this reference holds " + members.size() + " flows; its interval combines"
                    + " an image bootstrap with the spread between flows (docs/maths.md), not one percentile bootstrap");
        }
        String[] names = new String[generatedLogLikelihoods.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "image " + i;
        }
        FldFormulas.check(generatedLogLikelihoods, names, "the generated images");
        return replicates(CanonicalOrder.sorted(new double[][] {generatedLogLikelihoods})[0]);
    }

    /**
     * The bootstrap distribution behind a score of this reference from every flow's per-image log-likelihoods of the
     * generated images ({@code generated[k][i]}, flow k, image i, e.g. from {@link #logLikelihoodsPerFlow}): with one
     * flow the percentile bootstrap's resamples ({@link #bootstrapReplicates(double[])}); with K flows the ensemble
     * FLD of each resample of the generated images alone, whose variance is the image part {@code v_G} of the
     * interval (which also adds the spread between flows, so it is wider than these values suggest).
     */
    public double[] bootstrapReplicates(double[][] generated) {
        if (generated.length != members.size()) {
            throw new IllegalArgumentException(generated.length + " flows' log-likelihoods for a reference of "
                    + members.size() + " flows");
        }
        if (members.size() == 1) {
            return bootstrapReplicates(generated[0]);
        }
        double[] heldOutMeans = new double[members.size()];
        for (int k = 0; k < heldOutMeans.length; k++) {
            heldOutMeans[k] = members.get(k).heldOutMeanLogLikelihood();
        }
        return EnsembleInterval.imageReplicates(heldOutMeans, CanonicalOrder.sorted(generated),
                options.bootstrapResamples(), options.seed() ^ 0x5DEECE66DL);
    }

    /**
     * The largest reference file that {@link #load} can accept under {@code limits}: its description
     * ({@code reference.json}, at most 64 MiB) and {@link FldOptions#MAX_REFERENCE_FLOWS} flows each as large as
     * {@link org.fld4j.core.FlowFileLimits#maxFlowFileBytes()}, plus 1/64 for the zip's headers and what
     * deflate adds to data it cannot compress (at most 5 bytes per 16 KiB block). A larger file cannot be a reference
     * the loader would take, so a download stops there.
     */
    public static long maxFileBytes(org.fld4j.core.FlowFileLimits limits) {
        long content = ReferenceFiles.MAX_JSON_BYTES + FldOptions.MAX_REFERENCE_FLOWS * limits.maxFlowFileBytes();
        return content + content / 64;
    }

    /** Writes this reference to {@code file} (atomically), in the format {@link Fld#save} writes. */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        ReferenceFiles.save(this, file);
    }

    /**
     * Reads a reference that {@link #save} or {@link Fld#save} wrote, checking it as {@link Fld#load} does.
     *
     * @throws java.io.IOException if it cannot be read or is not a valid reference; the message names the file
     */
    public static FldReference load(java.nio.file.Path file) throws java.io.IOException {
        return ReferenceFiles.load(file);
    }

    /**
     * An empty accumulator that scores generated images with this reference, batch by batch or by merging partial
     * scores ({@link FldAccumulator#merge(FldAccumulatorState)}).
     */
    public FldAccumulator accumulator() {
        return new FldAccumulator(this);
    }

    /**
     * Every flow's log-likelihoods (nats) of {@code images}, {@code [flow][image]} in source order, with the noise a
     * score draws (each flow's own seed): the values behind {@link FldScore#perImage()}, which averages them over
     * the flows.
     */
    public double[][] logLikelihoodsPerFlow(org.fld4j.io.ImageSource images) {
        FldAccumulator accumulator = new FldAccumulator(this, images.description());
        try (ImageBatchStream stream = new ImageBatchStream(images, scoringBatches())) {
            while (stream.hasNext()) {
                accumulator.add(stream.next());
            }
        }
        return accumulator.perFlowValues();
    }

    /** The resampled FLD values of checked generated log-likelihoods; one seed for every score of a reference. */
    private double[] replicates(double[] generated) {
        return PercentileBootstrap.replicates(members.get(0).heldOutValues(), generated, FldFormulas::fld,
                options.bootstrapResamples(), options.seed() ^ 0x5DEECE66DL);
    }

    /**
     * Scores per-image log-likelihoods of a generated set, {@code generated[k][i]} under flow k, against each flow's
     * held-out real ones. The statistics read the images in {@link CanonicalOrder}, so they depend on the values
     * alone, not on the order the images come in; the per-image scores keep the given order.
     */
    FldScore score(double[][] given, List<String> names, org.fld4j.io.InputReport report) {
        int n = given[0].length;
        if (n < ScoreWarnings.MIN_GENERATED_IMAGES) {
            throw new TooFewImagesException(report.source() + " holds " + n
                    + " usable generated image" + (n == 1 ? "" : "s") + "; FLD's interval needs at least "
                    + ScoreWarnings.MIN_GENERATED_IMAGES + " (with one, every bootstrap resample is that image and the"
                    + " interval shows only the real images' spread)", n, ScoreWarnings.MIN_GENERATED_IMAGES);
        }
        String[] nameArray = names.toArray(new String[0]);
        for (double[] flow : given) {
            FldFormulas.check(flow, nameArray, "the generated images");
        }
        double[][] generated = CanonicalOrder.sorted(given);
        int k = members.size();
        double[] heldOutMeans = new double[k];
        double[] meanGenerated = new double[k];
        double ratio = 0;
        double bpdReal = 0;
        double bpdGenerated = 0;
        for (int f = 0; f < k; f++) {
            heldOutMeans[f] = members.get(f).heldOutMeanLogLikelihood();
            meanGenerated[f] = FldFormulas.mean(generated[f]);
            double real = BitsPerDim.of(heldOutMeans[f], dimension());
            double gen = BitsPerDim.of(meanGenerated[f], dimension());
            ratio += gen / real / k;
            bpdReal += real / k;
            bpdGenerated += gen / k;
        }
        ImageScore[] perImage = new ImageScore[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += given[f][i];
            }
            perImage[i] = new ImageScore(i, names.get(i), sum / k, BitsPerDim.of(sum / k, dimension()));
        }
        if (k == 1) {
            ConfidenceInterval interval = PercentileBootstrap.percentileInterval(replicates(generated[0]),
                    options.confidence());
            double value = FldFormulas.fld(heldOutMeans[0], meanGenerated[0]);
            return new FldScore(value, ratio, bpdReal, bpdGenerated, heldOutCount(), n, interval,
                    List.of(perImage), report, List.of(value), IntervalScope.IMAGES);
        }
        double[][] heldOut = new double[k][];
        for (int f = 0; f < k; f++) {
            heldOut[f] = members.get(f).heldOutValues();
        }
        EnsembleInterval.Result result = EnsembleInterval.compute(heldOut, generated,
                options.bootstrapResamples(), options.confidence(), options.seed() ^ 0x5DEECE66DL);
        List<Double> flowValues = new ArrayList<>();
        for (double v : result.flowValues()) {
            flowValues.add(v);
        }
        return new FldScore(result.point(), ratio, bpdReal, bpdGenerated, heldOutCount(), n, result.interval(),
                List.of(perImage), report, flowValues, IntervalScope.IMAGES_AND_TRAINING);
    }
}
