package org.fld4j.cli.fld;

import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code fld import}: the group of importers of flows trained by other software; alone it prints its usage. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a flow trained by other software as an fld4j flow file or reference.",
        subcommands = {ImportTorchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  fld import torch flow.npz --out flow.fld"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err());
        return ExitCode.USAGE.status();
    }
}
