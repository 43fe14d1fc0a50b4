package org.fld4j.metrics.gaussian.lab;

import java.util.List;
import java.util.Locale;
import org.fld4j.metrics.likelihood.DensityCurve;

/**
 * The CSV forms of a lab result. The table has one line per cell with the columns of
 * {@link #TABLE_HEADER}; the curves file has one line per curve point, {@code dimension, set, scale,
 * shift, log_likelihood_of, x, density}, where set is a family name or {@code reference} (the
 * reference set, with empty scale and shift) and log_likelihood_of is {@code true} or {@code model}.
 * Numbers are written with {@link Double#toString} (exact round trip).
 */
final class GaussianLabCsv {

    static final String TABLE_HEADER = "dimension,family,s,t,samples,cross_entropy,cross_entropy_estimate,"
            + "cross_entropy_estimate_se,model_cross_entropy,model_cross_entropy_se,entropy,kl,model_kl,"
            + "tnr_model,tnr_true,overlap_model,overlap_true,auroc_model,auroc_true";

    static final String CURVES_HEADER = "dimension,set,s,t,log_likelihood_of,x,density";

    private GaussianLabCsv() {
    }

    static String table(List<LabRow> rows) {
        StringBuilder out = new StringBuilder(TABLE_HEADER).append('\n');
        for (LabRow r : rows) {
            out.append(r.dimension()).append(',').append(name(r.family())).append(',').append(r.scale()).append(',')
                    .append(r.shift()).append(',').append(r.samples());
            double[] values = {r.crossEntropy(), r.crossEntropyEstimate(), r.crossEntropyEstimateError(),
                r.modelCrossEntropy(), r.modelCrossEntropyError(), r.entropy(), r.klDivergence(),
                r.modelKlDivergence(), r.modelTrueNegativeRate(), r.trueTrueNegativeRate(), r.modelOverlap(),
                r.trueOverlap(), r.modelAuroc(), r.trueAuroc()};
            for (double v : values) {
                out.append(',').append(v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String curves(List<DimensionSummary> dimensions, List<CellCurves> cells) {
        StringBuilder out = new StringBuilder(CURVES_HEADER).append('\n');
        for (DimensionSummary d : dimensions) {
            String prefix = d.dimension() + ",reference,,,";
            append(out, prefix + "true,", d.referenceTrueLogDensity());
            append(out, prefix + "model,", d.referenceModelLogLikelihood());
        }
        for (CellCurves c : cells) {
            String prefix = c.dimension() + "," + name(c.family()) + "," + c.scale() + "," + c.shift() + ",";
            append(out, prefix + "true,", c.trueLogDensity());
            append(out, prefix + "model,", c.modelLogLikelihood());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String prefix, DensityCurve curve) {
        double[] x = curve.x();
        double[] density = curve.density();
        for (int k = 0; k < x.length; k++) {
            out.append(prefix).append(x[k]).append(',').append(density[k]).append('\n');
        }
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
