package org.fld4j.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;

/**
 * Writes an FLD report: {@code index.html}, one PNG per figure and {@code result.json} with the numbers, into one
 * folder (see {@link ReportFolder} for what it refuses and how files are written). The page is written last, so a
 * report without {@code index.html} is one that did not finish.
 */
public final class FldReportWriter {

    static final String PAGE = "index.html";
    static final String LIKELIHOODS = "likelihoods.png";
    static final String BOOTSTRAP = "bootstrap.png";
    static final String EFFICIENCY = "sample-efficiency.png";
    static final String SWEEP = "distortions.png";
    static final String LEAST_LIKELY = "least-likely.png";
    static final String MOST_LIKELY = "most-likely.png";
    static final String NUMBERS = "result.json";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 460;

    private FldReportWriter() {
    }

    /** Writes the report into {@code outDir}, which must be new, empty or hold an earlier fld report. */
    public static Path write(FldReportData data, Path outDir) {
        return write(data, outDir, false, Provenance.builder().build());
    }

    /**
     * Writes the report into {@code outDir}; with {@code force} also into a folder that holds other files (they are
     * left alone unless they have a name the report uses). {@code result.json} carries {@code provenance}, as
     * {@code --json} results do. Returns the path of {@code index.html}.
     */
    public static Path write(FldReportData data, Path outDir, boolean force, Provenance provenance) {
        ChartImages.headless();
        ReportFolder folder = ReportFolder.open(outDir, force);
        FldScore score = data.score();
        String percent = ReportText.number(100 * score.interval().confidence(), 0) + "%";
        Html html = new Html();

        html.heading(2, "Score");
        html.table(List.of("quantity", "value"), List.of(
                List.of("FLD = ln(bpd generated / bpd held-out real)", ReportText.number(score.value(), 4)),
                List.of(percent + " interval", ReportText.interval(score.interval(), 4)),
                List.of("the interval covers", score.intervalScope().description()
                        + (score.referenceFlows() > 1 ? ", " + score.referenceFlows() + " flows" : "")),
                List.of("ratio bpd generated / bpd held-out real", ReportText.number(score.ratio(), 4)),
                List.of("bits per dimension, generated", ReportText.number(score.bpdGenerated(), 4)),
                List.of("bits per dimension, held-out real", ReportText.number(score.bpdReal(), 4)),
                List.of("generated images scored", ReportText.count(score.generatedCount())),
                List.of("generated images skipped", ReportText.count(score.inputReport().skipped().size())),
                List.of("held-out real images (R_test)", ReportText.count(score.realCount())),
                List.of("bootstrap resamples", ReportText.count(score.interval().resamples()))));
        html.paragraph("FLD is 0 when the generated images are as likely under the reference flow as held-out real"
                + " images, above 0 when they are less likely (ln 1.1 = 0.095: 10% more bits per dimension), and"
                + " below 0 when they are more likely than real ones, which usually means they are simpler, not"
                + " better.");

        html.heading(2, "Per-image likelihood");
        folder.writePng(LIKELIHOODS, ChartImages.render(LikelihoodHistogramChart.build(data.realBitsPerDim(),
                data.generatedBitsPerDim()), WIDTH, HEIGHT));
        html.figure(LIKELIHOODS, "histograms of bits per dimension, held-out real and generated images",
                "Each image's bits per dimension under the reference flow: bars are histograms scaled to unit area,"
                        + " lines kernel density estimates (Silverman's bandwidth); blue the held-out real images,"
                        + " orange the generated ones. FLD compares the means of the two shapes: the further the"
                        + " orange one lies to the right, the less likely the generated images and the larger FLD;"
                        + " shapes on top of each other mean FLD near 0. A separate orange bump on the right is a"
                        + " group of failed images; one on the left of the real images are images simpler than real"
                        + " ones (flat areas are very likely under a pixel-space flow).");

        html.heading(2, "Bootstrap distribution");
        folder.writePng(BOOTSTRAP, ChartImages.render(BootstrapChart.build(data.bootstrapReplicates(), score.value(),
                score.interval()), WIDTH, HEIGHT));
        String caption = score.referenceFlows() == 1
                ? "FLD of " + ReportText.count(score.interval().resamples()) + " bootstrap resamples: each draws the"
                        + " held-out real and the generated images again with replacement and computes FLD anew. The"
                        + " solid line is FLD of the sets as they are; the dashed lines and the shaded band are the "
                        + percent + " interval, the quantiles of exactly these resamples. A wide histogram means too"
                        + " few images for a precise score; an interval that includes 0 means these images cannot be"
                        + " told from real ones at this size. The interval covers the images only: another training"
                        + " of the reference flow would move FLD too (--flows adds that)."
                : "Mean FLD of the " + score.referenceFlows() + " reference flows over "
                        + ReportText.count(score.interval().resamples()) + " resamples of the generated images. The"
                        + " solid line is the ensemble FLD; the dashed lines and the shaded band are the " + percent
                        + " interval, which adds the spread between the flows (their FLDs: "
                        + flowValues(score) + "), or their held-out images' noise where that is larger, to the"
                        + " images' and is therefore wider than these resamples alone.";
        html.figure(BOOTSTRAP, "histogram of FLD over bootstrap resamples with the score and its interval", caption);

        html.heading(2, "Sample efficiency");
        if (data.efficiency().points().isEmpty()) {
            html.note("No subset size fits the " + ReportText.count(score.generatedCount())
                    + " generated images, so there is no curve. " + String.join(" ", data.efficiency().notes()));
        } else {
            folder.writePng(EFFICIENCY, ChartImages.render(SampleEfficiencyChart.build(data.efficiency()), WIDTH,
                    HEIGHT));
            html.figure(EFFICIENCY, "FLD of random subsets against subset size",
                    "FLD of " + data.efficiency().options().repeats() + " random subsets of the generated images at"
                            + " each size, drawn without replacement and each compared with all held-out real"
                            + " images: the line is their mean, the band runs from their 5% to their 95% quantile,"
                            + " the dashed line is FLD of the whole set. Where the band has narrowed to the"
                            + " precision you need, that many images suffice; a band still wide at the largest size"
                            + " says to score more images. At the size of the whole set every subset is the set"
                            + " itself, so the band closes there.");
            html.table(List.of("images", "mean FLD", "std", "5%", "median", "95%"), efficiencyRows(data));
            data.efficiency().notes().forEach(html::note);
        }

        if (!data.sweeps().isEmpty()) {
            html.heading(2, "Distortion sweep");
            folder.writePng(SWEEP, ChartImages.render(DistortionSweepChart.build(data.sweeps()), WIDTH, HEIGHT));
            html.figure(SWEEP, "FLD against distortion strength, one line per distortion",
                    "FLD of " + data.sweptImages() + " undistorted (left) and damaged by each distortion at"
                            + " increasing strength (levels 1, 2, ...; their values are in the legend and the table),"
                            + " every level with the same random draws; bars are bootstrap intervals. A metric that"
                            + " tracks quality rises with every step. A falling line means the distortion makes"
                            + " images more likely under the flow (a black square on dark-background images does):"
                            + " a limit of likelihoods, not a fault of the sweep. The lines are also a scale for the"
                            + " score above: its FLD is about as large as that of real images damaged that much.");
            html.table(List.of("distortion", "level", "FLD", percent + " interval", "ratio", "bpd", "rises"),
                    sweepRows(data.sweeps()));
        }

        if (!data.leastLikely().isEmpty()) {
            html.heading(2, "Least and most likely generated images");
            folder.writePng(LEAST_LIKELY, ThumbnailStrip.render(data.leastLikely()));
            html.figure(LEAST_LIKELY, "the least likely generated images",
                    "The " + data.leastLikely().size() + " generated images the reference flow finds least likely"
                            + " (highest bits per dimension first), enlarged without smoothing; under each, its"
                            + " position among the scored images and its bits per dimension. These are often the"
                            + " broken or unusual ones.");
            folder.writePng(MOST_LIKELY, ThumbnailStrip.render(data.mostLikely()));
            html.figure(MOST_LIKELY, "the most likely generated images",
                    "The " + data.mostLikely().size() + " generated images it finds most likely (lowest bits per"
                            + " dimension first). Likely is not the same as good: plain images with large flat areas"
                            + " are very likely under a pixel-space flow.");
            html.table(List.of("", "position", "name", "bpd"), thumbnailRows(data));
        }

        try {
            folder.writeText(NUMBERS, JsonResults.mapper().writeValueAsString(
                    FldReportJson.document(data, outDir.resolve(PAGE), provenance)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's numbers", e);
        }
        html.note("The numbers of this report are in " + NUMBERS + ".");
        Path page = folder.writeText(PAGE, html.page("FLD report", "Images scored as the generated set: " + data.generated()
                + ". Reference: " + data.reference() + "."));
        folder.finish();
        return page;
    }

    private static List<List<String>> efficiencyRows(FldReportData data) {
        List<List<String>> rows = new ArrayList<>();
        for (SampleEfficiencyPoint p : data.efficiency().points()) {
            rows.add(List.of(ReportText.count(p.size()), ReportText.number(p.mean(), 4), ReportText.number(p.std(), 4),
                    ReportText.number(p.q05(), 4), ReportText.number(p.median(), 4), ReportText.number(p.q95(), 4)));
        }
        return rows;
    }

    /** One row for the undistorted images, then one per level of each distortion. */
    static List<List<String>> sweepRows(List<DistortionSweepResult> sweeps) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(sweepRow("none", "", sweeps.get(0).undistorted(), ""));
        for (DistortionSweepResult sweep : sweeps) {
            String kind = sweep.kind().shortName() + " (" + sweep.kind().parameterName() + ")";
            for (int i = 0; i < sweep.levels().size(); i++) {
                double previous = i == 0 ? sweep.undistorted().value() : sweep.scores().get(i - 1).value();
                FldScore s = sweep.scores().get(i);
                rows.add(sweepRow(kind, ReportText.level(sweep.levels().get(i)), s, s.value() > previous ? "yes" : "no"));
            }
        }
        return rows;
    }

    private static List<String> sweepRow(String kind, String level, FldScore s, String rises) {
        return List.of(kind, level, ReportText.number(s.value(), 4), ReportText.interval(s.interval(), 4),
                ReportText.number(s.ratio(), 4), ReportText.number(s.bpdGenerated(), 4), rises);
    }

    private static List<List<String>> thumbnailRows(FldReportData data) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < data.leastLikely().size(); i++) {
            Thumbnail t = data.leastLikely().get(i);
            rows.add(List.of("least likely " + (i + 1), Integer.toString(t.index()), t.name(),
                    ReportText.number(t.bitsPerDim(), 4)));
        }
        for (int i = 0; i < data.mostLikely().size(); i++) {
            Thumbnail t = data.mostLikely().get(i);
            rows.add(List.of("most likely " + (i + 1), Integer.toString(t.index()), t.name(),
                    ReportText.number(t.bitsPerDim(), 4)));
        }
        return rows;
    }

    private static String flowValues(FldScore score) {
        List<String> values = new ArrayList<>();
        for (double v : score.flowValues()) {
            values.add(ReportText.number(v, 4));
        }
        return String.join(", ", values);
    }
}
