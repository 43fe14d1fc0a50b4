package org.fld4j.cli.preflight;

import java.util.Objects;
import org.fld4j.io.preflight.PreflightSummary;

/**
 * One image set as the user named it and what its headers say.
 *
 * @param spec    the set as given on the command line
 * @param summary the pre-flight summary of its images
 */
public record ScannedSet(String spec, PreflightSummary summary) {

    public ScannedSet {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether reading the set under {@code --on-error fail} would stop at a bad input. */
    public boolean failsUnderOnErrorFail() {
        return !summary.problems().isEmpty();
    }
}
