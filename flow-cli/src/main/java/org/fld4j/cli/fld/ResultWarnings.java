package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fld4j.cli.common.Cli;
import org.fld4j.metrics.fld.ScoreWarning;

/**
 * A result's warnings on stderr ({@code warning: MESSAGE [CODE]}, unless {@code --quiet}) and in its JSON
 * ({@code "warnings": [{"code": ..., "message": ...}]}), so that neither a person nor a program reads a score
 * without them.
 */
final class ResultWarnings {

    private ResultWarnings() {
    }

    /** Says each warning on stderr. */
    static void print(List<ScoreWarning> warnings) {
        for (ScoreWarning w : warnings) {
            Cli.message(line(w));
        }
    }

    /** E.g. {@code warning: only 3 generated images: ... [SMALL_GENERATED_SET]}. */
    static String line(ScoreWarning w) {
        return "warning: " + w.message() + " [" + w.code() + "]";
    }

    /** Puts {@code "warnings"} into {@code result}: every warning, in order, as {code, message}. */
    static void json(ObjectNode result, List<ScoreWarning> warnings) {
        ArrayNode array = result.putArray("warnings");
        for (ScoreWarning w : warnings) {
            array.addObject().put("code", w.code()).put("message", w.message());
        }
    }
}
