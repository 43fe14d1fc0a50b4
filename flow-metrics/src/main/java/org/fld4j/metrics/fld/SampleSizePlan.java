package org.fld4j.metrics.fld;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How many generated images give FLD's interval a target half-width, predicted from a pilot score by
 * {@link SampleSizePlanner}, immutable. The model (fld4j's docs/maths.md, "Planning the number of generated images")
 * is {@code half-width(n) = q(n) * sqrt(a / n + c)}: {@code a / n} the generated images' share of FLD's variance, which
 * more images shrink, and {@code c} the share they cannot: with one reference flow {@link #heldOutVariance()} of the
 * fixed held-out real images and the normal quantile {@code q = z}; with K flows {@code max(s_b^2, v_H) / K}, the
 * spread between them but never less than their held-out images' own noise, and the Student t quantile with
 * Welch-Satterthwaite degrees of freedom for the share of training, {@code tau^2 = max(0, s_b^2 - v_H)}, recomputed
 * at each {@code n}.
 *
 * @param targetHalfWidth        the half-width asked for, {@code W}
 * @param confidence             the interval's coverage, e.g. 0.95
 * @param pilotImages            generated images in the pilot score
 * @param heldOutImages          held-out real images of the reference (of its first flow)
 * @param referenceFlows         K
 * @param pilotHalfWidth         the half-width of the pilot score's own interval
 * @param imageCoefficient       {@code a = var(l) / mean(l)^2} over the pilot's per-image log-likelihoods (with K
 *                               flows, each image's mean over them), sample variance ({@code n - 1})
 * @param heldOutVariance        {@code b = var(l) / (h mean(l)^2)} over the {@code h} held-out real images of a
 *                               flow, with K flows their mean over the flows ({@code v_H})
 * @param betweenFlowVariance    K flows: {@code s_b^2}, the sample variance of the flows' FLDs in the pilot; 0 with one
 * @param requiredImages         the fewest generated images whose predicted half-width is at most the target; empty
 *                               when no number of generated images reaches it
 * @param range                  how sure the prediction is: the 5%-95% range of the required images over the
 *                               resamples, each drawing the pilot images again with replacement and, with K flows,
 *                               the between-flow variance from its chi-square distribution with {@code K - 1} degrees
 *                               of freedom ({@code (K - 1) s_b^2 / X}, the spread of the true variance that K values
 *                               leave); the held-out real images' part is fixed, R_test being the same in every score
 * @param imagesOnlyRange        the range from resampling the pilot images alone: the same as {@code range} with one
 *                               flow; with K it is what these very flows, whose spread stays what it is, would show
 * @param resamples              resamples behind the ranges
 * @param seed                   the seed of those draws
 * @param floorHalfWidth         the smallest predicted half-width over all numbers of generated images: a target
 *                               below it is out of reach, and so is one equal to it when no finite number of
 *                               images attains it (one flow, many flows)
 * @param limitHalfWidth         the predicted half-width with unlimited generated images ({@code z sqrt(b)} with one
 *                               flow, {@code t_nu(inf) sqrt(max(s_b^2, v_H) / K)} with K); the floor itself, except
 *                               with few flows,
 *                               whose t quantile makes the half-width rise again towards it
 * @param widensBeyond           with few flows and a target below {@code limitHalfWidth}: the most generated images
 *                               whose predicted half-width is still within the target (more widen the interval again,
 *                               see {@link #summary()}); empty otherwise
 * @param heldOutImagesForTarget one flow, target out of reach: the fewest held-out real images whose floor is below
 *                               the target; empty otherwise
 * @param referenceFlowsForTarget K flows, target out of reach: the fewest reference flows that would reach it (with the
 *                               same between-flow spread); empty otherwise, or when over a million would be needed
 * @param remedy                 what would lower the floor to the target, with numbers, in a sentence; empty when
 *                               the target is reachable
 */
public record SampleSizePlan(double targetHalfWidth, double confidence, int pilotImages, int heldOutImages,
                             int referenceFlows, double pilotHalfWidth, double imageCoefficient,
                             double heldOutVariance, double betweenFlowVariance, OptionalLong requiredImages,
                             ImageCountRange range, ImageCountRange imagesOnlyRange, int resamples, long seed,
                             double floorHalfWidth, double limitHalfWidth, OptionalLong widensBeyond,
                             OptionalLong heldOutImagesForTarget, OptionalInt referenceFlowsForTarget,
                             String remedy) {

    public SampleSizePlan {
        Objects.requireNonNull(requiredImages, "requiredImages");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(imagesOnlyRange, "imagesOnlyRange");
        Objects.requireNonNull(widensBeyond, "widensBeyond");
        Objects.requireNonNull(heldOutImagesForTarget, "heldOutImagesForTarget");
        Objects.requireNonNull(referenceFlowsForTarget, "referenceFlowsForTarget");
        Objects.requireNonNull(remedy, "remedy");
        if (!(targetHalfWidth > 0) || referenceFlows < 1 || !(imageCoefficient >= 0) || !(heldOutVariance >= 0)
                || !(betweenFlowVariance >= 0)) {
            throw new IllegalArgumentException("a plan needs a target above 0, at least one flow and variances of at"
                    + " least 0, got target " + targetHalfWidth + ", " + referenceFlows + " flows, a "
                    + imageCoefficient + ", b " + heldOutVariance + ", s_b^2 " + betweenFlowVariance);
        }
    }

    /** Whether some number of generated images reaches the target ({@link #requiredImages()} is present). */
    public boolean reachable() {
        return requiredImages.isPresent();
    }

    /**
     * {@code c}, the variance no number of generated images removes: {@link #heldOutVariance()} with one flow,
     * {@code max(s_b^2, v_H) / K} with K.
     */
    public double fixedVariance() {
        return referenceFlows == 1 ? heldOutVariance : Math.max(betweenFlowVariance, heldOutVariance) / referenceFlows;
    }

    /**
     * {@code tau^2}, the variance between flows that their held-out images' noise does not explain,
     * {@code max(0, s_b^2 - v_H)} (the share of {@link #fixedVariance()} that rests on K values, times K); 0 with one
     * flow.
     */
    public double trainingVariance() {
        return referenceFlows == 1 ? 0 : Math.max(0, betweenFlowVariance - heldOutVariance);
    }

    /**
     * The predicted half-width of FLD's interval with {@code n} generated images: {@code z sqrt(a/n + b)} with one
     * flow, {@code t_nu(n) sqrt(a/n + c)} with K, {@code c = max(s_b^2, v_H)/K},
     * {@code nu(n) = (a/n + c)^2 / ((tau^2/K)^2 / (K-1))} (infinite, the normal quantile, when {@code tau^2 = 0}).
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public double predictedHalfWidth(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("a predicted half-width needs at least 1 generated image, got " + n);
        }
        return model().halfWidth(n);
    }

    /** The t quantile's degrees of freedom with {@code n} generated images; infinite with one flow (normal). */
    public double predictedDegreesOfFreedom(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("predicted degrees of freedom need at least 1 generated image, got "
                    + n);
        }
        return model().degreesOfFreedom(n);
    }

    // The optimum ratio only places the floor, which the plan already holds; predictions need none.
    private HalfWidthModel model() {
        return HalfWidthModel.ensemble(imageCoefficient, betweenFlowVariance, heldOutVariance, referenceFlows,
                confidence, false);
    }

    /**
     * What the plan says, in sentences: the images needed and their range, or that the target is out of reach and
     * what would lower the floor; e.g. {@code About 329 generated images give FLD a 95% interval of half-width
     * 0.0100 or less (5%-95% over 1,000 resamples of the 200 pilot images: 280 to 375). ...}.
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        String percent = percent(confidence);
        String floorCause;
        if (referenceFlows == 1) {
            floorCause = String.format(Locale.ROOT, "set by the %,d held-out real images", heldOutImages);
        } else if (betweenFlowVariance >= heldOutVariance) {
            floorCause = String.format(Locale.ROOT, "set by the spread between the %d reference flows (FLD sd %.4f)",
                    referenceFlows, Math.sqrt(betweenFlowVariance));
        } else {
            floorCause = String.format(Locale.ROOT, "set by the %d reference flows' held-out real images (their noise"
                            + " alone gives each flow's FLD sd %.4f, more than the %.4f between the flows)",
                    referenceFlows, Math.sqrt(heldOutVariance), Math.sqrt(betweenFlowVariance));
        }
        if (reachable()) {
            text.append(String.format(Locale.ROOT, "About %,d generated images give FLD a %s%% interval of half-width"
                            + " %.4f or less (5%%-95%% over %,d resamples of the %,d pilot images: %s%s",
                    requiredImages.getAsLong(), percent, targetHalfWidth, resamples, pilotImages,
                    imagesOnlyRange.text(), share(imagesOnlyRange)));
            if (referenceFlows > 1) {
                text.append(String.format(Locale.ROOT, "; adding the uncertainty of the between-flow variance from %d"
                                + " flows (chi-square, %d degrees of freedom): %s%s", referenceFlows,
                        referenceFlows - 1, range.text(), share(range)));
            }
            text.append(").");
            if (requiredImages.getAsLong() < ScoreWarnings.SMALL_SET) {
                text.append(String.format(Locale.ROOT, " Score at least %d all the same: with fewer the interval may"
                        + " cover less than it says.", ScoreWarnings.SMALL_SET));
            }
        } else {
            text.append(String.format(Locale.ROOT, "A %s%% half-width of %.4f is out of reach%s: however many"
                            + " generated images, FLD's interval stays at or above %.4f, %s.", percent,
                    targetHalfWidth, referenceFlows == 1 ? "" : " with " + referenceFlows + " reference flows",
                    floorHalfWidth, floorCause));
        }
        text.append(String.format(Locale.ROOT, " The pilot's own interval has half-width %.4f (predicted at its %,d"
                + " images: %.4f).", pilotHalfWidth, pilotImages, predictedHalfWidth(pilotImages)));
        if (reachable()) {
            text.append(String.format(Locale.ROOT, " Floor: %.4f, %s.", floorHalfWidth, floorCause));
        }
        widensBeyond.ifPresent(n -> text.append(String.format(Locale.ROOT, " Beyond %,d images the interval widens"
                + " again, towards %.4f: as the images' variance shrinks the between-flow part dominates and its %d"
                + " degrees of freedom set the t quantile.", n, limitHalfWidth, referenceFlows - 1)));
        if (!remedy.isEmpty()) {
            text.append(' ').append(remedy);
        }
        return text.toString();
    }

    private static String share(ImageCountRange r) {
        return r.unreachableShare() == 0 ? "" : String.format(Locale.ROOT, ", out of reach in %.0f%% of them",
                100 * r.unreachableShare());
    }

    /** 95 for 0.95, 99.5 for 0.995. */
    static String percent(double confidence) {
        double p = 100 * confidence;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
    }
}
