package org.fld4j.cli.distort;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fld4j.cli.output.SkippedImagesJson;

/** The {@code result} of {@code fld distort --json}, described by docs/schema/results/distort.schema.json. */
public final class DistortJson {

    private DistortJson() {
    }

    public static void fill(ObjectNode result, DistortResult r) {
        result.put("source", r.spec());
        result.put("sourceDescription", r.source());
        result.put("out", r.out().toAbsolutePath().toString());
        result.put("kind", r.kind().shortName());
        result.put("parameter", r.kind().parameterName());
        result.put("seed", r.seed());
        result.put("format", "png");
        result.put("listed", r.listed());
        ArrayNode levels = result.putArray("levels");
        for (WrittenLevel level : r.levels()) {
            levels.addObject().put("level", level.level()).put("description", level.description())
                    .put("folder", level.folder()).put("written", level.written());
        }
        result.put("written", r.written());
        result.set("skipped", SkippedImagesJson.of(r.skipped()));
    }
}
