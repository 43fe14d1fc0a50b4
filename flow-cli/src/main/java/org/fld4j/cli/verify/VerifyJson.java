package org.fld4j.cli.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fld4j.cli.common.JsonResults;

/** The {@code result} of {@code fld verify --json}, described by docs/schema/results/verify.schema.json. */
public final class VerifyJson {

    private VerifyJson() {
    }

    public static void fill(ObjectNode result, List<CheckResult> checks) {
        ArrayNode array = result.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode node = array.addObject();
            node.put("id", c.id());
            node.put("what", c.what());
            node.put("passed", c.passed());
            node.put("measured", JsonResults.finite(c.measured()));
            node.put("low", c.low());
            node.put("high", c.high());
            node.put("unit", c.unit());
            node.put("basis", c.basis());
            node.put("seconds", c.elapsed().toMillis() / 1000.0);
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        result.put("passed", failed == 0);
        result.put("failed", failed);
    }
}
