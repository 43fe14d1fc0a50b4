package org.fld4j.cli.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * The folder of the reference cache that keeps published references: {@code <cache>/downloads/<sha256>.fld}, each
 * named by the SHA-256 of its bytes, with {@code <sha256>.json} beside it recording where it came from, its size and
 * when it was stored. A file is only ever stored under its own hash, written atomically ({@link AtomicFiles}), and
 * checked again before each use: one whose bytes no longer hash to its name is removed rather than used.
 */
public final class DownloadedReferences {

    /** The subfolder of the reference cache. */
    public static final String FOLDER = "downloads";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    /** The downloads of the reference cache {@code referenceCache}. */
    public DownloadedReferences(Path referenceCache) {
        this.folder = Objects.requireNonNull(referenceCache, "referenceCache").resolve(FOLDER);
    }

    public Path folder() {
        return folder;
    }

    /** Where the reference of hash {@code sha256} is kept. */
    public Path file(String sha256) {
        return folder.resolve(requireHex(sha256) + ".fld");
    }

    private Path recordFile(String sha256) {
        return folder.resolve(requireHex(sha256) + ".json");
    }

    /**
     * The kept file of {@code sha256} when it is there and its bytes still hash to it. A file that does not (a disk
     * error, an edit) is removed with its record, so that the next use fetches it again; {@code removed} hears why.
     */
    public Optional<Path> verified(String sha256, java.util.function.Consumer<String> removed) throws IOException {
        Path file = file(sha256);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String actual = ReferenceFileHash.hexOf(ReferenceFileHash.of(file));
        if (actual.equals(sha256)) {
            return Optional.of(file);
        }
        remove(sha256);
        removed.accept(file + " hashes to sha256:" + actual + ", not to its name sha256:" + sha256
                + "; removed it");
        return Optional.empty();
    }

    /** Records where the file of {@code sha256} came from (written atomically after the file itself). */
    void writeRecord(String sha256, String source, long bytes) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("sha256", sha256);
        node.put("source", source);
        node.put("bytes", bytes);
        node.put("savedAt", Instant.now().toString());
        AtomicFiles.write(recordFile(sha256), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every kept reference, by hash; those without a readable record have null source and date. */
    public List<DownloadRecord> entries() throws IOException {
        List<DownloadRecord> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.fld")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String hex = name.substring(0, name.length() - ".fld".length());
                if (ReferenceFileHash.isHex(hex) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    all.add(record(hex, file));
                }
            }
        }
        all.sort(java.util.Comparator.comparing(DownloadRecord::sha256));
        return all;
    }

    private DownloadRecord record(String hex, Path file) {
        Path json = recordFile(hex);
        try {
            JsonNode node = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
            return new DownloadRecord(hex, file, node.path("source").asText(null), node.path("bytes").asLong(-1),
                    Instant.parse(node.path("savedAt").asText()));
        } catch (IOException | RuntimeException e) {
            // a missing, partly written or edited record: the file is still listed, without what the record said
            return new DownloadRecord(hex, file, null, -1, null);
        }
    }

    /** Removes the kept reference of {@code sha256} and its record; whether there was a file. */
    public boolean remove(String sha256) throws IOException {
        boolean had = Files.deleteIfExists(file(sha256));
        Files.deleteIfExists(recordFile(sha256));
        return had;
    }

    private static String requireHex(String sha256) {
        if (!ReferenceFileHash.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 hash of 64 lower-case hex digits: " + sha256);
        }
        return sha256;
    }
}
