package org.fld4j.metrics.fld;

import java.util.List;
import java.util.Locale;
import org.fld4j.io.InputReport;

/**
 * An FLD score, immutable.
 *
 * @param value          {@code FLD = ln(bpd_R(G) / bpd_R(R_test))}: 0 when the generated images are as
 *                       likely as held-out real ones, above 0 when less likely
 * @param ratio          {@code bpd_R(G) / bpd_R(R_test)}, the official code's orientation
 * @param bpdReal        {@code bpd_R(R_test)}, bits per dimension of the held-out real images
 * @param bpdGenerated   {@code bpd_R(G)}
 * @param realCount      held-out real images
 * @param generatedCount generated images scored
 * @param interval       the interval of {@link #value}: with one flow the percentile bootstrap over both sets'
 *                       images; with K flows the image bootstrap combined with the spread between the flows
 *                       (docs/maths.md); {@link #intervalScope} says which
 * @param perImage       every generated image's score, in source order (with K flows, its mean log-likelihood over
 *                       them)
 * @param inputReport    what reading the generated images skipped or converted
 * @param flowValues     each reference flow's FLD, in flow order (one value with one flow)
 * @param intervalScope  what randomness the interval accounts for
 */
public record FldScore(double value, double ratio, double bpdReal, double bpdGenerated, int realCount,
                       int generatedCount, ConfidenceInterval interval, List<ImageScore> perImage,
                       InputReport inputReport, List<Double> flowValues, IntervalScope intervalScope) {

    public FldScore {
        perImage = List.copyOf(perImage);
        flowValues = List.copyOf(flowValues);
        java.util.Objects.requireNonNull(intervalScope, "intervalScope");
        if (flowValues.isEmpty()) {
            throw new IllegalArgumentException("a score needs the FLD of at least one reference flow");
        }
    }

    /** A one-flow score, whose interval covers the images only. */
    public FldScore(double value, double ratio, double bpdReal, double bpdGenerated, int realCount, int generatedCount,
                    ConfidenceInterval interval, List<ImageScore> perImage, InputReport inputReport) {
        this(value, ratio, bpdReal, bpdGenerated, realCount, generatedCount, interval, perImage, inputReport,
                List.of(value), IntervalScope.IMAGES);
    }

    /** K, the number of reference flows behind this score. */
    public int referenceFlows() {
        return flowValues.size();
    }

    /** The standard deviation of the flows' FLDs ({@code s_b}, docs/maths.md); 0 with one flow. */
    public double betweenFlowSd() {
        return FldFormulas.sampleSd(flowValues);
    }

    /**
     * What makes this score less trustworthy than its interval suggests (too few generated or held-out real
     * images, far more generated than held-out real images), in a fixed order; empty when nothing does. The
     * thresholds and where they come from: {@link ScoreWarnings}.
     */
    public List<ScoreWarning> scoreWarnings() {
        return ScoreWarnings.forCounts(generatedCount, realCount);
    }

    /** The messages of {@link #scoreWarnings()}, as {@link DualFldScore#warnings()} gives them. */
    public List<String> warnings() {
        return ScoreWarnings.messages(scoreWarnings());
    }

    /**
     * E.g. {@code FLD 0.1234 [0.1011, 0.1458] (95%, images only (one reference flow)), ratio 1.131, bpd 3.412
     * generated vs 3.017 real (500 / 500 images)}.
     */
    public String summary() {
        return String.format(Locale.ROOT, "FLD %.4f [%.4f, %.4f] (%.0f%%, %s), ratio %.4f, bpd %.4f generated vs %.4f"
                        + " real (%d / %d images)", value, interval.lower(), interval.upper(), 100 * interval.confidence(),
                intervalScope == IntervalScope.IMAGES ? intervalScope.description()
                        : intervalScope.description() + ", " + flowValues.size() + " flows",
                ratio, bpdGenerated, bpdReal, generatedCount, realCount);
    }
}
