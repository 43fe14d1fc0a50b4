package org.fld4j.cli.experiment;

import java.util.Locale;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.metrics.gaussian.lab.DimensionSummary;

/**
 * How well the lab's flow learned p in one dimension, in nats.
 *
 * @param dimension         D
 * @param entropy           {@code H(p)}, closed form
 * @param modelCrossEntropy {@code H(p, p_theta)} on the reference set (fresh samples of p)
 * @param epochs            training epochs, or null when the model was not trained by the lab
 * @param stopReason        why training stopped (lower case), or null
 * @param trainingSeconds   training wall-clock time, or null
 */
public record DimensionFit(int dimension, double entropy, double modelCrossEntropy, Integer epochs, String stopReason,
                           Double trainingSeconds) {

    /** The fit of {@code d}. */
    public static DimensionFit of(DimensionSummary d) {
        TrainingHistory h = d.training();
        return new DimensionFit(d.dimension(), d.entropy(), d.referenceModelCrossEntropy(),
                h == null ? null : h.epochs().size(),
                h == null ? null : h.stopReason().name().toLowerCase(Locale.ROOT),
                h == null ? null : h.elapsed().toMillis() / 1000.0);
    }

    /** {@code H(p, p_theta) - H(p)}: an estimate of {@code KL(p || p_theta)}, 0 for a perfect model. */
    public double gap() {
        return modelCrossEntropy - entropy;
    }
}
