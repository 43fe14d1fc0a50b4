package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fld4j.metrics.fld.FldReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld info}: what a saved reference holds. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show what a saved FLD reference holds: its flow, the real images it was trained on, its"
                + " options and how it was trained.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld info ref.fld", "  fld info ref.fld --json"})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A reference saved by fld train.")
    Path file;

    @Option(names = "--json", description = "Print the result as one JSON document (docs/schema).")
    boolean json;

    @Override
    public Integer call() {
        FldReference reference = ReferenceResolver.load(file).reference();
        ResultOutput.print(json, () -> InfoReport.json(reference, file), () -> InfoReport.human(reference, file));
        return 0;
    }
}
