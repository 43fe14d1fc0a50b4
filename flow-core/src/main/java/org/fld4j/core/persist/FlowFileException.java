package org.fld4j.core.persist;

import java.nio.file.Path;

/** A flow file that cannot be read: not a flow file, corrupt, truncated, too large, or from a newer format. */
public final class FlowFileException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    public FlowFileException(Path file, String problem) {
        this(String.valueOf(file), problem);
    }

    public FlowFileException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    /**
     * @param source what was read, as users know it: a file name, or a file and the entry inside it that holds the
     *               flow (e.g. {@code ref.fld (entry flow.fld4j)})
     */
    public FlowFileException(String source, String problem) {
        super(source + ": " + problem);
    }

    public FlowFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
