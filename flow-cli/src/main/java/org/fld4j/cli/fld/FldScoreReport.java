package org.fld4j.cli.fld;

import org.fld4j.metrics.memorization.CopyCheck;
import org.fld4j.metrics.memorization.MemorizationResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.output.TextTable;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ScoreWarning;

/** The result of {@code fld score} without {@code --dual}: a short table, or the JSON document. */
final class FldScoreReport {

    private FldScoreReport() {
    }

    static String human(ScoringInputs in, FldScore score, MemorizationResult copies, Path perImage) {
        return human(in, score, copies, perImage, null);
    }

    static String human(ScoringInputs in, FldScore score, MemorizationResult copies, Path perImage,
                        org.fld4j.spark.SparkRun spark) {
        TextTable table = TextTable.labelled()
                .row("FLD", Formats.number(score.value()) + "  " + Formats.interval(score.interval()))
                .row("interval covers", Formats.intervalScope(score,
                        in.reference().origin() == ResolvedReference.Origin.LOADED))
                .row("ratio", Formats.number(score.ratio()) + "  (bpd generated / bpd real)")
                .row("bpd generated", Formats.number(score.bpdGenerated()) + "  (" + score.generatedCount() + " images)")
                .row("bpd real", Formats.number(score.bpdReal()) + "  (" + score.realCount() + " held-out images)");
        table.row("copy check", copies == null ? "not run" + notRun(in) : copies.summary());
        if (copies != null && !Double.isNaN(copies.likelihoodRatio())) {
            table.row("likelihood ratio", Formats.number(copies.likelihoodRatio()) + "  [" + Formats.number(
                    copies.likelihoodRatioLower()) + ", " + Formats.number(copies.likelihoodRatioUpper())
                    + "]  (0: as likely as held-out real images, 1: as training images)");
        }
        for (ScoreWarning w : warnings(in, score, copies)) {
            table.row("warning", w.message() + " [" + w.code() + "]");
        }
        skippedRows(table, skipped(in));
        if (perImage != null) {
            table.row("per-image scores", perImage.toString());
        }
        ResolvedReference r = in.reference();
        table.row("reference", origin(r)).row("flow", Formats.flow(r.reference()));
        if (spark != null) {
            table.row("computed on", computedOn(spark));
        }
        return table.format();
    }

    static ObjectNode json(ScoringInputs in, FldScore score, MemorizationResult copies, Path perImage,
                           InputOptions inputs) {
        return json(in, score, copies, perImage, inputs, null);
    }

    static ObjectNode json(ScoringInputs in, FldScore score, MemorizationResult copies, Path perImage,
                           InputOptions inputs, org.fld4j.spark.SparkRun spark) {
        ObjectNode doc = JsonResults.document("score", SparkOptions.record(
                ResultProvenance.of(in.reference(), inputs, in.generatedRead()), spark).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("metric", "fld");
        result.put("fld", JsonResults.finite(score.value()));
        Formats.interval(result, "interval", score.interval());
        Formats.ensemble(result, score);
        result.put("ratio", JsonResults.finite(score.ratio()));
        result.put("bpdReal", JsonResults.finite(score.bpdReal()));
        result.put("bpdGenerated", JsonResults.finite(score.bpdGenerated()));
        result.put("realHeldOut", score.realCount());
        result.put("generated", score.generatedCount());
        ResultWarnings.json(result, warnings(in, score, copies));
        result.set("memorization", copies == null ? null : memorizationJson(copies));
        result.set("skipped", skipped(in).json());
        result.put("perImageFile", perImage == null ? null : perImage.toString());
        result.set("reference", ReferenceJson.describe(in.reference()));
        return doc;
    }

    /** E.g. {@code Spark local[2], 1 executor, 3 partitions}. */
    static String computedOn(org.fld4j.spark.SparkRun spark) {
        return "Spark " + spark.master() + ", " + spark.executors() + " executor" + (spark.executors() == 1 ? "" : "s")
                + ", " + spark.partitions() + " partition" + (spark.partitions() == 1 ? "" : "s");
    }

    /** The command line's warnings, then the score's and the copy check's. */
    static List<ScoreWarning> warnings(ScoringInputs in, FldScore score, MemorizationResult copies) {
        List<ScoreWarning> all = new ArrayList<>(in.warnings());
        all.addAll(scoreWarnings(score, copies));
        return all;
    }

    /** The score's warnings, and {@link ScoreWarning#MEMORIZATION} when copies explain an FLD below 0. */
    static List<ScoreWarning> scoreWarnings(FldScore score, MemorizationResult copies) {
        List<ScoreWarning> all = new ArrayList<>(score.scoreWarnings());
        if (copies != null && !copies.explanation().isEmpty()) {
            all.add(new ScoreWarning(ScoreWarning.MEMORIZATION, copies.explanation()
                    + ": FLD below 0 here means copying, not images better than real"));
        }
        return all;
    }

    /** Why the copy check did not run, e.g. {@code  (it needs the real images, not only --ref)}. */
    static String notRun(ScoringInputs in) {
        if (in.reference().real() == null) {
            return " (it needs the real images, not only --ref)";
        }
        int heldOut = in.reference().reference().heldOutCount();
        return heldOut < CopyCheck.MIN_HELD_OUT ? " (it needs at least " + CopyCheck.MIN_HELD_OUT + " held-out real"
                + " images, the reference has " + heldOut + ")" : "";
    }

    /** The copy check's set-level results (per-image values go to --per-image). */
    static ObjectNode memorizationJson(MemorizationResult m) {
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("memorized", m.memorized());
        node.put("copyShare", JsonResults.finite(m.copyShare()));
        ObjectNode interval = node.putObject("copyShareInterval");
        interval.put("lower", JsonResults.finite(m.copyShareLower()));
        interval.put("upper", JsonResults.finite(m.copyShareUpper()));
        interval.put("confidence", m.confidence());
        node.put("flagged", m.flagged());
        node.put("checked", m.generated());
        node.put("threshold", JsonResults.finite(m.threshold()));
        node.put("rankSumZ", JsonResults.finite(m.mannWhitneyZ()));
        node.put("likelihoodRatio", JsonResults.finite(m.likelihoodRatio()));
        node.put("fldWithoutCopies", JsonResults.finite(m.fldWithoutCopies()));
        node.put("explanation", m.explanation());
        return node;
    }

    /** The real images' and the generated images' skipped inputs. */
    static SkippedImages skipped(ScoringInputs in) {
        return new SkippedImages().add("real", in.reference().realRead()).add("generated", in.generatedRead());
    }

    /** One {@code skipped} row per skipped image, or a single {@code none}. */
    static void skippedRows(TextTable table, SkippedImages skipped) {
        List<String> lines = skipped.lines();
        if (lines.isEmpty()) {
            table.row("skipped", "none");
        }
        for (String line : lines) {
            table.row("skipped", line);
        }
    }

    /** E.g. {@code cached /home/u/.cache/fld4j/references/ab12.fld}. */
    static String origin(ResolvedReference r) {
        String what = r.origin().name().toLowerCase(Locale.ROOT);
        return r.file() == null ? what : what + " " + r.file();
    }
}
