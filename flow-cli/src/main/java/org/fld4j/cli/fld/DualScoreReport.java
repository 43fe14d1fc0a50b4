package org.fld4j.cli.fld;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.output.TextTable;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.DualTrainingBudget;
import org.fld4j.metrics.fld.ScoreWarning;

/** The result of {@code fld score --dual}: a short table, or the JSON document. */
final class DualScoreReport {

    private DualScoreReport() {
    }

    static String human(ScoringInputs in, DualFldScore score, ImagePreset generatedPreset, DualTrainingBudget budget) {
        TextTable table = TextTable.labelled()
                .row("D-FLD", Formats.number(score.value()) + "  " + Formats.interval(score.interval()))
                .row("difference", Formats.number(score.difference()) + "  " + Formats.interval(score.differenceInterval())
                        + "  (ln bpd_G(G) - ln bpd_R(R))")
                .row("J", Formats.number(score.divergence()) + "  " + Formats.interval(score.divergenceInterval())
                        + "  (bits per dimension)")
                .row("interval covers", intervalScope(score))
                .row("bpd R on real", Formats.number(score.bpdRealOnReal()) + "  (" + score.realCount()
                        + " held-out real images)")
                .row("bpd R on generated", Formats.number(score.bpdRealOnGenerated()) + "  (" + score.generatedCount()
                        + " held-out generated images)")
                .row("bpd G on generated", Formats.number(score.bpdGeneratedOnGenerated()))
                .row("bpd G on real", Formats.number(score.bpdGeneratedOnReal()))
                .row("generated flow", generatedPreset.id() + ", trained on " + score.generatedTraining() + " images")
                .row("real flow", "trained on " + score.realTraining() + " images" + (score.sizeMatched()
                        ? " (size-matched)" : " (not size-matched)"))
                .row("training", budget == DualTrainingBudget.FIXED
                        ? "both flows for all epochs, cosine-annealed learning rate (fixed budget)"
                        : "both flows with early stopping, as references");
        for (ScoreWarning w : warnings(in, score)) {
            table.row("warning", w.message() + " [" + w.code() + "]");
        }
        FldScoreReport.skippedRows(table, FldScoreReport.skipped(in));
        table.row("reference", FldScoreReport.origin(in.reference())).row("flow", Formats.flow(in.reference().reference()));
        return table.format();
    }

    /**
     * What D-FLD's and J's intervals cover, e.g. {@code images only (one pair of flows); --flows 3 adds the randomness
     * of training both flows} or {@code images and the training of both flows (3 pairs, difference between pairs sd
     * 0.0120, J sd 0.0031)}.
     */
    static String intervalScope(DualFldScore score) {
        if (score.pairs() == 1) {
            return "images only (one pair of flows); --flows 3 adds the randomness of training both flows";
        }
        return String.format(java.util.Locale.ROOT, "images and the training of both flows (%d pairs, difference"
                + " between pairs sd %s, J sd %s)", score.pairs(), Formats.number(score.betweenPairDifferenceSd()),
                Formats.number(score.betweenPairDivergenceSd()));
    }

    /** The command line's warnings, then the score's. */
    static List<ScoreWarning> warnings(ScoringInputs in, DualFldScore score) {
        List<ScoreWarning> all = new ArrayList<>(in.warnings());
        all.addAll(score.scoreWarnings());
        return all;
    }

    static ObjectNode json(ScoringInputs in, DualFldScore score, ImagePreset generatedPreset, DualTrainingBudget budget,
                           InputOptions inputs) {
        ObjectNode doc = JsonResults.document("score", ResultProvenance.of(in.reference(), inputs, in.generatedRead())
                .count("generatedHeldOut", score.generatedCount()).count("generatedTraining", score.generatedTraining())
                .option("dual", true).option("generatedPreset", generatedPreset.id()).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("metric", "dual-fld");
        result.put("dfld", JsonResults.finite(score.value()));
        Formats.interval(result, "interval", score.interval());
        result.put("difference", JsonResults.finite(score.difference()));
        Formats.interval(result, "differenceInterval", score.differenceInterval());
        result.put("j", JsonResults.finite(score.divergence()));
        Formats.interval(result, "jInterval", score.divergenceInterval());
        ObjectNode bpd = result.putObject("bpd");
        bpd.put("realOnReal", JsonResults.finite(score.bpdRealOnReal()));
        bpd.put("realOnGenerated", JsonResults.finite(score.bpdRealOnGenerated()));
        bpd.put("generatedOnGenerated", JsonResults.finite(score.bpdGeneratedOnGenerated()));
        bpd.put("generatedOnReal", JsonResults.finite(score.bpdGeneratedOnReal()));
        result.put("realHeldOut", score.realCount());
        result.put("generatedHeldOut", score.generatedCount());
        result.put("generatedTraining", score.generatedTraining());
        result.put("realTraining", score.realTraining());
        result.put("sizeMatched", score.sizeMatched());
        result.put("trainingBudget", budget.id());
        result.put("intervalCovers", score.pairs() == 1 ? "images" : "images-and-training");
        result.put("pairs", score.pairs());
        ArrayNode differences = result.putArray("pairDifferences");
        score.pairDifferences().forEach(v -> differences.add(JsonResults.finite(v)));
        ArrayNode divergences = result.putArray("pairJ");
        score.pairDivergences().forEach(v -> divergences.add(JsonResults.finite(v)));
        result.put("generatedPreset", generatedPreset.id());
        ResultWarnings.json(result, warnings(in, score));
        result.set("skipped", FldScoreReport.skipped(in).json());
        result.set("reference", ReferenceJson.describe(in.reference()));
        return doc;
    }
}
