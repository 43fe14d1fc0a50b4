package org.fld4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fld4j.cli.report.FldReportAnalysis;
import org.fld4j.cli.report.FldReportData;
import org.fld4j.cli.report.FldReportJson;
import org.fld4j.cli.report.FldReportOptions;
import org.fld4j.cli.report.FldReportWriter;
import org.fld4j.cli.report.ReportFolder;
import org.fld4j.cli.report.ReportText;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.StopReason;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fld demo}: FLD end to end on the built-in Fashion-MNIST slice. A {@code small} reference flow is trained on
 * the slice's 2,000 training images (20% of them held out as R_test); the slice's 500 test images, real images it
 * never saw, are scored as they are (FLD near 0) and damaged by additive noise, salt and pepper, occlusion and blur
 * at three levels each. The table goes to stdout and a report (figures and tables) to {@code --out}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train a small reference flow on the built-in Fashion-MNIST slice, score its 500 held-out"
                + " test images as they are and damaged by four distortions at three levels each, print the table"
                + " and write an HTML report.",
                "Takes about two minutes on two cores. Training runs a fixed number of epochs (--epochs), so the"
                        + " table is the same on every machine; --time-budget only caps it on slow ones."})
public final class DemoCommand implements Callable<Integer> {

    /** Subset sizes of the sample-efficiency curve: up to 400 of the 500 test images, so subsets still differ. */
    static final int[] EFFICIENCY_SIZES = {25, 50, 100, 200, 400};

    @Option(names = "--out", defaultValue = "fld-demo-report", paramLabel = "DIR",
            description = "Folder of the report (default ${DEFAULT-VALUE}); it must be new, empty or hold an earlier"
                    + " report, unless --force.")
    Path out;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the held-out split, the flow, its training, the distortions and the resamples"
                    + " (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "12", paramLabel = "N",
            description = "Training epochs of the reference flow (default ${DEFAULT-VALUE}). Fewer give a rougher"
                    + " flow; the table keeps its shape from about 2.")
    int epochs;

    @Option(names = "--time-budget", defaultValue = "150s", converter = Durations.class, paramLabel = "DURATION",
            description = "Cap on the training time, e.g. 150s or 5m (default ${DEFAULT-VALUE}); training that"
                    + " reaches it stops early and says so, and the table then depends on the machine's speed.")
    Duration timeBudget;

    @Option(names = "--force", description = "Write the report into --out even if it holds other files (files of"
            + " the report's own names are replaced, nothing else is touched).")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout instead of the table"
            + " (docs/schema/results/demo.schema.json).")
    boolean json;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new CliException(ExitCode.USAGE, "--epochs " + epochs + " is not valid: need at least 1");
        }
        ReportFolder.check(out, force);
        ImageSource train = FashionMnistSlice.train();
        ImageSource test = FashionMnistSlice.test();
        Cli.message(String.format(Locale.ROOT, "fld demo: training a small flow on the Fashion-MNIST slice's %,d"
                + " training images (20%% held out as R_test) for %d epochs (at most %s)", train.size(), epochs,
                Durations.human(timeBudget)));
        Fld fld = Fld.of(train).preset(ImagePreset.SMALL).maxEpochs(epochs).timeBudget(timeBudget).seed(seed)
                .listener(Progress.training("reference flow")).train();
        if (fld.reference().training().contains(StopReason.TIME_BUDGET.name())) {
            Cli.message("note: training reached --time-budget before " + epochs + " epochs ("
                    + fld.reference().training() + "); the table depends on this machine's speed");
        }
        FldReportOptions options = FldReportOptions.defaults().withSweepSeed(seed)
                .withEfficiency(new SampleEfficiencyOptions(EFFICIENCY_SIZES, 20, seed, false));
        String scored = "the " + test.size() + " held-out real test images";
        FldReportData data = FldReportAnalysis.compute(fld, test, test, scored, options);
        Path page = FldReportWriter.write(data, out, force);
        if (json) {
            JsonResults.print(document(fld.reference(), data, test, page));
        } else {
            Cli.out().print(table(fld.reference(), data));
        }
        Cli.message("report: " + page);
        return ExitCode.OK.status();
    }

    /** The text table: the undistorted images, then every level of every distortion. */
    static String table(FldReference reference, FldReportData data) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "fld4j demo: %s%n", data.reference()));
        text.append(String.format(Locale.ROOT, "scored: %s, as they are and distorted; R_test %.4f bpd%n%n",
                data.sweptImages(), reference.heldOutBitsPerDim()));
        String percent = ReportText.number(100 * data.score().interval().confidence(), 0) + "%";
        String format = "%-18s %8s %9s  %-20s %8s%n";
        text.append(String.format(Locale.ROOT, format, "distortion", "level", "FLD", percent + " interval", "bpd"));
        text.append(row(format, "none", "", data.score()));
        List<String> rises = new ArrayList<>();
        for (DistortionSweepResult sweep : data.sweeps()) {
            for (int i = 0; i < sweep.levels().size(); i++) {
                text.append(row(format, sweep.kind().shortName(), ReportText.level(sweep.levels().get(i)),
                        sweep.scores().get(i)));
            }
            rises.add(sweep.kind().shortName() + (sweep.monotonic() ? " yes" : " no"));
        }
        text.append(String.format(Locale.ROOT, "%nFLD rises at every level: %s%n", String.join(", ", rises)));
        return text.toString();
    }

    private static String row(String format, String kind, String level, FldScore score) {
        return String.format(Locale.ROOT, format, kind, level, ReportText.number(score.value(), 4),
                ReportText.interval(score.interval(), 4), ReportText.number(score.bpdGenerated(), 4));
    }

    /** The {@code --json} document (docs/schema/results/demo.schema.json). */
    private ObjectNode document(FldReference reference, FldReportData data, ImageSource test, Path page) {
        Provenance provenance = Provenance.builder().preset(reference.options().preset().id()).seed(seed)
                .count("realTraining", reference.trainingImages())
                .count("realHeldOut", reference.heldOutLogLikelihoods().length)
                .count("scored", data.score().generatedCount())
                .fingerprint("real", reference.realFingerprint())
                .fingerprint("scored", test.fingerprint().fingerprint().sha256())
                .option("timeBudget", timeBudget.toString()).option("maxEpochs", epochs)
                .option("bootstrapResamples", reference.options().bootstrapResamples())
                .build();
        ObjectNode doc = JsonResults.document("demo", provenance);
        ObjectNode result = (ObjectNode) doc.get("result");
        ObjectNode ref = result.putObject("reference");
        ref.put("preset", reference.options().preset().id());
        ref.put("trainingImages", reference.trainingImages());
        ref.put("heldOutImages", reference.heldOutLogLikelihoods().length);
        ref.put("heldOutBitsPerDim", JsonResults.finite(reference.heldOutBitsPerDim()));
        ref.put("training", reference.training());
        result.put("scored", data.sweptImages());
        ArrayNode rows = result.putArray("rows");
        rows.add(jsonRow("none", null, null, data.score()));
        ObjectNode monotonic = result.putObject("monotonic");
        for (DistortionSweepResult sweep : data.sweeps()) {
            for (int i = 0; i < sweep.levels().size(); i++) {
                rows.add(jsonRow(sweep.kind().shortName(), sweep.kind().parameterName(), sweep.levels().get(i),
                        sweep.scores().get(i)));
            }
            monotonic.put(sweep.kind().shortName(), sweep.monotonic());
        }
        result.put("report", page.toString());
        return doc;
    }

    private static ObjectNode jsonRow(String distortion, String parameter, Double level, FldScore score) {
        ObjectNode row = JsonResults.mapper().createObjectNode();
        row.put("distortion", distortion);
        row.put("parameter", parameter);
        row.put("level", level);
        row.setAll(FldReportJson.score(score));
        return row;
    }
}
