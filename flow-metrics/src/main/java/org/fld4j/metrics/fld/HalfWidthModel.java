package org.fld4j.metrics.fld;

import java.util.OptionalLong;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The predicted half-width of FLD's interval as a function of the number of generated images {@code n}, from the
 * delta method on the linearised FLD (fld4j's docs/maths.md, "Planning the number of generated images"):
 *
 * <pre>
 *   Var(FLD) ~ a / n + c,      half-width(n) = q(n) * sqrt(a / n + c)
 * </pre>
 *
 * <p>{@code a} is the generated images' share ({@code var(l) / mean(l)^2} per image) and {@code c} the part no number
 * of generated images removes: with one reference flow the held-out real images' {@code var / (h mean^2)} and the
 * normal quantile {@code q = z}; with K flows {@code (tau^2 + v_H) / K}, of which {@code c_tau = tau^2 / K} (training's
 * share) rests on K values, and the Student t quantile with the Welch-Satterthwaite degrees of freedom
 * {@code nu(n) = (a/n + c)^2 / (c_tau^2 / (K - 1))}, as {@link EnsembleInterval} computes them. Immutable.
 */
final class HalfWidthModel {

    /** The fewest generated images a score takes ({@link ScoreWarnings#MIN_GENERATED_IMAGES}). */
    static final long MIN_IMAGES = ScoreWarnings.MIN_GENERATED_IMAGES;

    /**
     * Above this many images a count is not searched further: it is beyond any generated set, and doubling past it
     * would overflow a long.
     */
    static final long MAX_IMAGES = 1L << 60;

    // EnsembleInterval switches to the normal quantile above this many degrees of freedom; so does the prediction.
    private static final double NORMAL_DEGREES = 1e7;

    private final double a;
    private final double c;
    private final double cTraining;
    private final int flows;
    private final double confidence;
    private final double optimumRatio;
    private final double probability;
    private final double z;
    private final long bestImages;
    private final double floor;

    /**
     * @param imageCoefficient {@code a}, at least 0
     * @param fixedVariance    {@code c}, at least 0
     * @param trainingVariance {@code c_tau}, the part of {@code c} that rests on K values (0 with one flow), from 0 to
     *                         {@code c}
     * @param flows            K, at least 1
     * @param confidence       the interval's coverage, in (0, 1)
     * @param optimumRatio     {@link #optimumRatio(int, double, double)} of {@code flows}, {@code confidence} and
     *                         {@code c_tau / c}
     */
    HalfWidthModel(double imageCoefficient, double fixedVariance, double trainingVariance, int flows,
                   double confidence, double optimumRatio) {
        if (!(imageCoefficient >= 0) || !(fixedVariance >= 0) || flows < 1 || !(confidence > 0 && confidence < 1)
                || !(trainingVariance >= 0 && trainingVariance <= fixedVariance)
                || (flows == 1 && trainingVariance > 0)) {
            throw new IllegalArgumentException("a half-width model needs a >= 0, c >= 0, 0 <= c_tau <= c (0 with one"
                    + " flow), K >= 1 and a confidence in (0, 1), got a " + imageCoefficient + ", c " + fixedVariance
                    + ", c_tau " + trainingVariance + ", K " + flows + ", confidence " + confidence);
        }
        this.a = imageCoefficient;
        this.c = fixedVariance;
        this.cTraining = trainingVariance;
        this.flows = flows;
        this.confidence = confidence;
        this.optimumRatio = optimumRatio;
        this.probability = (1 + confidence) / 2;
        this.z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(probability);
        // With a t quantile the half-width first falls with n (the image variance shrinks) and, for K up to about 6,
        // rises again towards its limit (the degrees of freedom fall towards K - 1 as the between-flow part comes to
        // dominate): its smallest value is then at a finite n, where a / (n c) equals the optimum ratio.
        long best = Long.MAX_VALUE;
        if (usesT() && a > 0 && optimumRatio > 0) {
            double at = a / (c * optimumRatio);
            long below = (long) Math.max(MIN_IMAGES, Math.min(MAX_IMAGES, Math.floor(at)));
            long above = Math.max(MIN_IMAGES, Math.min(MAX_IMAGES, below + 1));
            best = halfWidth(below) <= halfWidth(above) ? below : above;
            if (halfWidth(best) >= limit()) {
                best = Long.MAX_VALUE;
            }
        } else if (usesT() && a == 0) {
            best = MIN_IMAGES; // the half-width is the same at every n
        }
        this.bestImages = best;
        this.floor = best == Long.MAX_VALUE ? limit() : halfWidth(best);
    }

    /** The same model with another image coefficient {@code a} (the optimum ratio does not depend on it). */
    HalfWidthModel withImageCoefficient(double imageCoefficient) {
        return new HalfWidthModel(imageCoefficient, c, cTraining, flows, confidence, optimumRatio);
    }

    /**
     * The model of a K-flow interval ({@link EnsembleInterval}): training's variance {@code tau^2 = max(0, s_b^2 -
     * v_H)}, {@code c = (tau^2 + v_H) / K} and {@code c_tau = tau^2 / K}; with one flow {@code c = v_H}, the held-out
     * images' variance, and the normal quantile.
     *
     * @param betweenFlowVariance {@code s_b^2} (ignored with one flow)
     * @param heldOutVariance     {@code v_H}, the flows' mean delta-method variance of {@code ln l_k(H_k)}
     * @param placeFloor          whether to place the floor ({@link #floor()} and the searches need it; a bare
     *                            prediction of {@link #halfWidth} does not)
     */
    static HalfWidthModel ensemble(double imageCoefficient, double betweenFlowVariance, double heldOutVariance,
                                   int flows, double confidence, boolean placeFloor) {
        if (flows == 1) {
            return new HalfWidthModel(imageCoefficient, heldOutVariance, 0, 1, confidence, 0);
        }
        double training = Math.max(0, betweenFlowVariance - heldOutVariance);
        double fixed = (training + heldOutVariance) / flows;
        double trainingPart = training / flows;
        return new HalfWidthModel(imageCoefficient, fixed, trainingPart, flows, confidence,
                placeFloor ? optimumRatio(flows, confidence, share(trainingPart, fixed)) : 0);
    }

    /** {@code c_tau / c}, the share of the fixed variance that rests on K values (0 when there is none). */
    static double share(double trainingVariance, double fixedVariance) {
        return fixedVariance == 0 ? 0 : Math.min(1, trainingVariance / fixedVariance);
    }

    /**
     * The ratio {@code r = a / (n c)} at which {@code sqrt(1 + r) * t_{(K-1)(1+r)^2 / rho^2}} is smallest, the shape
     * of the K-flow half-width in units of {@code sqrt(c)} when training's share of {@code c} is {@code rho}; 0 when
     * it is smallest as {@code r -> 0} (many flows, or a small share: the t quantile then barely exceeds the normal
     * one) and for one flow. It depends on K, the confidence and {@code rho} alone.
     */
    static double optimumRatio(int flows, double confidence, double share) {
        if (flows < 2 || !(share > 0)) {
            return 0;
        }
        double p = (1 + confidence) / 2;
        // golden-section search on ln r, over a range far wider than any optimum (0.08 to 1.4 at 95%, K 2 to 6)
        double lo = Math.log(1e-9);
        double hi = Math.log(1e9);
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = shape(Math.exp(x1), flows, share, p);
        double f2 = shape(Math.exp(x2), flows, share, p);
        while (hi - lo > 1e-7) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = shape(Math.exp(x1), flows, share, p);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = shape(Math.exp(x2), flows, share, p);
            }
        }
        double r = Math.exp((lo + hi) / 2);
        return shape(r, flows, share, p) < shape(0, flows, share, p) ? r : 0;
    }

    private static double shape(double r, int flows, double share, double p) {
        return Math.sqrt(1 + r) * quantile((flows - 1) * (1 + r) * (1 + r) / (share * share), p);
    }

    private static double quantile(double degrees, double p) {
        if (Double.isInfinite(degrees) || degrees > NORMAL_DEGREES) {
            return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
        }
        return new TDistribution(null, degrees).inverseCumulativeProbability(p);
    }

    private boolean usesT() {
        return flows > 1 && cTraining > 0;
    }

    /** {@code a / n + c}; {@code c} for infinitely many images. */
    double variance(double n) {
        return Double.isInfinite(n) ? c : a / n + c;
    }

    /** {@code nu(n)}; infinite when the quantile is the normal one (one flow, or flows that agree exactly). */
    double degreesOfFreedom(double n) {
        if (!usesT()) {
            return Double.POSITIVE_INFINITY;
        }
        double ratio = variance(n) / cTraining;
        return (flows - 1) * ratio * ratio;
    }

    /** The predicted half-width with {@code n} generated images ({@code n} may be infinite). */
    double halfWidth(double n) {
        double nu = degreesOfFreedom(n);
        double q = Double.isInfinite(nu) || nu > NORMAL_DEGREES ? z : quantile(nu, probability);
        return q * Math.sqrt(variance(n));
    }

    /** The half-width with infinitely many generated images. */
    double limit() {
        return halfWidth(Double.POSITIVE_INFINITY);
    }

    /** The smallest half-width over all counts of generated images (the limit when no finite count reaches it). */
    double floor() {
        return floor;
    }

    /**
     * The smallest count from {@link #MIN_IMAGES} whose predicted half-width is at most {@code width}; empty when
     * none is (the width is at or below the floor, or reached only beyond {@link #MAX_IMAGES} images).
     */
    OptionalLong requiredImages(double width) {
        if (bestImages != Long.MAX_VALUE) {
            // falling up to bestImages: search that stretch
            if (halfWidth(bestImages) > width) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(firstWithin(MIN_IMAGES - 1, bestImages, width));
        }
        if (halfWidth(MIN_IMAGES) <= width) {
            return OptionalLong.of(MIN_IMAGES);
        }
        long hi = MIN_IMAGES;
        while (halfWidth(hi) > width) {
            if (hi >= MAX_IMAGES) {
                return OptionalLong.empty();
            }
            hi *= 2;
        }
        return OptionalLong.of(firstWithin(hi / 2, hi, width));
    }

    /**
     * The largest count whose predicted half-width is at most {@code width} when the half-width rises again past
     * its floor and ends above {@code width}; empty when every count from {@link #requiredImages} on stays within.
     */
    OptionalLong lastImagesWithin(double width) {
        if (bestImages == Long.MAX_VALUE || halfWidth(bestImages) > width || limit() <= width) {
            return OptionalLong.empty();
        }
        long lo = bestImages;
        long hi = bestImages;
        while (halfWidth(hi) <= width) {
            if (hi >= MAX_IMAGES) {
                return OptionalLong.empty();
            }
            lo = hi;
            hi = Math.min(MAX_IMAGES, hi * 2);
        }
        // halfWidth(lo) <= width < halfWidth(hi), rising in between
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (halfWidth(mid) <= width) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return OptionalLong.of(lo);
    }

    /** The first n in (lo, hi] within {@code width}, the half-width falling over that range and within at hi. */
    private long firstWithin(long lo, long hi, double width) {
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (halfWidth(mid) <= width) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
