package org.fld4j.cli.fld;

import java.nio.file.Path;
import org.fld4j.cli.common.Cli;
import picocli.CommandLine.Option;

/** The reference cache a {@code fld references} command looks at ({@code @Mixin}). */
public final class CacheFolderOption {

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "The reference cache (default: the fld4j cache folder's references/, as fld score uses).")
    Path cacheDir;

    /** The folder: {@code --cache-dir}, or the default of {@link ReferenceOptions#cacheDir()}. */
    Path folder() {
        return cacheDir != null ? cacheDir : Cli.cacheHome().resolve("references");
    }
}
