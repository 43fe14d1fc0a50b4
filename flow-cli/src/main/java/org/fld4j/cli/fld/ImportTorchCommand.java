package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Inputs;
import org.fld4j.core.Flow;
import org.fld4j.io.ImageSource;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.RealSetDescription;
import org.fld4j.metrics.fld.ReferenceCard;
import org.fld4j.metrics.interop.TorchFlows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fld import torch}: FLD's PyTorch image flow (the NPZ + JSON pair of {@code interop/fld4j_torch.py}) as an
 * fld4j flow file, or, given held-out real images, as a reference that {@code fld score --ref} takes.
 */
@Command(name = "torch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import FLD's PyTorch ImageFlow, exported by interop/fld4j_torch.py as NAME.npz + NAME.json.",
            "Without --held-out, --out is an fld4j flow file (Flow.load). With --held-out, --out is a reference for"
                + " fld score --ref: the flow plus the log-likelihoods of real images it was NOT trained on."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld import torch flow.npz --out flow.fld", "  fld import torch flow.npz --held-out real/ --out ref.fld"})
public final class ImportTorchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "NAME.npz (NAME.json must lie beside it).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Where to save the flow or reference.")
    Path out;

    @Option(names = "--held-out", paramLabel = "REAL",
            description = "Real images the flow was not trained on (a folder, an IDX, NPY, NPZ or CIFAR .bin file):"
                    + " --out becomes a reference.")
    String heldOut;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "With --held-out: what the real images are (data set, split, count), recorded on the"
                    + " reference's card with the recipe below; one line, at most 1000 characters.")
    String description;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "With --description: the optimiser that trained the flow in PyTorch, e.g. adam.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "With --description: the peak learning rate it trained at, e.g. 0.001.")
    Double learningRate;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws IOException {
        List<String> read = new ArrayList<>(List.of(file.toString()));
        if (heldOut != null) {
            read.add(heldOut);
        }
        OutputFiles.checkTarget(out, "--out", force, read);
        if (heldOut == null && (description != null || optimizer != null || learningRate != null)) {
            throw new CliException(ExitCode.USAGE, "--description, --optimizer and --learning-rate describe a"
                    + " reference: they need --held-out");
        }
        card(); // checks the card's options before the import's work
        Flow flow = TorchFlows.importFlow(file);
        if (heldOut == null) {
            flow.save(out);
            Cli.message("saved the flow (" + flow.parameterCount() + " parameters) to " + out);
            return 0;
        }
        ImageSource source = Inputs.open(heldOut, inputs);
        Fld fld = Fld.using(flow, source, FldOptions.defaults(), card());
        fld.save(out);
        Cli.message("saved the reference (" + flow.parameterCount() + " parameters, " + source.size()
                + " held-out images) to " + out);
        return 0;
    }

    /**
     * The card of the imported reference: none without {@code --description}; with it, the description, the held-out
     * images' preprocessing and the PyTorch recipe, and no ND4J or Java version (the flow was not trained by fld4j).
     */
    private ReferenceCard card() {
        if (description == null) {
            if (optimizer != null || learningRate != null) {
                throw new CliException(ExitCode.USAGE, "--optimizer and --learning-rate go on a card: give"
                        + " --description too");
            }
            return null;
        }
        if (optimizer == null || learningRate == null) {
            throw new CliException(ExitCode.USAGE, "a reference card records the training recipe: give --optimizer"
                    + " and --learning-rate with --description (as the PyTorch training used them)");
        }
        try {
            return new ReferenceCard(new RealSetDescription(description, inputs.preprocessing()), optimizer,
                    learningRate, TRAINED_ELSEWHERE, TRAINED_ELSEWHERE);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** What the card's ND4J and Java versions say of a flow trained in PyTorch. */
    static final String TRAINED_ELSEWHERE = "none (trained in PyTorch, imported)";
}
