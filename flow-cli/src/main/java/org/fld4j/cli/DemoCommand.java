package org.fld4j.cli;

import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.Durations;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Progress;
import org.fld4j.cli.common.Provenance;

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
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fld demo}: FLD end to end on the built-in Fashion-MNIST slice. Three {@code small} reference flows are
 * trained on the first 1,500 of the slice's training images (each holding out its own fifth as R_test); the other
 * 500 training images, real images of the same split that no flow saw, are scored as they are (FLD 0 up to noise
 * that the interval covers) and damaged by additive noise, salt and pepper, occlusion and blur at three levels each.
 * The slice's 500 test images are scored too: they come from the other split of Fashion-MNIST, which differs
 * slightly (docs/user-guide.md). The table goes to stdout and a report (figures and tables) to {@code --out}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train small reference flows on 1,500 of the built-in Fashion-MNIST slice's training images,"
                + " score its other 500 as they are and damaged by four distortions at three levels each, and its"
                + " 500 test images; print the table and write an HTML report.",
                "A few minutes on two cores (measured times: docs/cli-report.md). Training runs a fixed number of epochs (--epochs), so the"
                        + " table is the same on every machine; --time-budget only caps it on slow ones."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld demo", "  fld demo --out my-report/ --json"})
public final class DemoCommand implements Callable<Integer> {

    /** Training images of the slice the reference flows are trained on; the rest are scored. */
    static final int REFERENCE_IMAGES = 1500;

    /** Subset sizes of the sample-efficiency curve: up to 400 of the 500 scored images, so subsets still differ. */
    static final int[] EFFICIENCY_SIZES = {25, 50, 100, 200, 400};

    @Option(names = "--out", defaultValue = "fld-demo-report", paramLabel = "DIR",
            description = "Folder of the report (default ${DEFAULT-VALUE}); it must be new, empty or hold an earlier"
                    + " report, unless --force.")
    Path out;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the held-out split, the flow, its training, the distortions and the resamples"
                    + " (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
            description = "Training epochs of each reference flow (default ${DEFAULT-VALUE}). Fewer give a rougher"
                    + " flow; the table keeps its shape from about 2.")
    int epochs;

    @Option(names = "--flows", defaultValue = "3", paramLabel = "K",
            description = "Reference flows, each on its own held-out fifth (default ${DEFAULT-VALUE}); the interval"
                    + " covers their training too. 1 gives an interval of the images only.")
    int flows;

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
        if (flows < 1 || flows > FldOptions.MAX_REFERENCE_FLOWS) {
            throw new CliException(ExitCode.USAGE, "--flows " + flows + " is not valid: need 1 to "
                    + FldOptions.MAX_REFERENCE_FLOWS);
        }
        ReportFolder.check(out, force);
        ImageSource slice = FashionMnistSlice.train();
        ImageSource train = ImageSources.subset(slice, range(0, REFERENCE_IMAGES));
        ImageSource unseen = ImageSources.subset(slice, range(REFERENCE_IMAGES, slice.size()));
        ImageSource test = FashionMnistSlice.test();
        Cli.message(String.format(Locale.ROOT, "fld demo: training %d small flow%s on %,d of the Fashion-MNIST slice's"
                + " training images (each holding out its own 20%% as R_test) for %d epochs (at most %s each)", flows,
                flows == 1 ? "" : "s", train.size(), epochs, Durations.human(timeBudget)));
        Fld fld = Fld.of(train).preset(ImagePreset.SMALL).maxEpochs(epochs).timeBudget(timeBudget).seed(seed)
                .referenceFlows(flows).listener(Progress.training("reference flow")).train();
        if (fld.reference().training().contains(StopReason.TIME_BUDGET.name())) {
            Cli.message("note: training reached --time-budget before " + epochs + " epochs ("
                    + fld.reference().training() + "); the table depends on this machine's speed");
        }
        FldReportOptions options = FldReportOptions.defaults().withSweepSeed(seed)
                .withEfficiency(new SampleEfficiencyOptions(EFFICIENCY_SIZES, 20, seed, false));
        String scored = "the " + unseen.size() + " real training-split images no reference flow saw";
        FldReportData data = FldReportAnalysis.compute(fld, unseen, unseen, scored, options);
        FldScore otherSplit = fld.score(test);
        Provenance provenance = provenance(fld.reference(), data, unseen);
        Path page = FldReportWriter.write(data, out, force, provenance);
        if (json) {
            JsonResults.print(document(fld.reference(), data, otherSplit, provenance, page));
        } else {
            Cli.out().print(table(fld.reference(), data, otherSplit));
        }
        Cli.message("report: " + page);
        return ExitCode.OK.status();
    }

    private static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    /** The text table: the undistorted images, every level of every distortion, then the other split. */
    static String table(FldReference reference, FldReportData data, FldScore otherSplit) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "fld4j demo: %s%n", data.reference()));
        text.append(String.format(Locale.ROOT, "scored: %s, as they are and distorted; R_test %.4f bpd%n",
                data.sweptImages(), reference.heldOutBitsPerDim()));
        text.append(String.format(Locale.ROOT, "intervals cover: %s%s%n%n", data.score().intervalScope().description(),
                data.score().referenceFlows() > 1 ? " (" + data.score().referenceFlows() + " flows)" : ""));
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
        text.append(String.format(Locale.ROOT, "%nthe slice's %d test images (Fashion-MNIST's other split): FLD %s %s%n",
                otherSplit.generatedCount(), ReportText.number(otherSplit.value(), 4),
                ReportText.interval(otherSplit.interval(), 4)));
        return text.toString();
    }

    private static String row(String format, String kind, String level, FldScore score) {
        return String.format(Locale.ROOT, format, kind, level, ReportText.number(score.value(), 4),
                ReportText.interval(score.interval(), 4), ReportText.number(score.bpdGenerated(), 4));
    }

    /** Where the demo's numbers came from, for the report's {@code result.json} and the {@code --json} document. */
    private Provenance provenance(FldReference reference, FldReportData data, ImageSource test) {
        return Provenance.builder().preset(reference.options().preset().id()).seed(seed)
                .count("realTraining", reference.trainingImages())
                .count("realHeldOut", reference.heldOutLogLikelihoods().length)
                .count("scored", data.score().generatedCount())
                .fingerprint("real", reference.realFingerprint())
                .fingerprint("scored", Fingerprinter.fingerprint(test).fingerprint().sha256())
                .option("timeBudget", timeBudget.toString()).option("maxEpochs", epochs)
                .option("bootstrapResamples", reference.options().bootstrapResamples())
                .build();
    }

    /** The {@code --json} document (docs/schema/results/demo.schema.json). */
    private ObjectNode document(FldReference reference, FldReportData data, FldScore otherSplit, Provenance provenance,
                                Path page) {
        ObjectNode doc = JsonResults.document("demo", provenance);
        ObjectNode result = (ObjectNode) doc.get("result");
        ObjectNode ref = result.putObject("reference");
        ref.put("preset", reference.options().preset().id());
        ref.put("trainingImages", reference.trainingImages());
        ref.put("heldOutImages", reference.heldOutLogLikelihoods().length);
        ref.put("heldOutBitsPerDim", JsonResults.finite(reference.heldOutBitsPerDim()));
        ref.put("training", reference.training());
        ref.put("flows", reference.referenceFlows());
        result.put("scored", data.sweptImages());
        result.put("intervalCovers", reference.referenceFlows() == 1 ? "images" : "images-and-training");
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
        result.set("otherSplit", jsonRow("none", null, null, otherSplit));
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
