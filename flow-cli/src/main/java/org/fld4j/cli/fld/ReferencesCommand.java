package org.fld4j.cli.fld;

import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code fld references}: the group of commands on cached and built-in references; alone it prints its usage. */
@Command(name = "references", mixinStandardHelpOptions = true,
        description = "List, show, verify and remove the references of the cache: trained by fld score, downloaded"
                + " from pinned URLs, and built in.",
        subcommands = {ReferencesListCommand.class, ReferencesShowCommand.class, ReferencesVerifyCommand.class,
                ReferencesRemoveCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  fld references list", "  fld references verify"})
public final class ReferencesCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err());
        return ExitCode.USAGE.status();
    }
}
