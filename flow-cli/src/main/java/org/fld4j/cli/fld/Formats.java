package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fld4j.cli.JsonResults;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.fld4j.metrics.fld.FldReference;

/** Number and interval formats shared by the FLD commands' human and JSON results. */
final class Formats {

    private Formats() {
    }

    /** Four decimals, e.g. {@code 0.1234}. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** E.g. {@code [0.1011, 0.1458] (95%, 1000 resamples)}. */
    static String interval(ConfidenceInterval i) {
        return String.format(Locale.ROOT, "[%.4f, %.4f] (%s%%, %d resamples)", i.lower(), i.upper(),
                percent(i.confidence()), i.resamples());
    }

    /** {@code {lower, upper, confidence, resamples}}. */
    static ObjectNode interval(ObjectNode parent, String field, ConfidenceInterval i) {
        ObjectNode node = parent.putObject(field);
        node.put("lower", JsonResults.finite(i.lower()));
        node.put("upper", JsonResults.finite(i.upper()));
        node.put("confidence", i.confidence());
        node.put("resamples", i.resamples());
        return node;
    }

    /** E.g. {@code small, 1x28x28, 12,345 parameters}. */
    static String flow(FldReference r) {
        long[] s = r.imageShape();
        return String.format(Locale.ROOT, "%s, images %dx%dx%d (C x H x W), %,d parameters", r.options().preset().id(),
                s[0], s[1], s[2], r.flow().parameterCount());
    }

    /** 95 for 0.95, 99.5 for 0.995. */
    private static String percent(double confidence) {
        double p = 100 * confidence;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
    }
}
