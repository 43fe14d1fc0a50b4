package org.fld4j.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import org.fld4j.cli.common.Progress;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.fld.DistortionSweep;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.fld4j.metrics.fld.SampleEfficiency;
import org.fld4j.metrics.fld.SampleEfficiencyResult;

/**
 * Computes an {@link FldReportData}: scores the generated images, takes the bootstrap replicates behind the score's
 * interval, draws the sample-efficiency subsets, runs the distortion sweep and picks the thumbnails.
 *
 * <p>The sweep damages the generated images unless other images are named. A saved reference keeps no real images,
 * so the generated ones are the set a report always has; given real images instead (the demo's held-out real
 * images), the sweep is a yardstick: FLD of real images at known damage, to read a generated set's FLD against.
 * Its result is {@link DistortionSweep#run}'s, with the undistorted images scored once for all kinds.
 *
 * <p>Cost: one scoring of the generated images (the sample-efficiency subsets are drawn from its per-image
 * values), one of the swept images if they are other images, and one of each level of the sweep.
 */
public final class FldReportAnalysis {

    private FldReportAnalysis() {
    }

    /** The report of {@code generated}, the sweep damaging the generated images. */
    public static FldReportData compute(Fld fld, ImageSource generated, FldReportOptions options) {
        return compute(fld, generated, generated, "the generated images", options);
    }

    /**
     * The report of {@code generated}, the sweep damaging {@code sweepImages}.
     *
     * @param fld         the FLD reference (trained first if it is not yet)
     * @param generated   the images scored
     * @param sweepImages the images the distortion sweep damages ({@code generated} itself to reuse its score)
     * @param sweptName   what {@code sweepImages} are, for the report's text (e.g. "the generated images")
     * @param options     sweep, sample efficiency and thumbnails
     */
    public static FldReportData compute(Fld fld, ImageSource generated, ImageSource sweepImages, String sweptName,
                                        FldReportOptions options) {
        return compute(fld, generated, sweepImages, sweptName, options, fld::score, fld::score);
    }

    /**
     * As above, with the scores computed by {@code scoreGenerated} (for {@code generated} and {@code sweepImages}
     * as given) and {@code scoreDistorted} (for the sweep's distorted sets), e.g. by Spark jobs: each must give
     * {@link Fld#score}'s result.
     */
    public static FldReportData compute(Fld fld, ImageSource generated, ImageSource sweepImages, String sweptName,
                                        FldReportOptions options, Function<ImageSource, FldScore> scoreGenerated,
                                        Function<ImageSource, FldScore> scoreDistorted) {
        FldReference reference = fld.reference();
        int levels = options.sweep().stream().mapToInt(l -> l.levels().size()).sum();
        boolean separateSweep = sweepImages != generated && !options.sweep().isEmpty();
        try (Progress progress = Progress.count("report", 1L + levels + (separateSweep ? 1 : 0), "sets")) {
            FldScore score = scoreGenerated.apply(generated);
            progress.step(1);
            double[] generatedLogLikelihoods = score.perImage().stream().mapToDouble(ImageScore::logLikelihood)
                    .toArray();
            // with K flows the per-image scores are the flows' means, and the resamples need each flow's values
            double[] replicates = reference.referenceFlows() == 1
                    ? reference.bootstrapReplicates(generatedLogLikelihoods)
                    : reference.bootstrapReplicates(reference.logLikelihoodsPerFlow(generated));
            SampleEfficiencyResult efficiency = SampleEfficiency.of(fld).options(options.efficiency()).run(score);

            List<DistortionSweepResult> sweeps = new ArrayList<>();
            FldScore undistorted = null;
            if (!options.sweep().isEmpty()) {
                undistorted = separateSweep ? scoreGenerated.apply(sweepImages) : score;
                if (separateSweep) {
                    progress.step(1);
                }
            }
            for (DistortionLadder ladder : options.sweep()) {
                // validates the ladder (levels allowed, mild to strong) as the library's own sweep does
                DistortionSweep sweep = DistortionSweep.of(fld, ladder.kind()).levels(ladder.levelArray())
                        .seed(options.sweepSeed());
                List<FldScore> scores = new ArrayList<>();
                for (double level : sweep.levels()) {
                    scores.add(scoreDistorted.apply(Distortion.of(sweep.kind(), level).applyTo(sweepImages,
                            sweep.seed())));
                    progress.step(1);
                }
                sweeps.add(new DistortionSweepResult(sweep.kind(), ladder.levels(), sweep.seed(), undistorted, scores));
            }

            List<ImageScore> byBpd = new ArrayList<>(score.perImage());
            byBpd.sort(Comparator.comparingDouble(ImageScore::bitsPerDim).thenComparingInt(ImageScore::index));
            int k = Math.min(options.thumbnails(), byBpd.size());
            List<ImageScore> most = byBpd.subList(0, k);
            List<ImageScore> least = new ArrayList<>(byBpd.subList(byBpd.size() - k, byBpd.size()));
            Collections.reverse(least);
            int[] sourceIndex = sourceIndices(generated, score);
            return new FldReportData(score, reference.heldOutLogLikelihoods(), replicates, reference.dimension(),
                    efficiency, sweeps, sweptName, thumbnails(generated, least, sourceIndex),
                    thumbnails(generated, most, sourceIndex), generated.description(), describe(reference));
        }
    }

    /**
     * Where each scored image sits in the source, found by name: a score made on one machine lists its images in
     * source order, one made in parts (Spark) in the order the parts were merged. Images of the same name are paired
     * in source order.
     */
    static int[] sourceIndices(ImageSource source, FldScore score) {
        java.util.Map<String, java.util.ArrayDeque<Integer>> byName = new java.util.HashMap<>();
        for (int i = 0; i < source.size(); i++) {
            byName.computeIfAbsent(source.id(i).toString(), k -> new java.util.ArrayDeque<>()).add(i);
        }
        List<ImageScore> scored = score.perImage();
        int[] indices = new int[scored.size()];
        for (int j = 0; j < indices.length; j++) {
            java.util.ArrayDeque<Integer> left = byName.get(scored.get(j).name());
            if (left == null || left.isEmpty()) {
                throw new IllegalStateException("image " + scored.get(j).name() + " was scored but is not in "
                        + source.description() + (left == null ? "" : " as often as it was scored"));
            }
            indices[j] = left.poll();
        }
        return indices;
    }

    private static List<Thumbnail> thumbnails(ImageSource source, List<ImageScore> chosen, int[] sourceIndex) {
        List<Thumbnail> thumbnails = new ArrayList<>(chosen.size());
        for (ImageScore s : chosen) {
            thumbnails.add(new Thumbnail(s.index(), s.name(), s.bitsPerDim(),
                    source.read(sourceIndex[s.index()]).image()));
        }
        return thumbnails;
    }

    /** E.g. {@code small flow for 1x28x28 images, trained on 1,600 of 2,000 real images: 8 epochs ...}. */
    private static String describe(FldReference reference) {
        ImagePreset preset = reference.options().preset();
        String shape = Arrays.stream(reference.imageShape()).mapToObj(Long::toString)
                .reduce((a, b) -> a + "x" + b).orElse("?");
        String images = reference.trainingImages() > 0
                ? String.format(Locale.ROOT, ", trained on %,d of %,d real images", reference.trainingImages(),
                reference.realImages()) : "";
        return String.format(Locale.ROOT, "%s flow for %s images%s (%s); R_test: %,d held-out real images",
                preset.id(), shape, images, reference.training(), reference.heldOutLogLikelihoods().length);
    }
}
