package org.fld4j.cli.published;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.core.FlowFileLimits;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * References shipped on the class path: {@code builtin:NAME} is the resource {@value #FOLDER}{@code NAME.fld}, and
 * an artifact that ships some lists their names, one a line, in its {@value #INDEX} (every artifact's list is read,
 * so several may ship references). fld4j's own are in flow-references ({@link
 * org.fld4j.references.BuiltinReference}), whose published content hashes are checked here too; with no such
 * artifact on the class path the list is empty. A built-in reference is copied into the downloads folder under its hash before use (the loader reads
 * files), once.
 */
public final class BuiltinReferences {

    /** Where built-in references are on the class path. */
    public static final String FOLDER = "org/fld4j/references/";
    /** The list of names an artifact ships. */
    public static final String INDEX = FOLDER + "references.list";

    private final ClassLoader loader;

    /**
     * The built-in references of the thread's context class loader (the application's class path; a container or a
     * test may set another), or of fld4j's own when the thread has none.
     */
    public BuiltinReferences() {
        this(Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : BuiltinReferences.class.getClassLoader());
    }

    BuiltinReferences(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The names listed by every artifact's index whose resource is there, sorted. */
    public List<String> names() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> indexes = loader.getResources(INDEX);
        while (indexes.hasMoreElements()) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(indexes.nextElement().openStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#") && loader.getResource(resource(name)) != null) {
                        names.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** The bytes of built-in reference {@code name}, to read and close; empty when there is none of that name. */
    public java.util.Optional<InputStream> open(BuiltinName name) {
        return java.util.Optional.ofNullable(loader.getResourceAsStream(resource(name.name())));
    }

    private static String resource(String name) {
        return FOLDER + name + ".fld";
    }

    /**
     * The file of built-in reference {@code name}, copied into {@code downloads} under its hash unless it is kept
     * there already; {@code messages} hears about a kept copy that no longer verified and was removed.
     *
     * @throws IOException naming the built-in references that exist when there is none of that name
     */
    public Path file(BuiltinName name, DownloadedReferences downloads, java.util.function.Consumer<String> messages)
            throws IOException {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource(name.name()))) {
            if (in == null) {
                List<String> known = names();
                throw new IOException(name.text() + " is not a built-in reference; " + (known.isEmpty()
                        ? "there are none on the class path (they come in an artifact of their own, which lists them"
                        + " in " + INDEX + ")" : "the built-in references are: " + String.join(", ", known)));
            }
            long cap = Math.min(Integer.MAX_VALUE - 16L, FldReference.maxFileBytes(FlowFileLimits.fromSystemProperties()));
            bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw new IOException(name.text() + " is larger than the largest reference fld4j reads (" + cap
                        + " bytes)");
            }
        }
        String hex = java.util.HexFormat.of().formatHex(ReferenceFileHash.newDigest().digest(bytes));
        var published = org.fld4j.references.BuiltinReference.byId(name.name());
        if (published.isPresent() && !published.get().contentHash().equals(ReferenceFileHash.PREFIX + hex)) {
            throw new IOException(name.text() + " has content hash " + ReferenceFileHash.PREFIX + hex + ", not the"
                    + " published " + published.get().contentHash() + ": the jar that holds it is damaged or was"
                    + " altered");
        }
        var kept = downloads.verified(hex, messages);
        if (kept.isPresent()) {
            return kept.get();
        }
        Path target = downloads.file(hex);
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, bytes);
        downloads.writeRecord(hex, name.text(), bytes.length);
        return target;
    }
}
