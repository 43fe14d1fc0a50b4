package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.published.BuiltinReferences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code fld references remove}: deletes one reference from the cache. It takes names and hashes of the cache, never
 * paths, so it cannot delete a user's own file; a built-in reference loses only its cached copy.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a reference from the cache, named by its hash or key (a prefix of 8 or more hex"
                + " digits), its URL, or builtin:NAME (its cached copy). Files outside the cache are never touched.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld references remove 3fa9c2"})
public final class ReferencesRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME|HASH", description = "Which cached reference.")
    String what;

    @Mixin
    CacheFolderOption cache;

    @Override
    public Integer call() {
        List<CachedReference> found;
        CachedReferences references = new CachedReferences(cache.folder(), new BuiltinReferences());
        try {
            found = references.matching(what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference cache " + cache.folder(), e);
        }
        if (found.isEmpty()) {
            boolean path = (what.contains("/") || what.contains(java.io.File.separator)) && !what.contains("://");
            throw new CliException(ExitCode.INPUT, path
                    ? what + " is a path: fld references remove deletes only references of the cache (named by hash,"
                    + " key, URL or builtin:NAME); delete your own files yourself"
                    : "no reference of the cache " + cache.folder() + " is named " + what
                    + " (fld references list shows them)");
        }
        if (found.size() > 1) {
            throw ambiguous(what, found);
        }
        CachedReference r = found.get(0);
        if (r.file() == null) {
            throw new CliException(ExitCode.INPUT, r.name() + " is built in and has no copy in the cache to remove");
        }
        try {
            if (r.kind() == CachedReference.Kind.TRAINED) {
                Files.deleteIfExists(r.file());
            } else {
                references.downloads().remove(r.sha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + r.file(), e);
        }
        Cli.out().println("removed " + r.kind().label() + " " + r.name() + " (sha256:" + r.sha256() + ") from "
                + cache.folder());
        Cli.out().flush();
        return 0;
    }

    /** The failure for a name or prefix that matches several references: it lists them. */
    static CliException ambiguous(String what, List<CachedReference> found) {
        StringBuilder names = new StringBuilder();
        for (CachedReference r : found) {
            names.append("\n  ").append(r.kind().label()).append(' ').append(r.name()).append(" sha256:")
                    .append(r.sha256());
        }
        return new CliException(ExitCode.USAGE, what + " names " + found.size() + " references; give more of the"
                + " hash:" + names);
    }
}
