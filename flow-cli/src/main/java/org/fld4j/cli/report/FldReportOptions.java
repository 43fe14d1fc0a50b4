package org.fld4j.cli.report;

import java.util.List;
import java.util.Objects;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;

/**
 * What an FLD report computes beyond the score itself. The bootstrap (resamples, confidence, seed) is the
 * reference's own ({@link org.fld4j.metrics.fld.FldOptions}), so the report shows the distribution behind the very
 * interval the score has.
 *
 * @param sweep       the distortions of the sweep, each with its levels; empty for no sweep
 * @param sweepSeed   the seed every level's distortion is drawn from
 * @param efficiency  how the sample-efficiency subsets are drawn (sizes above the generated count are left out)
 * @param thumbnails  how many of the least and of the most likely generated images are shown (0: none)
 */
public record FldReportOptions(List<DistortionLadder> sweep, long sweepSeed, SampleEfficiencyOptions efficiency,
                               int thumbnails) {

    /** At most this many thumbnails a strip. */
    public static final int MAX_THUMBNAILS = 32;

    public FldReportOptions {
        sweep = List.copyOf(sweep);
        Objects.requireNonNull(efficiency, "efficiency");
        if (thumbnails < 0 || thumbnails > MAX_THUMBNAILS) {
            throw new IllegalArgumentException("thumbnails must be 0.." + MAX_THUMBNAILS + ", got " + thumbnails);
        }
    }

    /**
     * Four distortions at three levels each, seed 0: additive noise (sigma 8, 16, 32), salt and pepper (1%, 3%,
     * 10%), occlusion (5%, 10%, 20% of the area) and blur (sigma 0.5, 1, 1.5); subsets of 50 to 5,000 images, 20 at
     * each size, seed 0; 8 thumbnails of each end.
     */
    public static FldReportOptions defaults() {
        return new FldReportOptions(List.of(
                DistortionLadder.of(DistortionKind.ADDITIVE_NOISE, 8, 16, 32),
                DistortionLadder.of(DistortionKind.SALT_AND_PEPPER, 0.01, 0.03, 0.1),
                DistortionLadder.of(DistortionKind.OCCLUSION, 0.05, 0.1, 0.2),
                DistortionLadder.of(DistortionKind.GAUSSIAN_BLUR, 0.5, 1, 1.5)),
                0L, SampleEfficiencyOptions.defaults(), 8);
    }

    public FldReportOptions withSweep(List<DistortionLadder> value) {
        return new FldReportOptions(value, sweepSeed, efficiency, thumbnails);
    }

    public FldReportOptions withSweepSeed(long value) {
        return new FldReportOptions(sweep, value, efficiency, thumbnails);
    }

    public FldReportOptions withEfficiency(SampleEfficiencyOptions value) {
        return new FldReportOptions(sweep, sweepSeed, value, thumbnails);
    }

    public FldReportOptions withThumbnails(int value) {
        return new FldReportOptions(sweep, sweepSeed, efficiency, value);
    }
}
