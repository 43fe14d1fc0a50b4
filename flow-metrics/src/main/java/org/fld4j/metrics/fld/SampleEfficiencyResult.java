package org.fld4j.metrics.fld;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How FLD settles as the generated set grows: its spread over random subsets at each size, immutable.
 *
 * @param points         one point per size that could be drawn, in increasing size
 * @param fullFld        FLD of the whole generated set against the whole held-out real set (D-FLD of the whole
 *                       generated set for {@link DualSampleEfficiency})
 * @param generatedCount images in the whole generated set
 * @param realCount      held-out real images
 * @param options        how the subsets were drawn
 * @param notes          sizes left out and why (empty when every size was drawn)
 */
public record SampleEfficiencyResult(List<SampleEfficiencyPoint> points, double fullFld, int generatedCount,
                                     int realCount, SampleEfficiencyOptions options, List<String> notes) {

    public SampleEfficiencyResult {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
        Objects.requireNonNull(options, "options");
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).size() <= points.get(i - 1).size()) {
                throw new IllegalArgumentException("sample-efficiency points must be in increasing size, got "
                        + points.get(i - 1).size() + " before " + points.get(i).size());
            }
        }
    }

    /**
     * The smallest size from which the standard deviation stays below {@code relativeStd} times the absolute mean
     * FLD at the largest size, at that size and every larger one (e.g. 0.05 for "std under 5% of the mean").
     * Requiring every larger size too keeps one lucky size, whose std happens to dip below the line while a larger
     * one is above it, from being called stable. Empty when no size qualifies, which is also the answer when the
     * mean FLD is 0 (images as likely as real ones: no relative spread is small then).
     *
     * @throws IllegalArgumentException if {@code relativeStd} is not positive
     */
    public OptionalInt stableSize(double relativeStd) {
        if (!(relativeStd > 0)) {
            throw new IllegalArgumentException("relativeStd must be > 0, got " + relativeStd);
        }
        if (points.isEmpty()) {
            return OptionalInt.empty();
        }
        double limit = relativeStd * Math.abs(points.get(points.size() - 1).mean());
        OptionalInt stable = OptionalInt.empty();
        for (int i = points.size() - 1; i >= 0 && points.get(i).std() < limit; i--) {
            stable = OptionalInt.of(points.get(i).size());
        }
        return stable;
    }

    /** One line per size, e.g. {@code n=500: FLD 0.1234 +- 0.0051 (5%..95%: 0.1150..0.1320, 20 subsets)}. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "FLD %.4f on all %d generated images (%s)%n",
                fullFld, generatedCount, options.subsampleReal() ? "real images subsampled to each size"
                        : "against all " + realCount + " held-out real images"));
        for (SampleEfficiencyPoint p : points) {
            text.append(String.format(Locale.ROOT, "n=%d: FLD %.4f +- %.4f (5%%..95%%: %.4f..%.4f, %d subsets)%n",
                    p.size(), p.mean(), p.std(), p.q05(), p.q95(), p.repeats()));
        }
        notes.forEach(note -> text.append(note).append(System.lineSeparator()));
        return text.toString();
    }
}
