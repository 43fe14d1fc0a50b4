package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One reference {@code fld references} knows: trained and cached by a score, downloaded from a pinned URL, or built
 * in.
 *
 * @param kind   where it came from
 * @param name   the cache key of a trained one, the URL of a download, {@code builtin:NAME} of a built-in one
 * @param sha256 the hash it is kept under (downloads) or its file's hash now (trained, built in): 64 hex digits
 * @param file   the file; null for a built-in reference not yet copied into the cache
 * @param bytes  its size
 * @param date   when it was stored; null when not known (built in)
 */
record CachedReference(Kind kind, String name, String sha256, Path file, long bytes, Instant date) {

    /** Where a listed reference came from. */
    enum Kind {
        /** Trained by a score on real images and cached under the key of (real set, options, preprocessing). */
        TRAINED,
        /** Downloaded from a pinned URL, kept under its hash. */
        DOWNLOADED,
        /** Shipped on the class path. */
        BUILTIN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    CachedReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * For a built-in reference that fld4j publishes (flow-references), that reference with its published hash; empty
     * for other kinds and for another artifact's built-in references.
     */
    java.util.Optional<org.fld4j.references.BuiltinReference> published() {
        if (kind != Kind.BUILTIN || !name.startsWith(org.fld4j.cli.published.BuiltinName.PREFIX)) {
            return java.util.Optional.empty();
        }
        return org.fld4j.references.BuiltinReference.byId(name.substring(
                org.fld4j.cli.published.BuiltinName.PREFIX.length()));
    }
}
