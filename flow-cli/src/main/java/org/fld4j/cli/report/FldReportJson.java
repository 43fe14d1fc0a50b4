package org.fld4j.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;

/**
 * The numbers of an FLD report as JSON: the score, the sample-efficiency points, the sweep and the thumbnails'
 * images; non-finite values are null. The report's {@code result.json} and {@code fld report --json} print the same
 * {@link #document}: schema version, command, result and provenance (docs/schema/results/report.schema.json).
 */
public final class FldReportJson {

    private FldReportJson() {
    }

    /** The result document of a report whose page is {@code index}: what {@code result.json} holds. */
    public static ObjectNode document(FldReportData data, Path index, Provenance provenance) {
        ObjectNode doc = JsonResults.document("report", provenance);
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("report", index.toAbsolutePath().toString());
        result.set("fld", of(data));
        return doc;
    }

    /** The report's numbers. */
    public static ObjectNode of(FldReportData data) {
        ObjectNode root = JsonResults.mapper().createObjectNode();
        root.put("generated", data.generated());
        root.put("reference", data.reference());
        root.set("score", score(data.score()));
        ObjectNode efficiency = root.putObject("sampleEfficiency");
        efficiency.put("fullFld", JsonResults.finite(data.efficiency().fullFld()));
        efficiency.put("repeats", data.efficiency().options().repeats());
        ArrayNode points = efficiency.putArray("points");
        for (SampleEfficiencyPoint p : data.efficiency().points()) {
            ObjectNode point = points.addObject();
            point.put("size", p.size());
            point.put("mean", JsonResults.finite(p.mean()));
            point.put("std", JsonResults.finite(p.std()));
            point.put("q05", JsonResults.finite(p.q05()));
            point.put("median", JsonResults.finite(p.median()));
            point.put("q95", JsonResults.finite(p.q95()));
        }
        ArrayNode notes = efficiency.putArray("notes");
        data.efficiency().notes().forEach(notes::add);
        root.put("sweptImages", data.sweptImages());
        ArrayNode sweeps = root.putArray("sweeps");
        for (DistortionSweepResult sweep : data.sweeps()) {
            ObjectNode s = sweeps.addObject();
            s.put("kind", sweep.kind().shortName());
            s.put("parameter", sweep.kind().parameterName());
            s.put("seed", sweep.seed());
            s.put("monotonic", sweep.monotonic());
            ArrayNode levels = s.putArray("levels");
            for (int i = 0; i < sweep.levels().size(); i++) {
                ObjectNode level = score(sweep.scores().get(i));
                level.put("level", sweep.levels().get(i));
                levels.add(level);
            }
        }
        root.set("leastLikely", thumbnails(data.leastLikely()));
        root.set("mostLikely", thumbnails(data.mostLikely()));
        return root;
    }

    /** FLD, interval, ratio, bits per dimension and counts of one score (without its per-image values). */
    public static ObjectNode score(FldScore score) {
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("fld", JsonResults.finite(score.value()));
        node.put("lower", JsonResults.finite(score.interval().lower()));
        node.put("upper", JsonResults.finite(score.interval().upper()));
        node.put("confidence", score.interval().confidence());
        node.put("resamples", score.interval().resamples());
        node.put("ratio", JsonResults.finite(score.ratio()));
        node.put("bitsPerDim", JsonResults.finite(score.bpdGenerated()));
        node.put("bitsPerDimReal", JsonResults.finite(score.bpdReal()));
        node.put("images", score.generatedCount());
        node.put("realImages", score.realCount());
        return node;
    }

    private static ArrayNode thumbnails(List<Thumbnail> thumbnails) {
        ArrayNode array = JsonResults.mapper().createArrayNode();
        for (Thumbnail t : thumbnails) {
            ObjectNode node = array.addObject();
            node.put("index", t.index());
            node.put("name", t.name());
            node.put("bitsPerDim", JsonResults.finite(t.bitsPerDim()));
        }
        return array;
    }
}
