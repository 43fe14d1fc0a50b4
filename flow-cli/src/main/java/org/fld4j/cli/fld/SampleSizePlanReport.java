package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.output.TextTable;
import org.fld4j.metrics.fld.ImageCountRange;
import org.fld4j.metrics.fld.SampleSizePlan;

/** A sample-size plan ({@code fld efficiency --target-width}) as human rows and as the JSON {@code plan} object. */
final class SampleSizePlanReport {

    private static final String ROW = "%8s  %20s%n";

    private SampleSizePlanReport() {
    }

    /**
     * The counts the plan's half-width is predicted at: the pilot's, every subset size (a prediction need not stop at
     * the pilot's size), the required count and, where the interval widens again, the last count within the target.
     */
    static TreeSet<Long> predictedAt(SampleSizePlan plan, int[] sizes) {
        TreeSet<Long> counts = new TreeSet<>();
        counts.add((long) plan.pilotImages());
        for (int size : sizes) {
            counts.add((long) size);
        }
        plan.requiredImages().ifPresent(counts::add);
        plan.widensBeyond().ifPresent(counts::add);
        return counts;
    }

    static String human(SampleSizePlan plan, String pilotSpec, int[] sizes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "plan for a %s%% interval of half-width %s, from the %d images of %s"
                        + " as the pilot%n", Formats.percent(plan.confidence()),
                Formats.number(plan.targetHalfWidth()), plan.pilotImages(), pilotSpec));
        TextTable rows = TextTable.labelled();
        rows.row("required generated images", plan.requiredImages().isPresent()
                ? String.format(Locale.ROOT, "%d", plan.requiredImages().getAsLong()) : "out of reach");
        rows.row(plan.referenceFlows() == 1 ? "5%-95% range" : "5%-95% range, these flows",
                range(plan.imagesOnlyRange()) + String.format(Locale.ROOT, " (%d resamples of the pilot images)",
                        plan.resamples()));
        if (plan.referenceFlows() > 1) {
            rows.row("5%-95% range, flows' spread uncertain", range(plan.range()) + String.format(Locale.ROOT,
                    " (between-flow variance from %d flows, chi-square with %d degrees of freedom)",
                    plan.referenceFlows(), plan.referenceFlows() - 1));
        }
        rows.row("floor half-width", Formats.number(plan.floorHalfWidth()) + (plan.referenceFlows() == 1
                ? String.format(Locale.ROOT, " (set by the %d held-out real images)", plan.heldOutImages())
                : plan.trainingVariance() > 0
                        ? String.format(Locale.ROOT, " (set by the spread between the %d reference flows)",
                                plan.referenceFlows())
                        : String.format(Locale.ROOT, " (set by the %d reference flows' held-out real images)",
                                plan.referenceFlows())));
        if (plan.limitHalfWidth() != plan.floorHalfWidth()) {
            rows.row("with unlimited images", Formats.number(plan.limitHalfWidth()));
        }
        plan.widensBeyond().ifPresent(n -> rows.row("within the target up to", n + " images"));
        rows.row("pilot's own half-width", Formats.number(plan.pilotHalfWidth()));
        plan.heldOutImagesForTarget().ifPresent(n -> rows.row("held-out images for the target", "from " + n));
        plan.referenceFlowsForTarget().ifPresent(k -> rows.row("reference flows for the target", "from " + k));
        out.append(rows.format());
        out.append(String.format(Locale.ROOT, ROW, "images", "predicted half-width"));
        for (long n : predictedAt(plan, sizes)) {
            out.append(String.format(Locale.ROOT, ROW, n, Formats.number(plan.predictedHalfWidth(n))));
        }
        out.append(plan.summary()).append('\n');
        return out.toString();
    }

    private static String range(ImageCountRange r) {
        String share = String.format(Locale.ROOT, "out of reach in %.0f%%", 100 * r.unreachableShare());
        if (r.low().isEmpty()) {
            return share;
        }
        String text = end(r.low()) + " to " + end(r.high());
        return r.unreachableShare() == 0 ? text : text + ", " + share;
    }

    private static String end(OptionalLong n) {
        return n.isPresent() ? Long.toString(n.getAsLong()) : "out of reach";
    }

    static ObjectNode json(SampleSizePlan plan, int[] sizes) {
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("targetHalfWidth", plan.targetHalfWidth());
        node.put("confidence", plan.confidence());
        node.put("pilotImages", plan.pilotImages());
        node.put("heldOutImages", plan.heldOutImages());
        node.put("referenceFlows", plan.referenceFlows());
        node.put("reachable", plan.reachable());
        put(node, "requiredImages", plan.requiredImages());
        range(node.putObject("range"), plan.range());
        range(node.putObject("imagesOnlyRange"), plan.imagesOnlyRange());
        node.put("resamples", plan.resamples());
        node.put("seed", plan.seed());
        node.put("floorHalfWidth", JsonResults.finite(plan.floorHalfWidth()));
        node.put("limitHalfWidth", JsonResults.finite(plan.limitHalfWidth()));
        put(node, "widensBeyond", plan.widensBeyond());
        node.put("pilotHalfWidth", JsonResults.finite(plan.pilotHalfWidth()));
        ObjectNode model = node.putObject("model");
        model.put("imageCoefficient", JsonResults.finite(plan.imageCoefficient()));
        model.put("heldOutVariance", JsonResults.finite(plan.heldOutVariance()));
        model.put("betweenFlowVariance", JsonResults.finite(plan.betweenFlowVariance()));
        model.put("trainingVariance", JsonResults.finite(plan.trainingVariance()));
        model.put("fixedVariance", JsonResults.finite(plan.fixedVariance()));
        put(node, "heldOutImagesForTarget", plan.heldOutImagesForTarget());
        OptionalInt flows = plan.referenceFlowsForTarget();
        if (flows.isPresent()) {
            node.put("referenceFlowsForTarget", flows.getAsInt());
        } else {
            node.putNull("referenceFlowsForTarget");
        }
        ArrayNode predicted = node.putArray("predicted");
        for (long n : predictedAt(plan, sizes)) {
            ObjectNode point = predicted.addObject();
            point.put("images", n);
            point.put("halfWidth", JsonResults.finite(plan.predictedHalfWidth(n)));
        }
        node.put("summary", plan.summary());
        return node;
    }

    private static void range(ObjectNode node, ImageCountRange r) {
        put(node, "low", r.low());
        put(node, "high", r.high());
        node.put("unreachableShare", r.unreachableShare());
    }

    private static void put(ObjectNode node, String field, OptionalLong value) {
        if (value.isPresent()) {
            node.put(field, value.getAsLong());
        } else {
            node.putNull(field);
        }
    }
}
