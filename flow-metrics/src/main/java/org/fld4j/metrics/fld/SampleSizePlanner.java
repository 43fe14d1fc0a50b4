package org.fld4j.metrics.fld;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many generated images FLD's interval needs for a target half-width, predicted from a pilot score against the
 * same reference (fld4j's docs/maths.md, "Planning the number of generated images").
 *
 * <pre>{@code
 * FldScore pilot = fld.score(firstHundredImages);
 * SampleSizePlan plan = SampleSizePlanner.of(fld.reference()).plan(pilot, 0.01);
 * plan.requiredImages();            // OptionalLong: empty when no number of images reaches 0.01
 * plan.predictedHalfWidth(5000);    // the half-width to expect from 5,000 images
 * System.out.println(plan.summary());
 * }</pre>
 *
 * <p>The prediction is the delta method on the linearised FLD: the pilot's per-image log-likelihoods give the
 * generated images' share of the variance, {@code a / n}; the reference gives the share that more generated images
 * do not remove (its held-out real images' with one flow; with K, the spread between flows, never less than their
 * held-out images' own noise). How sure the prediction is comes from resampling the pilot images (and, with K flows,
 * the between-flow variance from its chi-square distribution): the plan's 5%-95% range of the required images. Immutable and thread-safe; the option methods
 * return a new planner.
 */
public final class SampleSizePlanner {

    /** The fewest pilot images a plan is made from: below it the pilot's variance is too rough to extrapolate. */
    public static final int MIN_PILOT_IMAGES = 10;

    /** Resamples behind the range of the required images unless {@link #resamples(int)} says otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The most resamples a plan draws; each costs a pass over the pilot images and a search over image counts. */
    public static final int MAX_RESAMPLES = 100_000;

    // Beyond this many flows the search for the number that would reach the target stops: no ensemble is that large.
    private static final int MAX_FLOWS = 1 << 20;

    private final FldReference reference;
    private final double confidence;
    private final int resamples;
    private final long seed;

    private SampleSizePlanner(FldReference reference, double confidence, int resamples, long seed) {
        this.reference = Objects.requireNonNull(reference, "reference");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie strictly between 0 and 1, got " + confidence);
        }
        if (resamples < 20 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be 20 (for a 5%-95% range) to " + MAX_RESAMPLES
                    + ", got " + resamples);
        }
        this.confidence = confidence;
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * A planner for scores against this reference, at the reference's confidence, with {@value #DEFAULT_RESAMPLES}
     * resamples and seed 0.
     */
    public static SampleSizePlanner of(FldReference reference) {
        return new SampleSizePlanner(reference, reference.options().confidence(), DEFAULT_RESAMPLES, 0L);
    }

    /** A planner for scores of this FLD (its reference, trained first if needed). */
    public static SampleSizePlanner of(Fld fld) {
        return of(fld.reference());
    }

    /** The same planner for intervals of another coverage, in (0, 1). */
    public SampleSizePlanner confidence(double value) {
        return new SampleSizePlanner(reference, value, resamples, seed);
    }

    /** The same planner with another number of resamples behind the range, 20 to {@value #MAX_RESAMPLES}. */
    public SampleSizePlanner resamples(int value) {
        return new SampleSizePlanner(reference, confidence, value, seed);
    }

    /** The same planner with another seed for the resamples. */
    public SampleSizePlanner seed(long value) {
        return new SampleSizePlanner(reference, confidence, resamples, value);
    }

    public double confidence() {
        return confidence;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /**
     * Plans from a pilot score made with this planner's reference.
     *
     * @param pilot           a score of generated images against this reference (at least
     *                        {@value #MIN_PILOT_IMAGES} images)
     * @param targetHalfWidth the half-width {@code W} the interval should have at most, above 0 and finite
     * @throws IllegalArgumentException if the target is not above 0 and finite, the pilot holds fewer than
     *                                  {@value #MIN_PILOT_IMAGES} images, or was scored against another number of
     *                                  held-out real images or reference flows
     */
    public SampleSizePlan plan(FldScore pilot, double targetHalfWidth) {
        Objects.requireNonNull(pilot, "pilot");
        if (!(targetHalfWidth > 0) || Double.isInfinite(targetHalfWidth)) {
            throw new IllegalArgumentException("targetHalfWidth must be above 0 and finite, got " + targetHalfWidth);
        }
        if (pilot.realCount() != reference.heldOutCount()) {
            throw new IllegalArgumentException("the pilot score was computed against " + pilot.realCount()
                    + " held-out real images, this reference holds " + reference.heldOutCount()
                    + ": score the pilot with this reference");
        }
        if (pilot.referenceFlows() != reference.referenceFlows()) {
            throw new IllegalArgumentException("the pilot score comes from " + pilot.referenceFlows()
                    + " reference flows, this reference holds " + reference.referenceFlows()
                    + ": score the pilot with this reference");
        }
        int n = pilot.perImage().size();
        if (n < MIN_PILOT_IMAGES) {
            throw new IllegalArgumentException("the pilot holds " + n + " generated images; a plan needs at least "
                    + MIN_PILOT_IMAGES);
        }
        // In a score's canonical order (ascending), so that the plan depends on the pilot's values alone, not on the
        // order its images were scored in.
        double[] values = pilot.perImage().stream().mapToDouble(ImageScore::logLikelihood).sorted().toArray();
        int flows = reference.referenceFlows();
        double a = FldFormulas.relativeVariance(values);
        double b = heldOutVariance(reference);
        double between = flows == 1 ? 0 : pilot.betweenFlowSd() * pilot.betweenFlowSd();
        HalfWidthModel model = HalfWidthModel.ensemble(a, between, b, flows, confidence, true);
        OptionalLong required = model.requiredImages(targetHalfWidth);

        double[][] resampled = resampledRequirements(values, between, b, flows, targetHalfWidth);
        ImageCountRange imagesOnly = ImageCountRange.of(resampled[0]);
        ImageCountRange range = flows == 1 ? imagesOnly : ImageCountRange.of(resampled[1]);

        OptionalLong heldOutForTarget = OptionalLong.empty();
        OptionalInt flowsForTarget = OptionalInt.empty();
        String remedy = "";
        if (required.isEmpty()) {
            if (flows == 1) {
                heldOutForTarget = heldOutForTarget(b, targetHalfWidth);
                remedy = heldOutRemedy(a, b, heldOutForTarget, targetHalfWidth);
            } else {
                flowsForTarget = flowsForTarget(a, between, b, flows, targetHalfWidth);
                remedy = flowsRemedy(a, between, b, flowsForTarget, targetHalfWidth);
            }
        }
        return new SampleSizePlan(targetHalfWidth, confidence, n, reference.heldOutCount(), flows,
                pilot.interval().halfWidth(), a, b, between, required, range, imagesOnly, resamples, seed,
                model.floor(), model.limit(), model.lastImagesWithin(targetHalfWidth), heldOutForTarget, flowsForTarget,
                remedy);
    }

    /**
     * {@code v_H}: the delta-method variance {@code var(l) / (h mean(l)^2)} of {@code ln} of a flow's mean held-out
     * log-likelihood, averaged over the reference's flows ({@code b} of one flow).
     */
    static double heldOutVariance(FldReference reference) {
        double sum = 0;
        for (ReferenceMember member : reference.members()) {
            sum += EnsembleInterval.logMeanVariance(member.heldOutValues());
        }
        return sum / reference.referenceFlows();
    }

    /**
     * The required images of each resample, sorted, {@code +Infinity} where the target is out of reach: row 0 from
     * resampling the pilot images alone, row 1 (K flows only) with the between-flow variance drawn too. A resample
     * draws the pilot images again with replacement; with K flows it also draws the between-flow variance as
     * {@code (K - 1) s_b^2 / X}, {@code X ~ chi-square(K - 1)}: the spread of the true variance that an estimate from
     * K values leaves. With one flow the held-out real images' part stays fixed: R_test is the same in every score.
     */
    private double[][] resampledRequirements(double[] values, double between, double heldOut, int flows,
                                             double target) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = values.length;
        double[] drawn = new double[n];
        // the fixed part stays what the reference gives in row 0, so its floor is placed once
        HalfWidthModel fixedPart = HalfWidthModel.ensemble(1, between, heldOut, flows, confidence, true);
        double[][] required = new double[flows == 1 ? 1 : 2][resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                drawn[i] = values[random.nextInt(n)];
            }
            // a resample of identical values has no variance, a valid (if lucky) draw: a = 0
            double a = FldFormulas.relativeVariance(drawn);
            required[0][r] = count(fixedPart.withImageCoefficient(a).requiredImages(target));
            if (flows > 1) {
                double chiSquare = 0;
                for (int d = 0; d < flows - 1; d++) {
                    double g = random.nextGaussian();
                    chiSquare += g * g;
                }
                double drawnBetween = between == 0 ? 0
                        : (flows - 1) * between / Math.max(chiSquare, Double.MIN_NORMAL);
                required[1][r] = count(HalfWidthModel.ensemble(a, drawnBetween, heldOut, flows, confidence, true)
                        .requiredImages(target));
            }
        }
        for (double[] row : required) {
            Arrays.sort(row);
        }
        return required;
    }

    private static double count(OptionalLong images) {
        return images.isPresent() ? images.getAsLong() : Double.POSITIVE_INFINITY;
    }

    /**
     * One flow: the fewest held-out real images whose floor {@code z sqrt(b h / h')} lies below the target, the
     * per-image spread {@code b h} staying what it is.
     */
    private OptionalLong heldOutForTarget(double b, double target) {
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability((1 + confidence) / 2);
        double perImage = b * reference.heldOutCount();
        double images = Math.floor(perImage * z * z / (target * target)) + 1;
        return images < HalfWidthModel.MAX_IMAGES ? OptionalLong.of((long) images) : OptionalLong.empty();
    }

    private String heldOutRemedy(double a, double b, OptionalLong heldOut, double target) {
        if (heldOut.isEmpty()) {
            return "No realistic number of held-out real images brings the floor below the target.";
        }
        long twice = 2 * heldOut.getAsLong();
        OptionalLong generated = HalfWidthModel.ensemble(a, 0, b * reference.heldOutCount() / twice, 1, confidence,
                        true)
                .requiredImages(target);
        double fraction = reference.options().heldOutFraction();
        // A reference trained elsewhere was handed its held-out images directly: no fraction of a real set applies.
        String realSet = reference.trainingImages() > 0 ? String.format(Locale.ROOT,
                " (a larger real set: at held-out fraction %s, about %,d real images)", fraction,
                (long) Math.ceil(twice / fraction)) : "";
        return String.format(Locale.ROOT, "The floor falls below %.4f only from %,d held-out real images on (now"
                        + " %,d); with %,d of them%s, about %s generated images would reach it.", target,
                heldOut.getAsLong(), reference.heldOutCount(), twice, realSet,
                generated.isPresent() ? String.format(Locale.ROOT, "%,d", generated.getAsLong()) : "unboundedly many");
    }

    /**
     * K flows: the fewest flows that reach the target with the same between-flow variance, by doubling and then
     * bisecting (the floor falls as flows are added).
     */
    private OptionalInt flowsForTarget(double a, double between, double heldOut, int flows, double target) {
        int lo = flows;
        int hi = flows + 1;
        while (!reaches(a, between, heldOut, hi, target)) {
            if (hi >= MAX_FLOWS) {
                return OptionalInt.empty();
            }
            lo = hi;
            hi = Math.min(MAX_FLOWS, hi * 2);
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (reaches(a, between, heldOut, mid, target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalInt.of(hi);
    }

    private boolean reaches(double a, double between, double heldOut, int flows, double target) {
        return HalfWidthModel.ensemble(a, between, heldOut, flows, confidence, true).requiredImages(target)
                .isPresent();
    }

    private String flowsRemedy(double a, double between, double heldOut, OptionalInt flows, double target) {
        if (flows.isEmpty()) {
            return "No realistic number of reference flows brings the floor below the target.";
        }
        HalfWidthModel more = HalfWidthModel.ensemble(a, between, heldOut, flows.getAsInt(), confidence, true);
        return String.format(Locale.ROOT, "With %d reference flows (now %d) and the same spread between them, the"
                        + " floor would be %.4f and about %,d generated images would reach %.4f.", flows.getAsInt(),
                reference.referenceFlows(), more.floor(), more.requiredImages(target).getAsLong(), target);
    }
}
