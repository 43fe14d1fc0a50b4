package org.fld4j.core.train;

/** The optimisers a {@link Trainer} offers. */
public enum Optimizer {
    /** Adam (Kingma and Ba), with L2-free updates. */
    ADAM,
    /** Adam with decoupled weight decay (Loshchilov and Hutter): {@code θ ← θ (1 - lr λ)} before each step. */
    ADAMW
}
