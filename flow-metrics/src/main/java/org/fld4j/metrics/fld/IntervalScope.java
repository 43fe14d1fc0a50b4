package org.fld4j.metrics.fld;

/** What randomness an FLD interval (or a D-FLD one, {@link DualFldScore#intervalScope()}) accounts for. */
public enum IntervalScope {

    /**
     * The sampling of the images alone (held-out real and generated images resampled), for one reference flow: it
     * says how much the score would move with other images under this very flow, not with another training of it.
     */
    IMAGES("images only (one reference flow)"),

    /**
     * The sampling of the generated images and the spread between K reference flows trained with different seeds on
     * different held-out splits, which holds both the randomness of training and that of each flow's R_test. For
     * D-FLD and J: the spread between K pairs of flows, each pair with its own seeds and held-out images.
     */
    IMAGES_AND_TRAINING("images and reference training");

    private final String description;

    IntervalScope(String description) {
        this.description = description;
    }

    /** E.g. {@code images and reference training}, for reports. */
    public String description() {
        return description;
    }
}
