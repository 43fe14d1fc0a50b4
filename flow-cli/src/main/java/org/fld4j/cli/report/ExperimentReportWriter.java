package org.fld4j.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.DimensionSummary;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.LabRow;

/**
 * Writes the report of a Gaussian lab run: for every dimension and test family a grid of kernel density curves
 * (model against true log-likelihoods, as in the thesis' figures) and a heat map of the likelihood-bounds detector's
 * true-negative rate, with the numbers in tables; {@code result.json} is the lab's own JSON. Files are written as
 * {@link ReportFolder} says; {@code index.html} last.
 */
public final class ExperimentReportWriter {

    private static final int MAP_WIDTH = 980;
    private static final int MAP_HEIGHT = 420;

    private ExperimentReportWriter() {
    }

    /** Writes the report into {@code outDir}, which must be new, empty or hold an earlier fld report. */
    public static Path write(GaussianLabResult result, Path outDir) {
        return write(result, outDir, false);
    }

    /** Writes the report; {@code force} also writes into a folder that holds other files. Returns index.html. */
    public static Path write(GaussianLabResult result, Path outDir, boolean force) {
        ChartImages.headless();
        ReportFolder folder = ReportFolder.open(outDir, force);
        GaussianLabOptions o = result.options();
        String tpr = ReportText.number(100 * o.targetTruePositiveRate(), 1) + "%";
        Html html = new Html();
        html.table(List.of("setting", "value"), List.of(
                List.of("dimensions D", join(o.dimensions().stream().map(Object::toString).toList())),
                List.of("families", join(o.families().stream().map(ExperimentReportWriter::name).toList())),
                List.of("scales s", join(o.scales().stream().map(ReportText::level).toList())),
                List.of("shifts t", join(o.shifts().stream().map(ReportText::level).toList())),
                List.of("test samples N per cell", ReportText.count(o.testSamples())),
                List.of("training samples", ReportText.count(o.trainingSamples())),
                List.of("perturbed family: alpha, beta", ReportText.level(o.alpha()) + ", "
                        + ReportText.level(o.beta())),
                List.of("detector's true-positive rate on p", tpr),
                List.of("seed", Long.toString(o.seed()))));
        html.paragraph("Values are in nats. p is the training distribution, p_\u03b8 the flow trained on it, q a test"
                + " distribution of a family at scale s and shift t; in the affine family, s = 1 and t = 0 is p"
                + " itself.");

        for (DimensionSummary d : result.dimensions()) {
            int dim = d.dimension();
            html.heading(2, "D = " + dim);
            html.table(List.of("quantity", "value"), dimensionRows(d));
            for (TestFamily family : o.families()) {
                List<LabRow> rows = result.rows().stream()
                        .filter(r -> r.dimension() == dim && r.family() == family).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                String key = "d" + dim + "-" + name(family);
                html.heading(3, "D = " + dim + ", " + name(family) + " family");
                String kde = "kde-" + key + ".png";
                folder.writePng(kde, KdeGridChart.render(result.curves(), dim, family, o.scales(), o.shifts()));
                html.figure(kde, "kernel densities of model and true log-likelihoods, D = " + dim + ", "
                                + name(family),
                        "Each panel is one test distribution q, scale s down the rows and shift t across the columns:"
                                + " the kernel density of log p_\u03b8(x), the model's log-likelihood (blue), and of"
                                + " log p(x), the true log-density (orange), over the " + ReportText.count(o.testSamples())
                                + " samples of q. Where the curves coincide the model judges q as the true density"
                                + " does. A blue curve right of the orange one means the model finds q's samples more"
                                + " likely than they are (it underestimates the cross-entropy H(q, p)), left of it less"
                                + " likely. The x axes differ from panel to panel.");
                String map = "tnr-" + key + ".png";
                folder.writePng(map, ChartImages.render(TnrHeatMapChart.build(result.rows(), dim, family, o.scales(),
                        o.shifts()), MAP_WIDTH, MAP_HEIGHT));
                html.figure(map, "true-negative rate over scale and shift, D = " + dim + ", " + name(family),
                        "The true-negative rate of the likelihood-bounds detector: the share of q's samples outside"
                                + " bounds [L, U] set so that " + tpr + " of samples of p fall inside them; left with"
                                + " bounds on the model's log-likelihoods, right on the true log-density. Darker is a"
                                + " higher rate; each cell has its number. A detector that tells q from p has a high"
                                + " rate; where q is p the rate is about " + ReportText.number(1 - o.targetTruePositiveRate(), 3)
                                + ". Cells lighter on the left than on the right are differences the model's"
                                + " likelihoods hide but the true density shows.");
                html.table(List.of("s", "t", "H(q,p)", "H*(q,p)", "H(q,p_\u03b8)", "KL(q||p)", "KL*(q||p_\u03b8)",
                        "TNR model", "TNR true", "OVL model", "OVL true", "AUROC model", "AUROC true"), cellRows(rows));
            }
        }
        folder.write(FldReportWriter.NUMBERS, result::writeJson);
        html.note("The numbers of this report, the curves included, are in " + FldReportWriter.NUMBERS + ".");
        Path page = folder.writeText(FldReportWriter.PAGE, html.page("Gaussian experiment report",
                result.rows().size() + " test distributions in " + result.dimensions().size() + " dimension(s): how"
                        + " a flow's likelihoods compare with the true density's."));
        folder.finish();
        return page;
    }

    private static List<List<String>> dimensionRows(DimensionSummary d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("H(p), entropy of the training distribution", ReportText.number(d.entropy(), 4)));
        rows.add(List.of("reference samples of p", ReportText.count(d.referenceSamples())));
        rows.add(List.of("H*(p,p) on them", ReportText.number(d.referenceCrossEntropy(), 4)));
        rows.add(List.of("H(p,p_\u03b8) on them", ReportText.number(d.referenceModelCrossEntropy(), 4)));
        rows.add(List.of("model's likelihood bounds [L, U]", "[" + ReportText.number(d.modelLowerBound(), 3) + ", "
                + ReportText.number(d.modelUpperBound(), 3) + "]"));
        rows.add(List.of("true density's bounds [L, U]", "[" + ReportText.number(d.trueLowerBound(), 3) + ", "
                + ReportText.number(d.trueUpperBound(), 3) + "]"));
        if (d.preset() != null) {
            rows.add(List.of("flow preset", d.preset().toString()));
        }
        if (d.training() != null) {
            rows.add(List.of("training", String.format(Locale.ROOT, "%d epochs, stopped by %s, best epoch %d",
                    d.training().epochs().size(), d.training().stopReason(), d.training().bestEpoch())));
        }
        return rows;
    }

    private static List<List<String>> cellRows(List<LabRow> rows) {
        List<List<String>> table = new ArrayList<>();
        for (LabRow r : rows) {
            table.add(List.of(ReportText.level(r.scale()), ReportText.level(r.shift()),
                    ReportText.number(r.crossEntropy(), 3), ReportText.number(r.crossEntropyEstimate(), 3),
                    ReportText.number(r.modelCrossEntropy(), 3), ReportText.number(r.klDivergence(), 3),
                    ReportText.number(r.modelKlDivergence(), 3), ReportText.number(r.modelTrueNegativeRate(), 3),
                    ReportText.number(r.trueTrueNegativeRate(), 3), ReportText.number(r.modelOverlap(), 3),
                    ReportText.number(r.trueOverlap(), 3), ReportText.number(r.modelAuroc(), 3),
                    ReportText.number(r.trueAuroc(), 3)));
        }
        return table;
    }

    private static String name(TestFamily family) {
        return family.name().toLowerCase(Locale.ROOT);
    }

    private static String join(List<String> values) {
        return String.join(", ", values);
    }
}
