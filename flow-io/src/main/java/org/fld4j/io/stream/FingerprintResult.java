package org.fld4j.io.stream;

import java.util.Objects;
import org.fld4j.io.InputReport;

/**
 * A fingerprint together with the report of the read that produced it, so that a fingerprint taken while images
 * were skipped is never mistaken for one over the whole source.
 *
 * @param fingerprint the fingerprint
 * @param report      what the read skipped, ignored and converted
 */
public record FingerprintResult(SourceFingerprint fingerprint, InputReport report) {

    /** Validates presence. */
    public FingerprintResult {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(report, "report");
    }
}
