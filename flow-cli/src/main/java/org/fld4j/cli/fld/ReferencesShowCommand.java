package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.cli.published.LocalReference;
import org.fld4j.cli.published.ReferenceLocation;
import org.fld4j.metrics.fld.FldReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld references show}: the card of a cached, built-in or saved reference, as {@code fld info} shows it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a reference's card: a cached one by its hash or key (a prefix of 8 or more hex digits),"
                + " a downloaded one by its URL, builtin:NAME, or a reference file by its path.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld references show builtin:fashion-mnist", "  fld references show 3fa9c2"})
public final class ReferencesShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME|HASH|PATH", description = "Which reference.")
    String what;

    @Option(names = "--json", description = "Print the result as one JSON document (docs/schema), as fld info does.")
    boolean json;

    @Mixin
    CacheFolderOption cache;

    @Override
    public Integer call() {
        Path file = file();
        FldReference reference = ReferenceResolver.load(file).reference();
        ResultOutput.print(json, () -> InfoReport.json(reference, file), () -> InfoReport.human(reference, file));
        return 0;
    }

    private Path file() {
        try {
            Path asPath = Path.of(what);
            if (Files.isRegularFile(asPath)) {
                return asPath;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: a hash, a key, a URL or a built-in name
        }
        List<CachedReference> found;
        try {
            found = new CachedReferences(cache.folder(), new BuiltinReferences()).matching(what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference cache " + cache.folder(), e);
        }
        if (found.size() > 1) {
            throw ReferencesRemoveCommand.ambiguous(what, found);
        }
        if (found.size() == 1 && found.get(0).file() != null) {
            return found.get(0).file();
        }
        ReferenceLocation location;
        try {
            location = ReferenceLocation.parse(what);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        if (location instanceof LocalReference) {
            throw new CliException(ExitCode.INPUT, what + " is neither a file nor a reference of the cache "
                    + cache.folder() + " (fld references list shows them) nor a built-in one");
        }
        // a built-in reference not yet copied, or a URL: fetched into the cache as fld score would
        return ReferenceResolver.file(location, cache.folder());
    }
}
