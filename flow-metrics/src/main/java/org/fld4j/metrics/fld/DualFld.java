package org.fld4j.metrics.fld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.image.Logit;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.core.units.BitsPerDim;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * D-FLD: a second flow G trained on the generated images, each flow evaluated on a held-out part of
 * its own set and of the other's (fld4j's docs/maths.md):
 * {@code D-FLD = | ln bpd_G(G_test) - ln bpd_R(R_test) |} and the cross-likelihood divergence J.
 *
 * <pre>{@code
 * DualFldScore score = DualFld.of(real).generatedPreset(ImagePreset.SMALL).score(generated);
 * }</pre>
 *
 * <p>Both flows train on a fixed budget by default (the whole epoch cap, a cosine-annealed learning rate; see
 * {@link #trainingBudget(DualTrainingBudget)}), so that every generated set's flow gets the same training.
 * The real flow R is trained once per size and reused for every generated set; G is trained for each
 * {@link #score}, and its native memory is freed when the score returns (see
 * {@link org.fld4j.core.Flow#releaseWorkArrays()}), so that scoring many sets in one process does not
 * pile it up. Option methods return a new, untrained {@code DualFld}. Thread-safe.
 */
public final class DualFld {

    /**
     * Generated images (after holding out) below which a preset's flow is warned to be under-trained:
     * the reference recipe's flow overfits a few hundred images.
     */
    static int minimumTrainingImages(ImagePreset preset) {
        return preset == ImagePreset.SMALL ? 500 : 2000;
    }

    private final ImageSource real;
    private final FldOptions realOptions;
    private final FldOptions generatedOptions;
    private final List<TrainingListener> listeners;
    private final boolean sizeMatched;
    private final DualTrainingBudget budget;
    private final double logitAlpha;
    /** R trained here, by the number of real images it was trained from (the whole set, or a size-matched subset). */
    private final Map<Integer, ReferenceTraining.Trained> realFlows = new HashMap<>();
    private ReferenceTraining.Trained givenRealFlow;

    /** R trained elsewhere, whose held-out images are drawn again on first use; null when R is trained here. */
    private final FldReference givenReal;

    private DualFld(ImageSource real, FldOptions realOptions, FldOptions generatedOptions,
                    List<TrainingListener> listeners) {
        this(real, realOptions, generatedOptions, listeners, null, true, DualTrainingBudget.FIXED, Logit.DEFAULT_ALPHA);
    }

    private DualFld(ImageSource real, FldOptions realOptions, FldOptions generatedOptions,
                    List<TrainingListener> listeners, FldReference givenReal, boolean sizeMatched,
                    DualTrainingBudget budget, double logitAlpha) {
        this.real = Objects.requireNonNull(real, "real");
        // K pairs of flows: the real options' K (scoring options come from them), the generated flows as many.
        this.realOptions = realOptions;
        this.generatedOptions = generatedOptions.withReferenceFlows(realOptions.referenceFlows());
        this.listeners = List.copyOf(listeners);
        this.givenReal = givenReal;
        this.sizeMatched = sizeMatched;
        this.budget = Objects.requireNonNull(budget, "budget");
        Logit.requireAlpha("logitAlpha", logitAlpha);
        this.logitAlpha = logitAlpha;
    }

    /** D-FLD against these real images; both flows use {@link FldOptions#defaults()}. */
    public static DualFld of(ImageSource real) {
        return new DualFld(real, FldOptions.defaults(), FldOptions.defaults(), List.of());
    }

    public static DualFld of(Path real) {
        return of(FldInputs.open(real));
    }

    public static DualFld of(INDArray real) {
        return of(FldInputs.of(real));
    }

    /** Options of both flows (the generated flow's preset can then be changed with {@link #generatedPreset}). */
    public DualFld options(FldOptions value) {
        return new DualFld(real, value, value, listeners, null, sizeMatched, budget, logitAlpha);
    }

    /** Options of the generated images' flow only; scoring options (K, bootstrap) come from the real flow's. */
    public DualFld generatedOptions(FldOptions value) {
        return new DualFld(real, realOptions, value, listeners, givenReal, sizeMatched, budget, logitAlpha);
    }

    /** A (typically smaller) preset for the generated images' flow, with that preset's recipe. */
    public DualFld generatedPreset(ImagePreset preset) {
        FldOptions base = FldOptions.forPreset(preset);
        return generatedOptions(base.withSeed(generatedOptions.seed()).withHeldOutFraction(generatedOptions.heldOutFraction())
                .withEvaluationBatchSize(generatedOptions.evaluationBatchSize()));
    }

    public FldOptions realOptions() {
        return realOptions;
    }

    public FldOptions generatedOptions() {
        return generatedOptions;
    }

    /**
     * This D-FLD with the real flow R already trained, e.g. an FLD reference saved earlier: it must have been
     * trained on this D-FLD's real images, and its options become the real options (they decide the held-out
     * split, the scoring and the bootstrap). Its held-out images are read again from the real images, by the same
     * seeded split; a real set that does not give the reference's held-out images is refused. Both flows must be
     * trained alike, so give a reference trained on this D-FLD's {@link #trainingBudget(DualTrainingBudget) budget}:
     * {@link #realReference()} of a D-FLD with the same options gives one on the fixed budget, and an FLD reference
     * ({@link Fld#train()}) is one with {@link DualTrainingBudget#EARLY_STOPPING} and the presets' logit alpha, this
     * D-FLD's default (a reference whose logit alpha is not {@link #logitAlpha(double)}'s is refused on first use).
     * Call it after {@link #options(FldOptions)}, which starts from an untrained R; the generated flow's options and the
     * listeners may change afterwards.
     *
     * @throws IllegalArgumentException on first use, if the real images are not those the reference was trained on
     */
    public DualFld realReference(FldReference reference) {
        Objects.requireNonNull(reference, "reference");
        return new DualFld(real, reference.options(), generatedOptions, listeners, reference, sizeMatched, budget,
                logitAlpha);
    }

    public DualFld listener(TrainingListener listener) {
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new DualFld(real, realOptions, generatedOptions, more, givenReal, sizeMatched, budget, logitAlpha);
    }

    /**
     * Whether both flows train on as many images (the default): the larger of the two sets is subsampled (seeded) to
     * the size of the smaller before its flow is trained, and both hold out the same share. D-FLD compares how well
     * each flow learns its own set, and a flow learns a larger set better: with 4,000 real and 400 generated
     * training images, real-vs-real D-FLD read 0.069 instead of 0 (docs/user-guide.md). Size matching trains R
     * again for each generated size (and reuses it for sets of the same size); {@code false} trains R once on all
     * the real images, and scores then carry a {@link ScoreWarning#SIZE_MISMATCH} warning when the sizes differ.
     * A reference given to {@link #realReference(FldReference)} serves when the generated set is at least as large
     * as the real set (the generated set is then subsampled to the real set's size); for a smaller generated set R
     * is trained again on a subset of the real images as large.
     */
    public DualFld sizeMatched(boolean value) {
        return new DualFld(real, realOptions, generatedOptions, listeners, givenReal, value, budget, logitAlpha);
    }

    public boolean sizeMatched() {
        return sizeMatched;
    }

    /**
     * How both flows train: {@link DualTrainingBudget#FIXED} (the default) runs every flow for the whole epoch cap
     * of its options, with a cosine-annealed learning rate, so that J compares flows trained alike;
     * {@link DualTrainingBudget#EARLY_STOPPING} trains them as FLD references are trained. A reference given to
     * {@link #realReference(FldReference)} must have been trained on the same budget.
     */
    public DualFld trainingBudget(DualTrainingBudget value) {
        return new DualFld(real, realOptions, generatedOptions, listeners, givenReal, sizeMatched, value, logitAlpha);
    }

    public DualTrainingBudget trainingBudget() {
        return budget;
    }

    /**
     * The logit's squeeze alpha of both flows, in [0, 1); by default the presets' {@link Logit#DEFAULT_ALPHA}. J scores
     * each flow on the other's images, where a flow's density is extrapolated, and where the logit puts the ends of
     * the pixel range decides much of that extrapolation: with 0.05 instead of 1e-5, J rose strictly through the
     * noise blend's levels, where it had fallen, but fell through salt and pepper's and pixelation's, and every bpd
     * was higher (docs/maths.md, "J and the logit's tails"). A reference given to {@link #realReference(FldReference)}
     * must have the same alpha.
     */
    public DualFld logitAlpha(double value) {
        return new DualFld(real, realOptions, generatedOptions, listeners, givenReal, sizeMatched, budget, value);
    }

    public double logitAlpha() {
        return logitAlpha;
    }

    /** The alpha of the flow's logit layer. */
    static double logitAlphaOf(Flow flow) {
        return flow.layerConfigs().stream().filter(c -> c.type().equals(Logit.TYPE)).mapToDouble(c -> c.getDouble("alpha"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the flow has no logit layer"));
    }

    /** R trained from {@code count} real images: all of them, or a seeded subset of that size. */
    private synchronized ReferenceTraining.Trained realFlow(int count, boolean useGiven) {
        if (useGiven) {
            if (givenRealFlow == null) {
                ReferenceTraining.Trained trained = ReferenceTraining.withHeldOutImages(real, givenReal);
                double given = logitAlphaOf(givenReal.flow());
                if (given != logitAlpha) {
                    trained.closeHeldOutImages();
                    throw new IllegalArgumentException("the given real reference's logit alpha is " + given
                            + ", this D-FLD trains the generated flow with " + logitAlpha + "; both flows must be built"
                            + " alike: use logitAlpha(" + given + ") or a reference from DualFld.realReference()");
                }
                givenRealFlow = trained;
            }
            return givenRealFlow;
        }
        return realFlows.computeIfAbsent(count, c -> ReferenceTraining.trainKeepingHeldOut(
                c >= real.size() ? real : ImageSources.subset(real, subsample(real.size(), c, realOptions.seed())),
                realOptions, listeners, budget, logitAlpha));
    }

    /** The real images' flow R trained on all of them, with its held-out statistics (trained on first use). */
    public FldReference realReference() {
        return realFlow(real.size(), givenReal != null).reference();
    }

    /** Trains a flow on the generated images and scores D-FLD and J. */
    public DualFldScore score(ImageSource generated) {
        // A reference trained beforehand on the whole real set serves when the generated set is at least as large
        // (it is then subsampled to the real set's size); a smaller generated set needs R trained on as few images.
        boolean useGiven = givenReal != null && (!sizeMatched || generated.size() >= givenReal.realImages());
        if (givenReal != null && !useGiven) {
            // the reference is not used for this size, but a reference of another real set is still refused
            realFlow(real.size(), true);
        }
        int matched = !sizeMatched ? generated.size() : Math.min(real.size(), generated.size());
        ImageSource g0 = matched >= generated.size() ? generated
                : ImageSources.subset(generated,
                        subsample(generated.size(), matched, generatedOptions.seed() ^ 0x9E3779B97F4A7C15L));
        ReferenceTraining.Trained r = realFlow(sizeMatched ? matched : real.size(), useGiven);
        ReferenceTraining.Trained g = ReferenceTraining.trainKeepingHeldOut(g0, generatedOptions, listeners, budget,
                logitAlpha);
        try {
            return score(r, g, generated.description());
        } finally {
            // G was trained for this score alone and its held-out images were copied for it: free them
            // now, not when the collector runs, or training G after G piles up native memory. R keeps
            // its arrays for the next score.
            g.reference().members().forEach(m -> m.flow().releaseWorkArrays());
            g.closeHeldOutImages();
        }
    }

    /** D-FLD and J of the trained flows; {@code generated} names the generated images in errors. */
    private DualFldScore score(ReferenceTraining.Trained r, ReferenceTraining.Trained g, String generated) {
        long[] shape = r.reference().imageShape();
        if (!Arrays.equals(shape, g.reference().imageShape())) {
            throw new IllegalArgumentException(generated + " holds images of shape "
                    + Arrays.toString(g.reference().imageShape()) + ", the real images are " + Arrays.toString(shape));
        }
        int pairs = r.reference().members().size();
        if (g.reference().members().size() != pairs) {
            throw new IllegalStateException("the real side has " + pairs + " flows and the generated side "
                    + g.reference().members().size());
        }
        double[][] rr = new double[pairs][];
        double[][] rg = new double[pairs][];
        double[][] gg = new double[pairs][];
        double[][] gr = new double[pairs][];
        for (int k = 0; k < pairs; k++) {
            ReferenceMember realFlow = r.reference().members().get(k);
            ReferenceMember generatedFlow = g.reference().members().get(k);
            // pair k's cross terms dequantize as its flows' own held-out scores did (seed + k; pair 0 the seed itself)
            EvaluationOptions evaluation = realOptions.withSeed(realOptions.seed() + k).evaluation();
            rr[k] = realFlow.heldOutLogLikelihoods();
            rg[k] = realFlow.flow().logProb(g.heldOutImages().get(k), evaluation);
            gg[k] = generatedFlow.heldOutLogLikelihoods();
            gr[k] = generatedFlow.flow().logProb(r.heldOutImages().get(k), evaluation);
            FldFormulas.check(rg[k], generatedFlow.heldOutNames().toArray(new String[0]),
                    "the held-out generated images");
            FldFormulas.check(gr[k], realFlow.heldOutNames().toArray(new String[0]), "the held-out real images");
        }
        long d = r.reference().dimension();

        List<ScoreWarning> warnings = new ArrayList<>();
        int minimum = minimumTrainingImages(generatedOptions.preset());
        if (g.reference().trainingImages() < minimum) {
            warnings.add(new ScoreWarning(ScoreWarning.UNDERTRAINED_GENERATED_FLOW, "the generated flow (" + generatedOptions.preset().id() + ") was trained on "
                    + g.reference().trainingImages() + " images, fewer than the " + minimum
                    + " it needs to be trusted; use more generated images or a smaller preset"));
        }
        long realTraining = r.reference().trainingImages();
        long generatedTraining = g.reference().trainingImages();
        if (realTraining != generatedTraining) {
            warnings.add(new ScoreWarning(ScoreWarning.SIZE_MISMATCH, String.format(Locale.ROOT, "the real flow was"
                    + " trained on %d images and the generated flow on %d; a flow learns a larger set better, so D-FLD"
                    + " also measures the difference in size (leave size matching on, or give as many images of"
                    + " each)", realTraining, generatedTraining)));
        }
        warnings.addAll(ScoreWarnings.forCounts(gg[0].length, rr[0].length));

        FldIntervals.Dual intervals;
        double[] pairDifferences;
        double[] pairDivergences;
        if (pairs == 1) {
            intervals = FldIntervals.dual(rr[0], gr[0], gg[0], rg[0], d, realOptions.bootstrapResamples(),
                    realOptions.confidence(), realOptions.seed() ^ 0x6A09E667F3BCC909L);
            pairDifferences = new double[] {intervals.difference()};
            pairDivergences = new double[] {intervals.divergence()};
        } else {
            PairedDualInterval.Result paired = PairedDualInterval.compute(rr, gr, gg, rg, d, realOptions.confidence());
            intervals = paired.dual();
            pairDifferences = paired.differences();
            pairDivergences = paired.divergences();
        }
        return new DualFldScore(intervals.dfld(), intervals.dfldInterval(), intervals.difference(),
                intervals.differenceInterval(), intervals.divergence(), intervals.divergenceInterval(),
                meanBitsPerDim(rr, d), meanBitsPerDim(rg, d), meanBitsPerDim(gg, d), meanBitsPerDim(gr, d),
                rr[0].length, gg[0].length, generatedTraining, ScoreWarnings.messages(warnings), warnings, realTraining,
                toList(pairDifferences), toList(pairDivergences));
    }

    /** The mean over pairs of each pair's bits per dimension (one pair: its own). */
    private static double meanBitsPerDim(double[][] logLikelihoods, long dimension) {
        double sum = 0;
        for (double[] values : logLikelihoods) {
            sum += BitsPerDim.of(FldFormulas.mean(values), dimension);
        }
        return sum / logLikelihoods.length;
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    public DualFldScore score(Path generated) {
        return score(FldInputs.open(generated));
    }

    public DualFldScore score(INDArray generated) {
        return score(FldInputs.of(generated));
    }

    /**
     * {@code count} distinct indices of {@code 0..n-1}, ascending, drawn from {@code seed}: the held-out part of the
     * reference's own seeded split, so that one shuffle serves both.
     */
    static int[] subsample(int n, int count, long seed) {
        return ReferenceTraining.split(n, count, seed ^ 0x3C6EF372FE94F82BL).heldOut();
    }

    /**
     * {@code [ln bpd_G(G_test) - ln bpd_R(R_test), J]} (D-FLD is the first's absolute value) from per-image log-likelihoods: R on R_test, G on R_test, G on G_test, R on
     * G_test, over the given resample indices (all images when null).
     */
    static double[] statistics(double[] rr, double[] gr, double[] gg, double[] rg, int[] realIdx, int[] genIdx, long d) {
        double mRR = mean(rr, realIdx);
        double mGR = mean(gr, realIdx);
        double mGG = mean(gg, genIdx);
        double mRG = mean(rg, genIdx);
        double difference = Math.log(BitsPerDim.of(mGG, d)) - Math.log(BitsPerDim.of(mRR, d));
        double j = BitsPerDim.fromNats((mRR - mGR) + (mGG - mRG), d);
        return new double[] {difference, j};
    }

    private static double mean(double[] v, int[] idx) {
        if (idx == null) {
            return FldFormulas.mean(v);
        }
        double sum = 0;
        for (int i : idx) {
            sum += v[i];
        }
        return sum / idx.length;
    }
}
