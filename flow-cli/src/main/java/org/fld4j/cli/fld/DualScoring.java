package org.fld4j.cli.fld;

import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Progress;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.NonFiniteLossException;
import org.fld4j.metrics.fld.DualFld;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.DualTrainingBudget;
import org.fld4j.metrics.fld.FldOptions;

/**
 * D-FLD and J: trains a flow G on the generated images and scores both flows on the other's held-out images. The
 * real flow R is the resolved reference (from the cache when there is one) when the generated set is at least as
 * large as the real one and the flows train with early stopping, as references do; for a smaller generated set R is
 * trained again (size matching, see {@link DualFld#sizeMatched(boolean)}), and on the fixed budget (the default, see
 * {@link DualTrainingBudget}) always. G is trained with R's options and {@code generatedPreset}'s architecture.
 */
final class DualScoring {

    private DualScoring() {
    }

    /** The generated flow's options: the real flow's, with another preset when one is named. */
    static FldOptions generatedOptions(FldOptions real, ImagePreset generatedPreset) {
        return generatedPreset == null ? real : real.withPreset(generatedPreset);
    }

    static DualFldScore score(ScoringInputs in, FldOptions generatedOptions, boolean sizeMatched,
                              DualTrainingBudget budget) {
        ResolvedReference r = in.reference();
        DualFld dual = DualFld.of(r.real()).options(r.fld().options()).generatedOptions(generatedOptions)
                .sizeMatched(sizeMatched).trainingBudget(budget).listener(Progress.training("D-FLD flow"));
        if (budget == DualTrainingBudget.EARLY_STOPPING) {
            // the reference was trained with early stopping: it can be R; on the fixed budget R trains again
            dual = dual.realReference(r.reference());
        }
        try {
            return dual.score(in.generated());
        } catch (NonFiniteLossException e) {
            throw new CliException(ExitCode.TRAINING_DIVERGED, "training the " + generatedOptions.preset().id()
                    + " flow on the generated images " + in.generatedSpec() + " diverged: " + e.getMessage(), e);
        }
    }
}
