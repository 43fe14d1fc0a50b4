package org.fld4j.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.DimensionSummary;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.LabRow;

/**
 * The short summary of a Gaussian lab result that {@code fld experiment gaussian} prints: how well each dimension's
 * flow fits p, and each dimension and family's cells in a few numbers. The full table is in the CSV.
 *
 * @param fits     one per dimension, in run order
 * @param families one per dimension and family, in run order
 */
public record LabSummary(List<DimensionFit> fits, List<FamilySummary> families) {

    public LabSummary {
        fits = List.copyOf(fits);
        families = List.copyOf(families);
    }

    /** The summary of {@code result}. */
    public static LabSummary of(GaussianLabResult result) {
        List<DimensionFit> fits = new ArrayList<>();
        List<FamilySummary> families = new ArrayList<>();
        for (DimensionSummary d : result.dimensions()) {
            fits.add(DimensionFit.of(d));
            for (TestFamily family : result.options().families()) {
                List<LabRow> rows = result.rows().stream()
                        .filter(r -> r.dimension() == d.dimension() && r.family() == family).toList();
                if (!rows.isEmpty()) {
                    families.add(FamilySummary.of(d.dimension(), family, rows));
                }
            }
        }
        return new LabSummary(fits, families);
    }
}
