package org.fld4j.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.io.SkippedImage;

/** Inputs that could not be used, as a JSON array of {@code {input, problem, message}} objects. */
public final class SkippedImagesJson {

    private SkippedImagesJson() {
    }

    /** One object per skipped input, in order; the problem is the {@code InputProblem} constant's name. */
    public static ArrayNode of(List<SkippedImage> skipped) {
        ArrayNode array = JsonResults.mapper().createArrayNode();
        for (SkippedImage s : skipped) {
            array.addObject().put("input", s.input()).put("problem", s.problem().name()).put("message", s.message());
        }
        return array;
    }
}
