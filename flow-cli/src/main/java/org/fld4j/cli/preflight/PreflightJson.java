package org.fld4j.cli.preflight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.fld4j.cli.output.SkippedImagesJson;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.preflight.PreflightSummary;

/** The {@code result} of {@code fld preflight --json}, described by docs/schema/results/preflight.schema.json. */
public final class PreflightJson {

    private PreflightJson() {
    }

    /** Fills {@code result} with the scan of {@code sets} under {@code policy}. */
    public static void fill(ObjectNode result, List<ScannedSet> sets, BadInputPolicy policy) {
        result.put("onError", policy == BadInputPolicy.SKIP ? "skip" : "fail");
        int listed = 0;
        int usable = 0;
        int problems = 0;
        boolean fails = false;
        ArrayNode array = result.putArray("sets");
        for (ScannedSet set : sets) {
            PreflightSummary s = set.summary();
            ObjectNode node = array.addObject();
            node.put("spec", set.spec());
            node.put("source", s.source());
            node.put("listed", s.listed());
            node.put("usable", s.usable());
            counts(node.putObject("formats"), s.formatCounts());
            counts(node.putObject("sizes"), s.sizeCounts());
            node.put("uniformSize", s.uniformSize());
            node.put("gray", s.grayCount());
            node.put("color", s.colorCount());
            node.put("alpha", s.alphaCount());
            node.put("sixteenBit", s.sixteenBitCount());
            ArrayNode unknown = node.putArray("unknownExtensions");
            s.unknownExtensions().forEach(unknown::add);
            node.set("problems", SkippedImagesJson.of(s.problems()));
            ArrayNode ignored = node.putArray("ignored");
            s.ignored().forEach(ignored::add);
            node.put("failsUnderOnErrorFail", set.failsUnderOnErrorFail());
            listed += s.listed();
            usable += s.usable();
            problems += s.problems().size();
            fails |= set.failsUnderOnErrorFail();
        }
        result.put("listed", listed);
        result.put("usable", usable);
        result.put("problems", problems);
        result.put("failsUnderOnErrorFail", fails);
    }

    private static void counts(ObjectNode node, Map<String, Integer> counts) {
        counts.forEach(node::put);
    }
}
