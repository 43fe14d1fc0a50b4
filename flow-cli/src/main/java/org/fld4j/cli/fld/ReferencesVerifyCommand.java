package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.cli.output.TextTable;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.cli.published.DownloadRecord;
import org.fld4j.cli.published.DownloadedReferences;
import org.fld4j.metrics.fld.ReferenceFileHash;
import org.fld4j.references.BuiltinReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fld references verify}: hashes every downloaded or built-in reference of the cache again and compares it
 * with the hash it is kept under, and every built-in reference of flow-references with the hash it was published
 * with. Trained references have no recorded hash (they are not published), so they are listed as not checked.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Hash the downloaded and built-in references of the cache again and compare each with the hash"
                + " it was verified against when stored, and each built-in reference with its published hash; exit 3"
                + " when one differs.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld references verify", "  fld references verify --json"})
public final class ReferencesVerifyCommand implements Callable<Integer> {

    @Mixin
    CacheFolderOption cache;

    @Option(names = "--json", description = "Print the checks as one JSON document (docs/schema); the exit status is"
            + " the same.")
    boolean json;

    /** One row of the check: {@code ok}, {@code mismatch} or {@code not-checked}. */
    private record Check(String status, String hash, String source, String actual) {
    }

    @Override
    public Integer call() {
        CachedReferences cached = new CachedReferences(cache.folder(), new BuiltinReferences());
        DownloadedReferences downloads = cached.downloads();
        List<Check> checks = new ArrayList<>();
        try {
            for (DownloadRecord d : downloads.entries()) {
                String actual = ReferenceFileHash.hexOf(ReferenceFileHash.of(d.file()));
                checks.add(new Check(actual.equals(d.sha256()) ? "ok" : "mismatch", "sha256:" + d.sha256(),
                        d.source(), "sha256:" + actual));
            }
            for (CachedReference r : cached.all()) {
                if (r.kind() == CachedReference.Kind.TRAINED) {
                    checks.add(new Check("not-checked", "sha256:" + r.sha256(), "trained here", null));
                } else {
                    Optional<BuiltinReference> published = r.published();
                    if (published.isPresent()) {
                        String actual = "sha256:" + r.sha256();
                        checks.add(new Check(actual.equals(published.get().contentHash()) ? "ok" : "mismatch",
                                published.get().contentHash(), r.name() + " (published hash)", actual));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference cache " + cache.folder(), e);
        }
        long checked = checks.stream().filter(c -> !c.status().equals("not-checked")).count();
        long bad = checks.stream().filter(c -> c.status().equals("mismatch")).count();
        ResultOutput.print(json, () -> json(checks, checked, bad), () -> human(checks, checked, bad));
        return bad == 0 ? 0 : ExitCode.INPUT.status();
    }

    private static String human(List<Check> checks, long checked, long bad) {
        TextTable table = new TextTable(List.of("status", "hash", "source"), false, false, false);
        for (Check c : checks) {
            String status = switch (c.status()) {
                case "ok" -> "ok";
                case "mismatch" -> "MISMATCH";
                default -> "not checked";
            };
            String source = c.status().equals("not-checked") ? "trained here (no published hash to compare)"
                    : (c.source() == null ? "source not recorded" : c.source())
                    + (c.status().equals("mismatch") ? "; the file hashes to " + c.actual() : "");
            table.row(status, c.hash(), source);
        }
        return table.format("") + checked + " checked, " + bad + " mismatch" + (bad == 1 ? "" : "es")
                + (bad == 0 ? "" : "; a mismatched file is removed and fetched again on its next use, or remove it now"
                + " with fld references remove HASH") + "\n";
    }

    private ObjectNode json(List<Check> checks, long checked, long bad) {
        ObjectNode doc = JsonResults.document("references verify", Provenance.builder().count("checked", checked)
                .count("mismatches", bad).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("cacheFolder", cache.folder().toString());
        result.put("checked", checked);
        result.put("mismatches", bad);
        ArrayNode list = result.putArray("entries");
        for (Check c : checks) {
            ObjectNode node = list.addObject();
            node.put("status", c.status());
            node.put("contentHash", c.hash());
            node.put("source", c.source());
            node.put("actualHash", c.actual());
        }
        return doc;
    }
}
