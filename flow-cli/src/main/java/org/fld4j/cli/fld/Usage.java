package org.fld4j.cli.fld;

import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;

/** Command-line mistakes found after parsing (exit 2), worded alike. */
final class Usage {

    private Usage() {
    }

    /** E.g. {@code --epochs 0 is not valid: need at least 1}. */
    static CliException invalid(String option, Object value, String need) {
        return new CliException(ExitCode.USAGE, option + " " + value + " is not valid: need " + need);
    }

    /** A usage failure with this message. */
    static CliException error(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
