package org.fld4j.core.train;

/** Why training ended. */
public enum StopReason {
    /** The epoch cap was reached. */
    MAX_EPOCHS,
    /** Validation did not improve for {@code patience} validations. */
    EARLY_STOPPING,
    /** The wall-clock budget ran out. */
    TIME_BUDGET
}
