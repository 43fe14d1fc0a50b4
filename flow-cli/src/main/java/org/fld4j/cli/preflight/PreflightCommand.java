package org.fld4j.cli.preflight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld preflight SET...}: what image sets hold, from headers only. */
@Command(name = "preflight", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise image sets from their file headers, without training.",
            "Reads every image's header, never its pixels: counts, formats, sizes, gray/colour, alpha and 16-bit"
                + " counts, and every file that cannot be used.",
            "Problem files are reported, not fatal; the summary says which sets would fail to read under"
                    + " --on-error fail.",
            "Exit status: 0 when every set could be listed; 3 when a set cannot be listed at all (missing, empty,"
                    + " or not images); 2 for a wrong command line."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld preflight real/ generated/", "  fld preflight generated/ --json"})
public final class PreflightCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SET",
            description = "Image sets: folders, IDX, NPY, NPZ[:entry] or CIFAR .bin files.")
    List<String> sets;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        List<ScannedSet> scanned = PreflightScan.scan(sets, input);
        if (json) {
            long listed = scanned.stream().mapToLong(s -> s.summary().listed()).sum();
            long problems = scanned.stream().mapToLong(s -> s.summary().problems().size()).sum();
            ObjectNode doc = JsonResults.document("preflight", Provenance.builder().count("listed", listed)
                    .count("problems", problems).option("onError", input.policy().name().toLowerCase(Locale.ROOT))
                    .build());
            PreflightJson.fill((ObjectNode) doc.get("result"), scanned, input.policy());
            JsonResults.print(doc);
        } else {
            Cli.out().print(PreflightText.format(scanned, input.policy()));
        }
        return ExitCode.OK.status();
    }
}
