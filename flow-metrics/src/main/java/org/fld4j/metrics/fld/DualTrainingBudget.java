package org.fld4j.metrics.fld;

import org.fld4j.core.train.LearningRateSchedule;
import org.fld4j.core.train.TrainerOptions;

/**
 * How {@link DualFld} trains its two flows. D-FLD and J compare flows trained on different sets, and J's
 * generated-flow term (how a flow trained on the generated images rates sharp real ones) grows the longer that flow
 * trains; so every flow compared must get the same training, not a length that validation noise decides.
 */
public enum DualTrainingBudget {

    /**
     * Every flow trains for exactly the epoch cap ({@link FldOptions#maxEpochs()}), its learning rate annealed to
     * zero by a cosine over the planned steps, and keeps the weights of its best validation (validated as the
     * preset's recipe says, and after the last epoch). The default: with early stopping, a flow trained on 400
     * images blurred with sigma 4 stopped after 26 of 60 epochs on a loss spike, the one on sigma 2.5 after 48, and
     * J then fell as the blur grew (docs/user-guide.md, "J at 500 images: a fixed budget").
     */
    FIXED("fixed"),

    /**
     * The preset's recipe as FLD references are trained: a constant rate, stopping after the recipe's patience of
     * validations without improvement. An FLD reference ({@link Fld#train()}) can serve as the real flow
     * ({@link DualFld#realReference(FldReference)}) with this budget, since it was trained this way, and with the
     * preset's logit alpha ({@link DualFld#logitAlpha(double)}), since it was built that way.
     */
    EARLY_STOPPING("early-stopping");

    private final String id;

    DualTrainingBudget(String id) {
        this.id = id;
    }

    /** The name used on command lines and in JSON: {@code fixed} or {@code early-stopping}. */
    public String id() {
        return id;
    }

    /** The budget of this {@link #id()} (or enum name), case-insensitively. */
    public static DualTrainingBudget parse(String name) {
        for (DualTrainingBudget b : values()) {
            if (b.id.equalsIgnoreCase(name) || b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown D-FLD training budget '" + name + "' (known: fixed, early-stopping)");
    }

    /** The trainer options of a flow trained on this budget, from those of the preset's recipe. */
    public TrainerOptions apply(TrainerOptions recipe) {
        if (this == EARLY_STOPPING) {
            return recipe;
        }
        // No validation count can reach this patience: training runs to the cap (or the time budget).
        return recipe.toBuilder().schedule(LearningRateSchedule.COSINE).patience(Integer.MAX_VALUE).build();
    }
}
