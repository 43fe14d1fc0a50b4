package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.IntervalScope;

/** Number and interval formats shared by the FLD commands' human and JSON results. */
final class Formats {

    private Formats() {
    }

    /** Four decimals, e.g. {@code 0.1234}. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * E.g. {@code [0.1011, 0.1458] (95%, 1000 resamples)}, or {@code [0.1011, 0.1458] (95%)} for an interval that
     * draws no resamples (D-FLD over pairs of flows).
     */
    static String interval(ConfidenceInterval i) {
        return String.format(Locale.ROOT, "[%.4f, %.4f] (%s%%%s)", i.lower(), i.upper(), percent(i.confidence()),
                i.resamples() == 0 ? "" : ", " + i.resamples() + " resamples");
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
        return String.format(Locale.ROOT, "%s, images %dx%dx%d (C x H x W), %,d parameters%s",
                r.options().preset().id(), s[0], s[1], s[2], r.flow().parameterCount(),
                r.referenceFlows() == 1 ? "" : " each, " + r.referenceFlows() + " flows");
    }

    /** 95 for 0.95, 99.5 for 0.995. */
    static String percent(double confidence) {
        double p = 100 * confidence;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
    }

    /**
     * What the interval covers, e.g. {@code images only (one reference flow); --flows 5 adds the randomness of
     * training the reference} or {@code images and reference training (5 flows, FLD between flows sd 0.0071)}.
     */
    static String intervalScope(FldScore score) {
        return intervalScope(score, false);
    }

    /**
     * {@link #intervalScope(FldScore)}, for a reference given with {@code --ref} when {@code loaded}: there
     * {@code --flows} changes nothing, so the hint names what would (a reference trained with several flows).
     */
    static String intervalScope(FldScore score, boolean loaded) {
        if (score.intervalScope() == IntervalScope.IMAGES) {
            return score.intervalScope().description() + (loaded
                    ? "; a reference of several flows (fld train --flows 5) would add the randomness of training it"
                    : "; --flows 5 adds the randomness of training the reference");
        }
        return score.intervalScope().description() + " (" + score.referenceFlows() + " flows, FLD between flows sd "
                + number(score.betweenFlowSd()) + ")";
    }

    /** The JSON fields of the reference flows behind a score: how many, what the interval covers, each one's FLD. */
    static void ensemble(ObjectNode parent, FldScore score) {
        parent.put("intervalCovers", score.intervalScope() == IntervalScope.IMAGES ? "images" : "images-and-training");
        parent.put("referenceFlows", score.referenceFlows());
        ArrayNode values = parent.putArray("flowValues");
        for (double v : score.flowValues()) {
            values.add(JsonResults.finite(v));
        }
        parent.put("betweenFlowSd", JsonResults.finite(score.betweenFlowSd()));
    }
}
