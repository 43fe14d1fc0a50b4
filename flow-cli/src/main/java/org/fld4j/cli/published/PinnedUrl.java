package org.fld4j.cli.published;

import java.net.URI;
import java.util.Objects;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * A reference published at a URL, pinned by the SHA-256 of its file: what is downloaded is used only when its hash
 * is the pin, so the URL's server (or anyone between) cannot hand over another reference.
 *
 * @param text     the URL as given, pin included
 * @param download the URL fetched: the given one without its {@code #sha256=} fragment
 * @param sha256   the pin: 64 lower-case hex digits
 */
public record PinnedUrl(String text, URI download, String sha256) implements ReferenceLocation {

    public PinnedUrl {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(download, "download");
        if (!ReferenceFileHash.isHex(sha256)) {
            throw new IllegalArgumentException("the pin of " + text + " is not 64 lower-case hex digits: " + sha256);
        }
    }
}
