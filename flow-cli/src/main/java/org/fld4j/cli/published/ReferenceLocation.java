package org.fld4j.cli.published;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * Where {@code --ref} points: a file ({@link LocalReference}), an https URL with its pin ({@link PinnedUrl}), or a
 * built-in reference ({@link BuiltinName}).
 */
public sealed interface ReferenceLocation permits LocalReference, PinnedUrl, BuiltinName {

    /** How the location was written, e.g. {@code https://example.org/cifar10.fld#sha256=...}. */
    String text();

    /** Host names plain http may name: this machine, which no one else can be in the middle of. */
    Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /**
     * Reads a location: {@code builtin:NAME}, {@code https://...#sha256=<64 hex>}, {@code http://127.0.0.1...} or
     * {@code http://localhost...} (pinned too), or else a file path.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it: an https URL without a pin, plain
     *                                  http to another machine, another scheme, a malformed name
     */
    static ReferenceLocation parse(String text) {
        String value = text.strip();
        if (value.regionMatches(true, 0, BuiltinName.PREFIX, 0, BuiltinName.PREFIX.length())) {
            return new BuiltinName(value.substring(BuiltinName.PREFIX.length()));
        }
        if (Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://").matcher(value).find()) {
            return url(value);
        }
        try {
            return new LocalReference(Path.of(value));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a file path: " + e.getMessage(), e);
        }
    }

    private static PinnedUrl url(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("'" + value + "': plain http is refused (anyone on the way could"
                    + " change or watch the download); use https, or http only to 127.0.0.1 or localhost");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + value + "': " + scheme + " URLs are not supported; a reference"
                    + " URL is https://HOST/PATH#sha256=<64 hex digits>");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' names no host");
        }
        String fragment = uri.getRawFragment();
        if (fragment == null || !fragment.regionMatches(true, 0, "sha256=", 0, 7)) {
            throw new IllegalArgumentException("'" + value + "' has no pin: add #sha256=<64 hex digits>, the"
                    + " reference's content hash as its publisher gives it (fld info shows it), so that the file is"
                    + " checked before use");
        }
        String hex = fragment.substring(7).toLowerCase(Locale.ROOT);
        if (!ReferenceFileHash.isHex(hex)) {
            throw new IllegalArgumentException("'" + value + "': the pin '" + fragment.substring(7) + "' is not a"
                    + " SHA-256 hash (64 hex digits)");
        }
        URI download;
        try {
            download = new URI(value.substring(0, value.indexOf('#')));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid URL: " + e.getMessage(), e);
        }
        return new PinnedUrl(value, download, hex);
    }
}
