package org.fld4j.metrics.gaussian.lab;

/** The phases the Gaussian lab goes through for each dimension, in order. */
public enum LabPhase {
    /** Drawing p, the outlier base Gaussian, the perturbation and the training samples. */
    GENERATING,
    /** Training the flow on samples of p. */
    TRAINING,
    /** Scoring the reference set and fitting the likelihood bounds. */
    REFERENCE,
    /** Scoring the test sets, one cell after the other. */
    CELLS
}
