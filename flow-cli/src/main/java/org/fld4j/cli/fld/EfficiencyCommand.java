package org.fld4j.cli.fld;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiency;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.fld4j.metrics.fld.SampleSizePlan;
import org.fld4j.metrics.fld.SampleSizePlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fld efficiency}: how FLD spreads over random subsets of the generated images at several sizes, and with
 * {@code --target-width} how many generated images an interval of that half-width needs, planned from them.
 */
@Command(name = "efficiency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How many generated images FLD needs: FLD of random subsets of GEN at several sizes.",
                "For each size: mean, standard deviation and 5/50/95%% quantiles of the subsets' FLD, beside the FLD of"
                        + " the whole set. Every image is scored once; the subsets reuse those scores. --seed seeds the"
                        + " subsets and the plan's resamples (and, with REAL, the reference's training).",
                "With --target-width W, GEN is also the pilot of a plan: the generated images FLD's interval (at the"
                        + " reference's confidence) needs for a half-width of W, with a 5-95%% range from resampling"
                        + " the pilot, the floor no number of generated images goes below, and the predicted"
                        + " half-width at each size. The subset table is printed alongside (sizes above GEN are left"
                        + " out of it, but predicted)."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld efficiency --ref ref.fld generated/ --sizes 100,1000,5000 --repeats 20", "  fld efficiency --ref ref.fld generated/ --target-width 0.01"})
public final class EfficiencyCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "IMAGES",
            description = "REAL GEN: the real and the generated images; or GEN alone with --ref.")
    List<String> images = new ArrayList<>();

    @Option(names = "--sizes", split = ",", paramLabel = "N,N,...",
            description = "Subset sizes, increasing (default 50,100,200,500,1000,2000,5000).")
    int[] sizes;

    @Option(names = "--repeats", paramLabel = "R", description = "Subsets drawn at each size, 2 to 10000 (default 20).")
    Integer repeats;

    @Option(names = "--subsample-real",
            description = "Subsample the held-out real images to each size too (default: compare with all of them).")
    boolean subsampleReal;

    @Option(names = "--target-width", paramLabel = "W",
            description = "Plan for an interval of half-width W (above 0, e.g. 0.01) from GEN as the pilot (at least "
                    + SampleSizePlanner.MIN_PILOT_IMAGES + " images).")
    Double targetWidth;

    @Option(names = "--json", description = "Print the result as one JSON document (docs/schema).")
    boolean json;

    @Mixin
    ReferenceOptions reference;

    @Mixin
    InputOptions inputs;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        // --seed also seeds the subsets, so it stays valid with --ref
        ImageArguments args = reference.arguments(images, Set.of("--seed"));
        SampleEfficiencyOptions draws = drawOptions();
        if (targetWidth != null && (!(targetWidth > 0) || targetWidth.isInfinite())) {
            // checked before anything is read or trained
            throw Usage.invalid("--target-width", targetWidth, "a half-width above 0 and finite, e.g. 0.01");
        }
        spark.check();
        ScoringInputs in = ScoringInputs.prepare(reference, args, inputs, null, null);
        Long seed = reference.training().seed();
        draws = draws.withSeed(seed != null ? seed : in.reference().fld().options().seed());
        FldScore score;
        org.fld4j.spark.SparkRun run = null;
        if (spark.enabled()) {
            // The pilot score on Spark; the subsets are drawn from its per-image values here.
            try (SparkScoring session = spark.start("fld efficiency " + in.generatedSpec())) {
                org.fld4j.spark.SparkFldScore distributed = session.score(in.reference().reference(), in.generated(),
                        in.generatedSpec(), inputs);
                score = distributed.score();
                run = distributed.run();
            }
        } else {
            score = FldScoring.score(in.reference().fld(), in.generated(), in.generatedSpec());
        }
        org.fld4j.spark.SparkRun sparkRun = run;
        SampleEfficiencyResult result = SampleEfficiency.of(in.reference().fld()).options(draws).run(score);
        // with a plan the subset table is a companion: a pilot smaller than every size still gets its plan
        if (result.points().isEmpty() && targetWidth == null) {
            throw new CliException(ExitCode.TOO_FEW_IMAGES, in.generatedSpec() + " holds " + result.generatedCount()
                    + " usable images, fewer than the smallest subset size " + draws.sizes()[0]
                    + (draws.subsampleReal() ? " or than the " + result.realCount() + " held-out real images" : ""));
        }
        SampleSizePlan plan = targetWidth == null ? null : plan(in, score, draws.seed());
        ResultOutput.print(json, () -> EfficiencyReport.json(in, result, plan, inputs, sparkRun),
                () -> EfficiencyReport.human(in, result, plan));
        return 0;
    }

    private SampleSizePlan plan(ScoringInputs in, FldScore pilot, long seed) {
        if (pilot.generatedCount() < SampleSizePlanner.MIN_PILOT_IMAGES) {
            throw new CliException(ExitCode.TOO_FEW_IMAGES, in.generatedSpec() + " holds "
                    + pilot.generatedCount() + " usable images; --target-width plans from at least "
                    + SampleSizePlanner.MIN_PILOT_IMAGES + " pilot images");
        }
        return SampleSizePlanner.of(in.reference().fld().reference()).seed(seed).plan(pilot, targetWidth);
    }

    private SampleEfficiencyOptions drawOptions() {
        SampleEfficiencyOptions o = SampleEfficiencyOptions.defaults().withSubsampleReal(subsampleReal);
        if (sizes != null) {
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1])) {
                    throw Usage.invalid("--sizes", joined(sizes), "sizes of at least 1, strictly increasing");
                }
            }
            o = o.withSizes(sizes);
        }
        if (repeats != null) {
            if (repeats < 2 || repeats > SampleEfficiencyOptions.MAX_REPEATS) {
                throw Usage.invalid("--repeats", repeats, "2 (so that a spread exists) to "
                        + SampleEfficiencyOptions.MAX_REPEATS);
            }
            o = o.withRepeats(repeats);
        }
        return o;
    }

    private static String joined(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int v : values) {
            text.append(text.length() == 0 ? "" : ",").append(v);
        }
        return text.toString();
    }
}
