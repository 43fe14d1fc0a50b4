package org.fld4j.cli.published;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A reference file named by its path.
 *
 * @param path the file
 */
public record LocalReference(Path path) implements ReferenceLocation {

    public LocalReference {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
        return path.toString();
    }
}
