package org.fld4j.core.persist;

import java.io.IOException;
import java.nio.file.Path;

/** A flow file that cannot be read: not a flow file, corrupt, truncated, or from a newer format. */
public final class FlowFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public FlowFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public FlowFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
