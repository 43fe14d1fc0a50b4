package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.DualTrainingBudget;
import org.fld4j.metrics.fld.ScoreWarning;
import org.fld4j.metrics.memorization.CopyCheck;
import org.fld4j.metrics.memorization.MemorizationOptions;
import org.fld4j.metrics.memorization.MemorizationResult;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.InvalidLikelihoodException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld score}: FLD (or, with {@code --dual}, D-FLD and J) of generated images against real ones. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"FLD of generated images against real ones (D-FLD and J with --dual).",
                "FLD: how likely the generated images are under a flow trained on the real images, against held-out"
                        + " real images (0: as likely; above 0: less likely). The reference flow is trained on REAL"
                        + " once and cached, or read from --ref FILE (fld train)."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld score real/ generated/", "  fld score --ref ref.fld generated/ --per-image scores.csv --json", "  fld score real/ generated/ --flows 5"})
public final class ScoreCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "IMAGES",
            description = "REAL GEN: the real and the generated images; or GEN alone with --ref. Folders, IDX, NPY,"
                    + " NPZ or CIFAR .bin files.")
    List<String> images = new ArrayList<>();

    @Option(names = "--dual", description = "D-FLD and J instead of FLD: also trains a flow on GEN (needs REAL).")
    boolean dual;

    @Option(names = "--generated-preset", paramLabel = "fld-paper|glow|small",
            converter = TrainingOptions.PresetConverter.class,
            description = "With --dual: the preset of the flow trained on GEN (default: the reference's).")
    ImagePreset generatedPreset;

    @Option(names = "--no-size-match", description = "With --dual: train the real flow on all the real images even"
            + " when GEN is smaller. By default both flows train on as many images (the larger set is subsampled),"
            + " since a flow learns a larger set better and D-FLD would measure that too.")
    boolean noSizeMatch;

    @Option(names = "--dual-early-stopping", description = "With --dual: train both flows as FLD references are trained"
            + " (stopping when validation stops improving), and let the cached reference serve as the real flow. By"
            + " default both train for all --epochs with a cosine-annealed learning rate, so that every generated set's"
            + " flow gets the same training (J depends on how long its flow trained).")
    boolean dualEarlyStopping;

    @Option(names = "--no-memorization", description = "Skip the copy check. By default, when REAL is given, every"
            + " generated image's distance to its nearest training image of the reference is compared with the"
            + " held-out real images' (a model that copies its training images gets FLD below 0).")
    boolean noMemorization;

    @Option(names = "--per-image", paramLabel = "FILE",
            description = "Write every generated image's score to FILE as CSV (index,name,log_likelihood,bits_per_dim).")
    Path perImage;

    @Option(names = "--force", description = "Replace an existing --per-image file.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON document (docs/schema).")
    boolean json;

    @Mixin
    SparkOptions spark;

    @Mixin
    IntervalOptions interval;

    @Mixin
    ReferenceOptions reference;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() {
        ImageArguments args = reference.arguments(images, Set.of());
        checkOptions(args);
        ScoringInputs in = ScoringInputs.prepare(reference, args, inputs, interval.bootstrap, interval.confidence);
        if (dual) {
            FldOptions generatedOptions = DualScoring.generatedOptions(in.reference().fld().options(), generatedPreset);
            DualFldScore score;
            try {
                score = DualScoring.score(in, generatedOptions, !noSizeMatch, budget());
            } catch (InvalidLikelihoodException e) {
                throw ReferenceResolver.brokenReference(in.reference(), e);
            }
            ResultWarnings.print(score.scoreWarnings());
            ResultOutput.print(json, () -> DualScoreReport.json(in, score, generatedOptions.preset(), budget(), inputs),
                    () -> DualScoreReport.human(in, score, generatedOptions.preset(), budget()));
            return 0;
        }
        FldScore score;
        org.fld4j.spark.SparkRun run = null;
        try {
            if (spark.enabled()) {
                try (SparkScoring session = spark.start("fld score " + in.generatedSpec())) {
                    org.fld4j.spark.SparkFldScore distributed = session.score(in.reference().reference(),
                            in.generated(), in.generatedSpec(), inputs);
                    score = distributed.score();
                    run = distributed.run();
                }
            } else {
                score = FldScoring.score(in.reference().fld(), in.generated(), in.generatedSpec());
            }
        } catch (InvalidLikelihoodException e) {
            throw ReferenceResolver.brokenReference(in.reference(), e);
        }
        org.fld4j.spark.SparkRun sparkRun = run;
        MemorizationResult copies = memorization(in);
        List<ScoreWarning> warnings = FldScoreReport.scoreWarnings(score, copies);
        ResultWarnings.print(warnings);
        if (perImage != null) {
            try {
                OutputFiles.writeAtomically(perImage, PerImageCsv.format(score.perImage(), copies));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + perImage, e);
            }
            Cli.message("per-image scores: " + perImage);
        }
        ResultOutput.print(json, () -> FldScoreReport.json(in, score, copies, perImage, inputs, sparkRun),
                () -> FldScoreReport.human(in, score, copies, perImage, sparkRun));
        return 0;
    }

    private DualTrainingBudget budget() {
        return dualEarlyStopping ? DualTrainingBudget.EARLY_STOPPING : DualTrainingBudget.FIXED;
    }

    /** The copy check, when the real images are at hand and it was not turned off; null otherwise. */
    private MemorizationResult memorization(ScoringInputs in) {
        ResolvedReference r = in.reference();
        if (noMemorization || r.real() == null || r.reference().heldOutCount() < CopyCheck.MIN_HELD_OUT) {
            return null;
        }
        Cli.message("copy check: nearest training images of the generated images");
        return r.fld().memorization(r.real(), in.generated(),
                MemorizationOptions.defaults().withSeed(r.fld().options().seed()));
    }

    private void checkOptions(ImageArguments args) {
        if (spark.enabled() && dual) {
            throw Usage.error("--spark scores FLD; --dual trains a flow on the generated images, which runs on this"
                    + " machine (the library's SparkDualSweep trains many on Spark)");
        }
        spark.check();
        if (dual && args.real() == null) {
            throw Usage.error("--dual trains a flow on the generated images and scores each flow on the other's"
                    + " held-out images, so it needs the real images themselves: name REAL instead of --ref"
                    + " (the reference trained on them is cached and reused)");
        }
        if (dual && noMemorization) {
            throw Usage.error("--no-memorization skips FLD's copy check; --dual does not run it");
        }
        if (!dual && noSizeMatch) {
            throw Usage.error("--no-size-match changes how --dual trains its real flow; add --dual");
        }
        if (!dual && dualEarlyStopping) {
            throw Usage.error("--dual-early-stopping changes how --dual trains its flows; add --dual");
        }
        if (!dual && generatedPreset != null) {
            throw Usage.error("--generated-preset sets the flow --dual trains on the generated images; add --dual");
        }
        if (dual && perImage != null) {
            throw Usage.error("--per-image lists FLD's per-image scores; it does not apply to --dual");
        }
        interval.check();
        if (perImage != null) {
            List<String> inputsToKeep = new ArrayList<>(images);
            if (reference.ref() != null) {
                inputsToKeep.add(reference.ref().toString());
            }
            OutputFiles.checkTarget(perImage, "--per-image", force, inputsToKeep);
        }
    }
}
