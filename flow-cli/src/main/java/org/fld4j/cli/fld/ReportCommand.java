package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.cli.experiment.GaussianExperimentFiles;
import org.fld4j.cli.report.DistortionLadder;
import org.fld4j.cli.report.ExperimentReportWriter;
import org.fld4j.cli.report.FldReportAnalysis;
import org.fld4j.cli.report.FldReportData;
import org.fld4j.cli.report.FldReportJson;
import org.fld4j.cli.report.FldReportOptions;
import org.fld4j.cli.report.FldReportWriter;
import org.fld4j.cli.report.ReportFolder;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fld report}: the HTML report of an FLD score (likelihood histograms, bootstrap distribution, sample
 * efficiency, distortion sweep, least and most likely images), or of a Gaussian experiment's results.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained HTML report with PNG figures into --out.",
                "For FLD (REAL GEN, or GEN with --ref): per-image log-likelihood histograms of the held-out real and"
                        + " the generated images, the bootstrap distribution of FLD, the sample-efficiency curve,"
                        + " a distortion sweep of the generated images, and the least and most likely generated"
                        + " images. For a Gaussian experiment (--experiment DIR, written by fld experiment"
                        + " gaussian): the kernel-density grids and true-negative-rate maps.",
                "Exit status: 0 done; 2 a wrong command line or an --out holding other files (without --force);"
                        + " 3 bad input; 4 too few images; 5 training diverged."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld report --ref ref.fld generated/ --out report/", "  fld report real/ gen/ --out report/ --sweep blur:0.5,1,2 --sizes 100,1000"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "IMAGES",
            description = "REAL GEN, or GEN alone with --ref; none with --experiment.")
    List<String> images = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the report into.")
    Path out;

    @Option(names = "--force", description = "Write into an --out that holds other files (they are left alone).")
    boolean force;

    @Option(names = "--experiment", paramLabel = "DIR",
            description = "Report a Gaussian experiment's results folder (fld experiment gaussian --out DIR).")
    Path experiment;

    @Option(names = "--sweep", paramLabel = "KIND:LEVEL,...",
            description = "A distortion of the sweep and its levels, mild to strong, e.g. additive-noise:8,16,32;"
                    + " repeatable (default: additive-noise 8,16,32; salt-and-pepper 0.01,0.03,0.1; occlusion"
                    + " 0.05,0.1,0.2; blur 0.5,1,1.5).")
    List<String> sweep = new ArrayList<>();

    @Option(names = "--no-sweep", description = "Leave the distortion sweep out (it scores the generated images once"
            + " more per level).")
    boolean noSweep;

    @Option(names = "--sizes", split = ",", paramLabel = "N,N,...",
            description = "Sample-efficiency subset sizes, increasing (default 50,100,200,500,1000,2000,5000).")
    int[] sizes;

    @Option(names = "--repeats", paramLabel = "R", description = "Subsets drawn at each size, 2 to 10000 (default 20).")
    Integer repeats;

    @Option(names = "--thumbnails", paramLabel = "K",
            description = "Least and most likely generated images shown, each (default 8, at most 32).")
    Integer thumbnails;

    @Mixin
    SparkOptions spark;

    @Option(names = "--json", description = "Print the report's numbers as one JSON document (docs/schema).")
    boolean json;

    @Mixin
    IntervalOptions interval;

    @Mixin
    ReferenceOptions reference;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() {
        if (experiment != null && spark.enabled()) {
            throw Usage.error("--spark scores generated images; --experiment reports a Gaussian experiment's saved"
                    + " results, which involves no scoring");
        }
        if (experiment != null) {
            return experimentReport();
        }
        ImageArguments args = reference.arguments(images, Set.of());
        interval.check();
        FldReportOptions options = reportOptions();
        List<String> keep = new ArrayList<>(images);
        if (reference.ref() != null) {
            keep.add(reference.ref().toString());
        }
        OutputFiles.checkNotInput(out, "--out", keep);
        // the folder is checked before minutes of training, and again when written
        ReportFolder.check(out, force);
        spark.check();
        ScoringInputs in = ScoringInputs.prepare(reference, args, inputs, interval.bootstrap, interval.confidence);
        FldReportData data;
        org.fld4j.spark.SparkRun[] run = new org.fld4j.spark.SparkRun[1];
        if (spark.enabled()) {
            // Every score of the report (the generated images, each distorted set) is a Spark job of one session.
            try (SparkScoring session = spark.start("fld report " + in.generatedSpec())) {
                org.fld4j.metrics.fld.FldReference ref = in.reference().reference();
                data = FldReportAnalysis.compute(in.reference().fld(), in.generated(), in.generated(),
                        "the generated images", options, images -> {
                            org.fld4j.spark.SparkFldScore s = session.score(ref, images, in.generatedSpec(), inputs);
                            run[0] = s.run();
                            return s.score();
                        }, images -> session.scoreDerived(ref, images, images.description(), inputs).score());
            }
        } else {
            data = FldReportAnalysis.compute(in.reference().fld(), in.generated(), options);
        }
        Provenance provenance = SparkOptions.record(ResultProvenance.of(in.reference(), inputs,
                        in.generatedRead()), run[0])
                .option("sweep", options.sweep().stream().map(ReportCommand::describe).toList())
                .option("sizes", options.efficiency().sizes())
                .option("repeats", options.efficiency().repeats())
                .option("thumbnails", options.thumbnails())
                .build();
        Path index = FldReportWriter.write(data, out, force, provenance);
        Cli.message("report: " + index);
        if (json) {
            JsonResults.print(FldReportJson.document(data, index, provenance));
        } else {
            Cli.out().print(FldScoreReport.human(in, data.score(), null, null, run[0]));
            Cli.out().println("report: " + index);
            Cli.out().flush();
        }
        return 0;
    }

    private int experimentReport() {
        if (!images.isEmpty() || reference.ref() != null) {
            throw Usage.error("--experiment reports a Gaussian experiment's folder; it takes no images and no --ref");
        }
        GaussianLabResult result;
        try {
            result = GaussianExperimentFiles.read(experiment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OutputFiles.checkNotInput(out, "--out", List.of(experiment.toString()));
        Path index = ExperimentReportWriter.write(result, out, force);
        Cli.message("report: " + index);
        if (json) {
            ObjectNode doc = JsonResults.document("report", Provenance.builder()
                    .seed(result.options().seed())
                    .option("experiment", GaussianExperimentFiles.resultFile(experiment).toString())
                    .build());
            ObjectNode node = (ObjectNode) doc.get("result");
            node.put("report", index.toString());
            node.put("experiment", GaussianExperimentFiles.resultFile(experiment).toString());
            JsonResults.print(doc);
        } else {
            Cli.out().println("report " + index);
        }
        return 0;
    }

    private FldReportOptions reportOptions() {
        FldReportOptions o = FldReportOptions.defaults();
        if (noSweep && !sweep.isEmpty()) {
            throw Usage.error("--sweep and --no-sweep exclude each other");
        }
        if (noSweep) {
            o = o.withSweep(List.of());
        } else if (!sweep.isEmpty()) {
            o = o.withSweep(sweep.stream().map(ReportCommand::ladder).toList());
        }
        SampleEfficiencyOptions e = o.efficiency();
        try {
            if (sizes != null) {
                e = e.withSizes(sizes);
            }
            if (repeats != null) {
                e = e.withRepeats(repeats);
            }
        } catch (IllegalArgumentException bad) {
            throw new CliException(ExitCode.USAGE, "--sizes/--repeats: " + bad.getMessage());
        }
        o = o.withEfficiency(e);
        if (thumbnails != null) {
            if (thumbnails < 0 || thumbnails > FldReportOptions.MAX_THUMBNAILS) {
                throw Usage.invalid("--thumbnails", thumbnails, "0 to " + FldReportOptions.MAX_THUMBNAILS);
            }
            o = o.withThumbnails(thumbnails);
        }
        return o;
    }

    /** {@code additive-noise:8,16,32} as a ladder. */
    static DistortionLadder ladder(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw Usage.error("--sweep " + spec + " is not KIND:LEVEL,... (e.g. additive-noise:8,16,32)");
        }
        DistortionKind kind;
        try {
            kind = DistortionKind.parse(spec.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw Usage.error("--sweep " + spec + ": " + e.getMessage());
        }
        String[] parts = spec.substring(colon + 1).split(",");
        double[] levels = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                levels[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw Usage.error("--sweep " + spec + ": '" + parts[i] + "' is not a number");
            }
        }
        return DistortionLadder.of(kind, levels);
    }

    private static String describe(DistortionLadder ladder) {
        StringBuilder text = new StringBuilder(ladder.kind().shortName()).append(':');
        for (int i = 0; i < ladder.levels().size(); i++) {
            text.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", ladder.levels().get(i)));
        }
        return text.toString();
    }
}
