package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.fld4j.cli.published.BuiltinName;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.cli.published.DownloadRecord;
import org.fld4j.cli.published.DownloadedReferences;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * The references of a cache folder and of the class path, as {@code fld references} lists and finds them: trained
 * ones ({@code <key>.fld} at the top of the folder), downloaded ones ({@link DownloadedReferences}) and built-in ones
 * ({@link BuiltinReferences}; a built-in one already copied into the downloads is listed once, as built in).
 */
final class CachedReferences {

    /** The shortest hash or key prefix that names an entry: as many hex digits as git's short hashes and more. */
    static final int MIN_PREFIX = 8;

    private final ReferenceCache trained;
    private final DownloadedReferences downloads;
    private final BuiltinReferences builtins;

    CachedReferences(Path cacheFolder, BuiltinReferences builtins) {
        this.trained = new ReferenceCache(cacheFolder);
        this.downloads = new DownloadedReferences(cacheFolder);
        this.builtins = builtins;
    }

    DownloadedReferences downloads() {
        return downloads;
    }

    BuiltinReferences builtins() {
        return builtins;
    }

    /** Built-in, then downloaded, then trained references, each group in name order. */
    List<CachedReference> all() throws IOException {
        List<CachedReference> all = new ArrayList<>();
        Set<String> builtinNames = new TreeSet<>();
        for (String name : builtins.names()) {
            builtinNames.add(BuiltinName.PREFIX + name);
            all.add(builtin(name));
        }
        for (DownloadRecord d : downloads.entries()) {
            if (d.source() != null && builtinNames.contains(d.source())) {
                continue;
            }
            all.add(new CachedReference(CachedReference.Kind.DOWNLOADED, d.source() == null ? "(source not recorded)"
                    : d.source(), d.sha256(), d.file(), Files.size(d.file()), d.savedAt()));
        }
        for (Path file : trainedFiles()) {
            String name = file.getFileName().toString();
            all.add(new CachedReference(CachedReference.Kind.TRAINED, name.substring(0, name.length() - 4),
                    ReferenceFileHash.hexOf(ReferenceFileHash.of(file)), file, Files.size(file),
                    Files.getLastModifiedTime(file).toInstant()));
        }
        return all;
    }

    private CachedReference builtin(String name) throws IOException {
        BuiltinName builtin = new BuiltinName(name);
        var digest = ReferenceFileHash.newDigest();
        long bytes = 0;
        try (InputStream in = builtins.open(builtin).orElseThrow(() -> new IOException(builtin.text()
                + " is listed but its resource is gone"))) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        Path kept = downloads.file(hex);
        return new CachedReference(CachedReference.Kind.BUILTIN, builtin.text(), hex,
                Files.isRegularFile(kept) ? kept : null, bytes, null);
    }

    /** The trained references: files named {@code <64 hex>.fld} at the top of the cache folder. */
    private List<Path> trainedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(trained.folder())) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(trained.folder(), "*.fld")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (ReferenceFileHash.isHex(name.substring(0, name.length() - 4))
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * The entries {@code what} names: a URL or {@code builtin:NAME} (its name), or a hash or trained key written
     * in full or by a prefix of at least {@value #MIN_PREFIX} hex digits, with or without {@code sha256:}.
     */
    List<CachedReference> matching(String what) throws IOException {
        String given = what.strip();
        List<CachedReference> found = new ArrayList<>();
        String hex = given.regionMatches(true, 0, ReferenceFileHash.PREFIX, 0, ReferenceFileHash.PREFIX.length())
                ? given.substring(ReferenceFileHash.PREFIX.length()) : given;
        hex = hex.toLowerCase(Locale.ROOT);
        boolean prefix = hex.length() >= MIN_PREFIX && hex.length() <= 64 && hex.chars().allMatch(
                c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        for (CachedReference r : all()) {
            boolean byName = r.name().equals(given) || (r.kind() == CachedReference.Kind.BUILTIN
                    && r.name().equals(BuiltinName.PREFIX + given));
            boolean byHash = prefix && (r.sha256().startsWith(hex)
                    || (r.kind() == CachedReference.Kind.TRAINED && r.name().startsWith(hex)));
            if (byName || byHash) {
                found.add(r);
            }
        }
        return found;
    }
}
