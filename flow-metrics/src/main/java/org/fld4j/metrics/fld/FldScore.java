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
 * @param interval       percentile bootstrap interval of {@link #value} (both sets resampled)
 * @param perImage       every generated image's score, in source order
 * @param inputReport    what reading the generated images skipped or converted
 */
public record FldScore(double value, double ratio, double bpdReal, double bpdGenerated, int realCount,
                       int generatedCount, ConfidenceInterval interval, List<ImageScore> perImage,
                       InputReport inputReport) {

    public FldScore {
        perImage = List.copyOf(perImage);
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

    /** E.g. {@code FLD 0.1234 [0.1011, 0.1458] (95%), ratio 1.131, bpd 3.412 generated vs 3.017 real (500 / 500)}. */
    public String summary() {
        return String.format(Locale.ROOT, "FLD %.4f [%.4f, %.4f] (%.0f%%), ratio %.4f, bpd %.4f generated vs %.4f real"
                        + " (%d / %d images)", value, interval.lower(), interval.upper(), 100 * interval.confidence(),
                ratio, bpdGenerated, bpdReal, generatedCount, realCount);
    }
}
