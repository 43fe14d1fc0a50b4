package org.fld4j.cli.experiment;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.LabRow;

/**
 * The cells of one dimension and test family in a few numbers: the main columns of {@link LabRow} over all scales
 * and shifts. Means and maxima skip values that are not finite.
 *
 * @param dimension               D
 * @param family                  the test family
 * @param cells                   cells (scales x shifts)
 * @param maxAbsUnderestimation   the largest {@code |H*(q,p) - H(q,p_theta)|}, nats
 * @param modelFindsMoreLikely    cells where {@code H*(q,p) - H(q,p_theta) > 0}: the model finds q more likely than
 *                                p does
 * @param meanModelKl             mean {@code KL*(q || p_theta)}, nats
 * @param meanKl                  mean {@code KL(q || p)}, nats
 * @param meanTnrModel            mean true-negative rate of the model's likelihood bounds
 * @param meanTnrTrue             the same for the true density's bounds
 * @param maxTnrGap               the largest {@code |TNR model - TNR true|}
 * @param meanAurocModel          mean AUROC of {@code -log p_theta}
 * @param meanAurocTrue           mean AUROC of {@code -log p}
 */
public record FamilySummary(int dimension, TestFamily family, int cells, double maxAbsUnderestimation,
                            int modelFindsMoreLikely, double meanModelKl, double meanKl, double meanTnrModel,
                            double meanTnrTrue, double maxTnrGap, double meanAurocModel, double meanAurocTrue) {

    /** The summary of {@code rows}, all of one dimension and family. */
    public static FamilySummary of(int dimension, TestFamily family, List<LabRow> rows) {
        int moreLikely = (int) rows.stream().filter(r -> r.modelUnderestimation() > 0).count();
        return new FamilySummary(dimension, family, rows.size(), max(rows, r -> Math.abs(r.modelUnderestimation())),
                moreLikely, mean(rows, LabRow::modelKlDivergence), mean(rows, LabRow::klDivergence),
                mean(rows, LabRow::modelTrueNegativeRate), mean(rows, LabRow::trueTrueNegativeRate),
                max(rows, r -> Math.abs(r.modelTrueNegativeRate() - r.trueTrueNegativeRate())),
                mean(rows, LabRow::modelAuroc), mean(rows, LabRow::trueAuroc));
    }

    private static double mean(List<LabRow> rows, ToDoubleFunction<LabRow> value) {
        return rows.stream().mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static double max(List<LabRow> rows, ToDoubleFunction<LabRow> value) {
        return rows.stream().mapToDouble(value).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}
