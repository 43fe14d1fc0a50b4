package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.cli.common.Enums;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.stream.FingerprintResult;

/** The images a command left out under {@code --on-error skip}, by role, for the result. */
final class SkippedImages {

    private final List<String> roles = new ArrayList<>();
    private final List<SkippedImage> images = new ArrayList<>();

    /** Adds what a read skipped ({@code read} may be null: nothing was read). */
    SkippedImages add(String role, FingerprintResult read) {
        if (read != null) {
            for (SkippedImage s : read.report().skipped()) {
                roles.add(role);
                images.add(s);
            }
        }
        return this;
    }

    boolean isEmpty() {
        return images.isEmpty();
    }

    /** {@code [{role, input, problem, message}, ...]}. */
    ArrayNode json() {
        ArrayNode array = JsonResults.mapper().createArrayNode();
        for (int i = 0; i < images.size(); i++) {
            ObjectNode node = array.addObject();
            node.put("role", roles.get(i));
            node.put("input", images.get(i).input());
            node.put("problem", Enums.cliName(images.get(i).problem()));
            node.put("message", images.get(i).message());
        }
        return array;
    }

    /** One line per skipped image, e.g. {@code generated: bad.png (decode-failed)}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            lines.add(roles.get(i) + ": " + images.get(i).input() + " (" + Enums.cliName(images.get(i).problem()) + ")");
        }
        return lines;
    }
}
