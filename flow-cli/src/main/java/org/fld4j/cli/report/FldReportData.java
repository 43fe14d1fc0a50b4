package org.fld4j.cli.report;

import java.util.List;
import java.util.Objects;
import org.fld4j.core.Flow;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.fld4j.metrics.fld.SampleEfficiencyResult;

/**
 * Everything an FLD report shows, immutable (arrays are copied in and out). Made by {@link FldReportAnalysis}.
 *
 * @param score                the generated images' FLD score, with every image's log-likelihood
 * @param realLogLikelihoods   the held-out real images' log-likelihoods (nats), in their order
 * @param bootstrapReplicates  the FLD of every bootstrap resample, in draw order: the score's interval is their
 *                             percentiles
 * @param dimension            values per image, {@code C*H*W} (log-likelihoods to bits per dimension)
 * @param efficiency           FLD of random subsets of the generated images at several sizes
 * @param sweeps               FLD of the swept images undistorted and at each level, one result per distortion
 * @param sweptImages          which images the sweep damaged, for the report's text
 * @param leastLikely          the generated images of highest bits per dimension, highest first
 * @param mostLikely           the generated images of lowest bits per dimension, lowest first
 * @param generated            a description of the generated images
 * @param reference            a description of the reference flow and how it was trained
 */
public record FldReportData(FldScore score, double[] realLogLikelihoods, double[] bootstrapReplicates, long dimension,
                            SampleEfficiencyResult efficiency, List<DistortionSweepResult> sweeps, String sweptImages,
                            List<Thumbnail> leastLikely, List<Thumbnail> mostLikely, String generated,
                            String reference) {

    public FldReportData {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(efficiency, "efficiency");
        Objects.requireNonNull(sweptImages, "sweptImages");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(reference, "reference");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        realLogLikelihoods = realLogLikelihoods.clone();
        bootstrapReplicates = bootstrapReplicates.clone();
        sweeps = List.copyOf(sweeps);
        leastLikely = List.copyOf(leastLikely);
        mostLikely = List.copyOf(mostLikely);
    }

    @Override
    public double[] realLogLikelihoods() {
        return realLogLikelihoods.clone();
    }

    @Override
    public double[] bootstrapReplicates() {
        return bootstrapReplicates.clone();
    }

    /** Bits per dimension of each held-out real image. */
    public double[] realBitsPerDim() {
        return Flow.toBitsPerDim(realLogLikelihoods, dimension);
    }

    /** Bits per dimension of each generated image, in scoring order. */
    public double[] generatedBitsPerDim() {
        return score.perImage().stream().mapToDouble(ImageScore::bitsPerDim).toArray();
    }
}
