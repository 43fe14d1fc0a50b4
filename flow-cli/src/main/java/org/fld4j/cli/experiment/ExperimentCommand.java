package org.fld4j.cli.experiment;

import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code fld experiment}: the group of experiments; alone it prints its usage. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run one of fld4j's likelihood experiments and write its results into a folder.",
        subcommands = {GaussianExperimentCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  fld experiment gaussian --dims 2,8 --samples 2000 --out lab/"})
public final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err());
        return ExitCode.USAGE.status();
    }
}
