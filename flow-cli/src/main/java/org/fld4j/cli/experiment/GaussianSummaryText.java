package org.fld4j.cli.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fld4j.cli.output.TextTable;

/** The human summary of a Gaussian lab run, printed on stdout. */
public final class GaussianSummaryText {

    private GaussianSummaryText() {
    }

    public static String format(LabSummary summary, Path out) {
        StringBuilder text = new StringBuilder("Gaussian lab: how well each flow learned p (nats)\n");
        TextTable fits = new TextTable(List.of("D", "H(p)", "H(p,p_θ)", "gap", "epochs", "stopped by", "training"),
                true, true, true, true, true, false, true);
        for (DimensionFit f : summary.fits()) {
            fits.row(Integer.toString(f.dimension()), number(f.entropy(), "%.3f"),
                    number(f.modelCrossEntropy(), "%.3f"), number(f.gap(), "%+.3f"),
                    f.epochs() == null ? "-" : f.epochs().toString(), f.stopReason() == null ? "-" : f.stopReason(),
                    f.trainingSeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f s", f.trainingSeconds()));
        }
        text.append(fits.format("  "));
        text.append("\nper dimension and family, over all scales s and shifts t (H*−H(q,p_θ) > 0: the model finds q"
                + " more likely than p does)\n");
        TextTable families = new TextTable(List.of("D", "family", "cells", "max |H*−H(q,p_θ)|", "model more likely",
                "KL*(q‖p_θ)", "KL(q‖p)", "TNR model", "TNR true", "max |ΔTNR|", "AUROC model", "AUROC true"),
                true, false, true, true, true, true, true, true, true, true, true, true);
        for (FamilySummary f : summary.families()) {
            families.row(Integer.toString(f.dimension()), f.family().name().toLowerCase(Locale.ROOT),
                    Integer.toString(f.cells()), number(f.maxAbsUnderestimation(), "%.3f"),
                    f.modelFindsMoreLikely() + "/" + f.cells(), number(f.meanModelKl(), "%.3f"),
                    number(f.meanKl(), "%.3f"), number(f.meanTnrModel(), "%.3f"), number(f.meanTnrTrue(), "%.3f"),
                    number(f.maxTnrGap(), "%.3f"), number(f.meanAurocModel(), "%.3f"),
                    number(f.meanAurocTrue(), "%.3f"));
        }
        text.append(families.format("  "));
        text.append("(means over the cells; every cell is in ").append(out.resolve(GaussianExperimentFiles.TABLE_CSV))
                .append(", everything in ").append(out.resolve(GaussianExperimentFiles.RESULT_JSON)).append(")\n");
        return text.toString();
    }

    private static String number(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }
}
