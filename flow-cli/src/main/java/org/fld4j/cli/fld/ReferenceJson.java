package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.fld4j.cli.common.Enums;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldReference;

/** The JSON of a reference and of the options around it, shared by every FLD command's result. */
final class ReferenceJson {

    private ReferenceJson() {
    }

    /** Every {@link FldOptions} field, by name: all of them change the trained flow or the score. */
    static Map<String, Object> options(FldOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", o.preset().id());
        m.put("heldOutFraction", o.heldOutFraction());
        m.put("seed", o.seed());
        m.put("maxEpochs", o.maxEpochs());
        m.put("timeBudgetSeconds", o.timeBudget().toSeconds());
        m.put("batchSize", o.batchSize());
        m.put("evaluationBatchSize", o.evaluationBatchSize());
        m.put("dequantizationSamples", o.dequantizationSamples());
        m.put("bootstrapResamples", o.bootstrapResamples());
        m.put("confidence", o.confidence());
        m.put("referenceFlows", o.referenceFlows());
        return m;
    }

    /** The preprocessing every image went through, e.g. {@code {channels: keep, size: resize, height: 32, ...}}. */
    static Map<String, Object> preprocessing(Preprocessing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", Enums.cliName(p.channels()));
        m.put("size", Enums.cliName(p.sizePolicy()));
        switch (p.sizePolicy()) {
            case RESIZE -> {
                m.put("height", p.targetHeight());
                m.put("width", p.targetWidth());
                m.put("filter", Enums.cliName(p.filter()));
            }
            case CENTER_CROP -> {
                m.put("height", p.targetHeight());
                m.put("width", p.targetWidth());
            }
            case REQUIRE_SAME -> {
                // nothing more: all images keep their common size
            }
        }
        return m;
    }

    /**
     * A reference: what it is, what it was trained on and how.
     *
     * @param origin   {@code loaded}, {@code cached} or {@code trained}
     * @param file     where it is kept, or null
     * @param training its training in this run, or null
     */
    static ObjectNode describe(FldReference r, ResolvedReference.Origin origin, Path file, TrainingRun training) {
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("origin", origin.name().toLowerCase(Locale.ROOT));
        node.put("file", file == null ? null : file.toString());
        node.put("preset", r.options().preset().id());
        ArrayNode shape = node.putArray("imageShape");
        for (long d : r.imageShape()) {
            shape.add(d);
        }
        node.put("dimension", r.dimension());
        node.put("parameters", r.flow().parameterCount());
        node.put("realFingerprint", r.realFingerprint().isEmpty() ? null : r.realFingerprint());
        node.put("realImages", r.realImages());
        node.put("trainingImages", r.trainingImages());
        node.put("heldOutImages", r.heldOutNames().size());
        node.put("heldOutBitsPerDim", JsonResults.finite(r.heldOutBitsPerDim()));
        node.set("options", JsonResults.mapper().valueToTree(options(r.options())));
        node.put("training", r.training());
        node.set("trainingRun", training == null ? null : run(training));
        node.set("card", ReferenceCardReport.json(r, ReferenceCardReport.contentHash(file)));
        return node;
    }

    static ObjectNode describe(ResolvedReference r) {
        return describe(r.reference(), r.origin(), r.file(), r.training());
    }

    private static ObjectNode run(TrainingRun run) {
        TrainingHistory h = run.history();
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("epochs", h.epochs().size());
        node.put("bestEpoch", h.bestEpoch());
        node.put("stopReason", Enums.cliName(h.stopReason()));
        node.put("steps", h.totalSteps());
        node.put("skippedSteps", h.skippedSteps());
        node.put("seconds", run.seconds());
        return node;
    }
}
