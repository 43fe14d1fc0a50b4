package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.cli.output.TextTable;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fld references list}: every cached and built-in reference with its hash, size, date and card summary. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the cached and built-in references: kind, name or URL, hash, size, date and what the"
                + " card says.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld references list", "  fld references list --json"})
public final class ReferencesListCommand implements Callable<Integer> {

    /** The hex digits of a hash the list shows; {@code fld references show} takes them and prints the whole. */
    static final int SHORT_HASH = 12;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Mixin
    CacheFolderOption cache;

    @Option(names = "--json", description = "Print the list as one JSON document (docs/schema): whole hashes,"
            + " sizes in bytes, ISO dates.")
    boolean json;

    @Override
    public Integer call() {
        List<CachedReference> all;
        try {
            all = new CachedReferences(cache.folder(), new BuiltinReferences()).all();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the reference cache " + cache.folder(), e);
        }
        ResultOutput.print(json, () -> json(all), () -> human(all));
        return 0;
    }

    private String human(List<CachedReference> all) {
        if (all.isEmpty()) {
            return "no references in " + cache.folder() + " and none built in\n";
        }
        TextTable table = new TextTable(List.of("kind", "name", "hash", "size", "date (UTC)", "card"), false, false,
                false, true, false, false);
        for (CachedReference r : all) {
            table.row(r.kind().label(), r.name(), "sha256:" + r.sha256().substring(0, SHORT_HASH),
                    String.format(Locale.ROOT, "%,d B", r.bytes()), r.date() == null ? "-" : DATE.format(r.date()),
                    summary(r));
        }
        return table.format("");
    }

    private ObjectNode json(List<CachedReference> all) {
        ObjectNode doc = JsonResults.document("references list", Provenance.builder()
                .count("references", all.size()).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("cacheFolder", cache.folder().toString());
        ArrayNode list = result.putArray("references");
        for (CachedReference r : all) {
            ObjectNode node = list.addObject();
            node.put("kind", r.kind().label());
            node.put("name", r.name());
            node.put("contentHash", "sha256:" + r.sha256());
            node.put("bytes", r.bytes());
            node.put("date", r.date() == null ? null : r.date().toString());
            node.put("file", r.file() == null ? null : r.file().toString());
            describe(r, node.putObject("card"));
        }
        return doc;
    }

    /**
     * The reference behind a listed entry: its file, or for a built-in one not yet copied into the cache, fld4j's own
     * published copy; null for another artifact's built-in reference not yet copied (it is read on first use).
     */
    private static FldReference load(CachedReference entry) throws IOException {
        if (entry.file() != null) {
            return Fld.load(entry.file()).reference();
        }
        var published = entry.published();
        return published.isPresent() ? published.get().load().reference() : null;
    }

    /** What {@link #summary} says, as fields: preset, image shape, held-out bpd and description, or why not. */
    private static void describe(CachedReference entry, ObjectNode node) {
        node.putNull("preset");
        node.putNull("imageShape");
        node.putNull("heldOutBitsPerDim");
        node.putNull("description");
        node.putNull("unreadable");
        try {
            FldReference r = load(entry);
            if (r == null) {
                return;
            }
            node.put("preset", r.options().preset().id());
            ArrayNode shape = node.putArray("imageShape");
            for (long d : r.imageShape()) {
                shape.add(d);
            }
            node.put("heldOutBitsPerDim", JsonResults.finite(r.heldOutBitsPerDim()));
            node.put("description", r.card().map(c -> c.realSet().text()).orElse(null));
        } catch (IOException | RuntimeException e) {
            node.put("unreadable", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** E.g. {@code small 1x8x8, bpd 5.1234, "CIFAR-10 train"}; a file that does not load says why. */
    static String summary(CachedReference entry) {
        try {
            FldReference r = load(entry);
            if (r == null) {
                return "(built in, not copied to the cache yet; fld references show reads it)";
            }
            long[] s = r.imageShape();
            String description = r.card().map(c -> c.realSet().text().isEmpty() ? "no description"
                    : "\"" + c.realSet().text() + "\"").orElse("no card");
            return String.format(Locale.ROOT, "%s %dx%dx%d, bpd %s, %s", r.options().preset().id(), s[0], s[1], s[2],
                    Formats.number(r.heldOutBitsPerDim()), description);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "unreadable: " + why.replace('\n', ' ');
        }
    }
}
