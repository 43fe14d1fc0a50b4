package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.JsonResults;

/** Prints a command's result on stdout: the JSON document under {@code --json}, else the human text. */
final class ResultOutput {

    private ResultOutput() {
    }

    static void print(boolean json, Supplier<ObjectNode> document, Supplier<String> human) {
        if (json) {
            JsonResults.print(document.get());
        } else {
            Cli.out().print(human.get());
            Cli.out().flush();
        }
    }
}
