package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.output.TextTable;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.cli.published.DownloadRecord;
import org.fld4j.cli.published.DownloadedReferences;
import org.fld4j.metrics.fld.ReferenceFileHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code fld references verify}: hashes every downloaded or built-in reference of the cache again and compares it
 * with the hash it is kept under. Trained references have no recorded hash (they are not published), so they are
 * listed as not checked.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Hash the downloaded and built-in references of the cache again and compare each with the hash"
                + " it was verified against when stored; exit 3 when one differs.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld references verify"})
public final class ReferencesVerifyCommand implements Callable<Integer> {

    @Mixin
    CacheFolderOption cache;

    @Override
    public Integer call() {
        DownloadedReferences downloads = new CachedReferences(cache.folder(), new BuiltinReferences()).downloads();
        TextTable table = new TextTable(List.of("status", "hash", "source"), false, false, false);
        int bad = 0;
        int checked = 0;
        try {
            for (DownloadRecord d : downloads.entries()) {
                String actual = ReferenceFileHash.hexOf(ReferenceFileHash.of(d.file()));
                boolean ok = actual.equals(d.sha256());
                checked++;
                if (!ok) {
                    bad++;
                }
                table.row(ok ? "ok" : "MISMATCH", "sha256:" + d.sha256(), (d.source() == null ? "source not recorded"
                        : d.source()) + (ok ? "" : "; the file hashes to sha256:" + actual));
            }
            for (CachedReference r : new CachedReferences(cache.folder(), new BuiltinReferences()).all()) {
                if (r.kind() == CachedReference.Kind.TRAINED) {
                    table.row("not checked", "sha256:" + r.sha256(), "trained here (no published hash to compare)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference cache " + cache.folder(), e);
        }
        Cli.out().print(table.format(""));
        Cli.out().println(checked + " checked, " + bad + " mismatch" + (bad == 1 ? "" : "es")
                + (bad == 0 ? "" : "; a mismatched file is removed and fetched again on its next use, or remove it now"
                + " with fld references remove HASH"));
        Cli.out().flush();
        return bad == 0 ? 0 : ExitCode.INPUT.status();
    }
}
