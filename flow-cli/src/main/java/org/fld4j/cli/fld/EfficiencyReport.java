package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.fld4j.metrics.fld.SampleSizePlan;

/**
 * The result of {@code fld efficiency}: an aligned table (and the plan under {@code --target-width}), or the JSON
 * document.
 */
final class EfficiencyReport {

    private static final String ROW = "%8s  %7s  %9s  %9s  %9s  %9s  %9s%n";

    private EfficiencyReport() {
    }

    /** The subset table, then the plan when there is one (null without {@code --target-width}). */
    static String human(ScoringInputs in, SampleEfficiencyResult result, SampleSizePlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "FLD %s on all %d generated images, against %s%n",
                Formats.number(result.fullFld()), result.generatedCount(), result.options().subsampleReal()
                        ? "held-out real images subsampled to each size"
                        : "all " + result.realCount() + " held-out real images"));
        if (!result.points().isEmpty()) {
            out.append(String.format(Locale.ROOT, ROW, "size", "repeats", "mean", "std", "q05", "median", "q95"));
        }
        for (SampleEfficiencyPoint p : result.points()) {
            out.append(String.format(Locale.ROOT, ROW, p.size(), p.repeats(), Formats.number(p.mean()),
                    Formats.number(p.std()), Formats.number(p.q05()), Formats.number(p.median()),
                    Formats.number(p.q95())));
        }
        for (String note : result.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        out.append("reference: ").append(FldScoreReport.origin(in.reference())).append('\n');
        if (plan != null) {
            out.append('\n').append(SampleSizePlanReport.human(plan, in.generatedSpec(), result.options().sizes()));
        }
        return out.toString();
    }

    /** The JSON document, with a {@code plan} object when there is a plan (null without {@code --target-width}). */
    static ObjectNode json(ScoringInputs in, SampleEfficiencyResult result, SampleSizePlan plan, InputOptions inputs) {
        return json(in, result, plan, inputs, null);
    }

    /** As above, for a pilot score computed by the Spark job {@code spark} (null: on this machine). */
    static ObjectNode json(ScoringInputs in, SampleEfficiencyResult result, SampleSizePlan plan, InputOptions inputs,
                           org.fld4j.spark.SparkRun spark) {
        Provenance.Builder provenance = SparkOptions.record(ResultProvenance.of(in.reference(), inputs,
                        in.generatedRead()), spark)
                .option("sizes", result.options().sizes()).option("repeats", result.options().repeats())
                .option("drawSeed", result.options().seed()).option("subsampleReal", result.options().subsampleReal());
        if (plan != null) {
            provenance.option("targetWidth", plan.targetHalfWidth());
        }
        ObjectNode doc = JsonResults.document("efficiency", provenance.build());
        ObjectNode r = (ObjectNode) doc.get("result");
        r.put("fullFld", JsonResults.finite(result.fullFld()));
        r.put("generated", result.generatedCount());
        r.put("realHeldOut", result.realCount());
        r.put("subsampleReal", result.options().subsampleReal());
        r.put("seed", result.options().seed());
        ArrayNode points = r.putArray("points");
        for (SampleEfficiencyPoint p : result.points()) {
            ObjectNode node = points.addObject();
            node.put("size", p.size());
            node.put("repeats", p.repeats());
            node.put("mean", JsonResults.finite(p.mean()));
            node.put("std", JsonResults.finite(p.std()));
            node.put("q05", JsonResults.finite(p.q05()));
            node.put("median", JsonResults.finite(p.median()));
            node.put("q95", JsonResults.finite(p.q95()));
        }
        ArrayNode notes = r.putArray("notes");
        result.notes().forEach(notes::add);
        r.set("skipped", FldScoreReport.skipped(in).json());
        r.set("reference", ReferenceJson.describe(in.reference()));
        if (plan != null) {
            r.set("plan", SampleSizePlanReport.json(plan, result.options().sizes()));
        }
        return doc;
    }
}
