package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.Objects;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;

/**
 * The reference a command scores against, and where it came from.
 *
 * @param fld      the FLD, its reference flow trained
 * @param origin   loaded from {@code --ref}, found in the cache, or trained in this run
 * @param file     the reference file it was loaded from or cached in; null when it was trained and not cached
 * @param training how it was trained in this run; null unless {@code origin} is {@link Origin#TRAINED}
 * @param real     the real images, preprocessed; null with {@code --ref}
 * @param realRead the read that fingerprinted the real images (what it skipped); null with {@code --ref}
 */
public record ResolvedReference(Fld fld, Origin origin, Path file, TrainingRun training, ImageSource real,
                                FingerprintResult realRead) {

    /** Where a reference came from. */
    public enum Origin {
        /** A saved reference named with {@code --ref}. */
        LOADED,
        /** Trained on the same real images with the same options by an earlier run, read from the cache. */
        CACHED,
        /** Trained in this run. */
        TRAINED
    }

    public ResolvedReference {
        Objects.requireNonNull(fld, "fld");
        Objects.requireNonNull(origin, "origin");
    }

    /** The trained reference. */
    public FldReference reference() {
        return fld.reference();
    }

    /** The same reference scored with another bootstrap (null values keep the reference's own). */
    public ResolvedReference withInterval(Integer resamples, Double confidence) {
        if (resamples == null && confidence == null) {
            return this;
        }
        Fld changed = fld.interval(resamples != null ? resamples : fld.options().bootstrapResamples(),
                confidence != null ? confidence : fld.options().confidence());
        return new ResolvedReference(changed, origin, file, training, real, realRead);
    }
}
