package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Inputs;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.RealSetDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld train}: trains a reference flow on real images and saves it for {@code fld score --ref}. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an FLD reference flow on real images (a share held out) and save it.",
        footerHeading = "%nExamples:%n",
        footer = {"  fld train real/ --out ref.fld --preset fld-paper --time-budget 2h", "  fld train train-images.gz --out fmnist.fld --epochs 50 --seed 1 --json"})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REAL",
            description = "The real images: a folder, an IDX, NPY, NPZ or CIFAR .bin file.")
    String real;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the reference.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "What the real images are (data set, version, split), recorded on the reference's card;"
                    + " one line, at most " + RealSetDescription.MAX_TEXT_CHARS + " characters.")
    String description;

    @Option(names = "--json", description = "Print the result as one JSON document (docs/schema).")
    boolean json;

    @Mixin
    TrainingOptions training;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() {
        FldOptions options = training.fldOptions();
        RealSetDescription realSet;
        try {
            realSet = new RealSetDescription(description == null ? "" : description.strip(), inputs.preprocessing());
        } catch (IllegalArgumentException e) {
            throw Usage.error("--description: " + e.getMessage());
        }
        OutputFiles.checkTarget(out, "--out", force, List.of(real));
        ImageSource source = Inputs.open(real, inputs);
        FingerprintResult read = ImageSets.fingerprint(source, real, "real");
        ReferenceTrainer.Trained trained = ReferenceTrainer.train(source, options, realSet);
        try {
            trained.fld().save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the reference to " + out, e);
        }
        Cli.message("saved the reference to " + out);
        ResultOutput.print(json, () -> TrainReport.json(trained, out, read, inputs),
                () -> TrainReport.human(trained, out, read));
        return 0;
    }
}
