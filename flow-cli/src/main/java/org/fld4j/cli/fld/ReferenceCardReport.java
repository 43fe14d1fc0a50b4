package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fld4j.cli.common.Durations;
import org.fld4j.cli.common.Enums;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.output.TextTable;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.ReferenceCard;
import org.fld4j.metrics.fld.ReferenceFileHash;
import org.fld4j.metrics.fld.ReferenceMember;

/**
 * A reference's card as {@code fld info}, {@code fld references show} and the results' {@code reference} section
 * show it: what a paper cites (the file's content hash) and what a reader needs to judge the reference (the real
 * set, its preprocessing, the preset and training recipe, the held-out bpd, the software). What a file written
 * before cards cannot tell is shown as {@value #NOT_RECORDED}.
 */
final class ReferenceCardReport {

    static final String NOT_RECORDED = "not recorded";

    private ReferenceCardReport() {
    }

    /** {@code sha256:<hex>} of {@code file}; null when there is no file or it cannot be read now. */
    static String contentHash(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ReferenceFileHash.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Adds the card's rows to {@code table}; {@code hash} is the file's content hash or null. */
    static TextTable rows(TextTable table, FldReference r, String hash) {
        Optional<ReferenceCard> card = r.card();
        table.row("content hash", hash == null ? "none (not saved to a file)" : hash);
        table.row("data", card.map(c -> c.realSet().text().isEmpty() ? "no description given" : c.realSet().text())
                .orElse(NOT_RECORDED));
        table.row("preprocessing", card.map(c -> c.realSet().preprocessing() == null
                ? "not declared by the program that trained it" : preprocessing(c))
                .orElse(NOT_RECORDED));
        table.row("recipe", recipe(r));
        table.row("seeds", seeds(r));
        table.row("software", software(r));
        return table;
    }

    /**
     * The card's preprocessing, and for a resize the resampler: e.g. {@code channels keep, resize to 32x32 with the
     * triangle filter (Pillow BILINEAR, as Pillow 9.4.0 (Image.resize, 8-bit))}.
     */
    static String preprocessing(ReferenceCard card) {
        Preprocessing p = card.realSet().preprocessing();
        String text = preprocessing(p);
        if (p.sizePolicy() != org.fld4j.io.preprocess.SizePolicy.RESIZE) {
            return text;
        }
        return text + (card.resamplerRecorded()
                ? " (Pillow " + p.filter().pillowName() + ", as " + card.resampler() + ")"
                : " (resampler not recorded: written before fld4j's resize matched Pillow's)");
    }

    /** E.g. {@code channels keep, resize to 32x32 with the triangle filter}. */
    static String preprocessing(Preprocessing p) {
        String size = switch (p.sizePolicy()) {
            case REQUIRE_SAME -> "sizes kept (all alike)";
            case RESIZE -> "resize to " + p.targetHeight() + "x" + p.targetWidth() + " with the "
                    + Enums.cliName(p.filter()) + " filter";
            case CENTER_CROP -> "centre crop to " + p.targetHeight() + "x" + p.targetWidth();
        };
        return "channels " + Enums.cliName(p.channels()) + ", " + size;
    }

    /** E.g. {@code adamw, learning rate 0.001; at most 200 epochs or 15m 00s, batch 64}. */
    static String recipe(FldReference r) {
        FldOptions o = r.options();
        String optimizer = r.card().map(c -> c.optimizer() + ", learning rate " + c.learningRate())
                .orElse("optimiser and learning rate " + NOT_RECORDED);
        return String.format(Locale.ROOT, "%s; at most %d epoch%s or %s, batch %d", optimizer, o.maxEpochs(),
                o.maxEpochs() == 1 ? "" : "s", Durations.human(o.timeBudget()), o.batchSize());
    }

    /** E.g. {@code 7} or {@code 7, 8, 9 (3 flows)}. */
    static String seeds(FldReference r) {
        List<String> seeds = new ArrayList<>();
        for (ReferenceMember m : r.members()) {
            seeds.add(Long.toString(m.seed()));
        }
        return String.join(", ", seeds) + (r.referenceFlows() == 1 ? " (1 flow)" : " (" + r.referenceFlows()
                + " flows)");
    }

    /** E.g. {@code fld4j 0.1.0, ND4J 1.0.0-M2.1, Java 17.0.9 (Eclipse Adoptium)}. */
    static String software(FldReference r) {
        String fld4j = r.writtenBy().isEmpty() ? "fld4j " + NOT_RECORDED : "fld4j " + r.writtenBy();
        return fld4j + ", " + r.card().map(c -> "ND4J " + c.nd4jVersion() + ", Java " + c.javaVersion())
                .orElse("ND4J and Java " + NOT_RECORDED);
    }

    /** The card as JSON; fields a file did not record are null, and {@code recorded} says whether it had a card. */
    static ObjectNode json(FldReference r, String hash) {
        Optional<ReferenceCard> card = r.card();
        ObjectNode node = JsonResults.mapper().createObjectNode();
        node.put("contentHash", hash);
        node.put("recorded", card.isPresent());
        node.put("description", card.map(c -> c.realSet().text()).orElse(null));
        node.put("realFingerprint", r.realFingerprint().isEmpty() ? null : r.realFingerprint());
        ArrayNode shape = node.putArray("imageShape");
        for (long d : r.imageShape()) {
            shape.add(d);
        }
        Preprocessing p = card.map(c -> c.realSet().preprocessing()).orElse(null);
        node.set("preprocessing", p == null ? null : JsonResults.mapper().valueToTree(ReferenceJson.preprocessing(p)));
        node.put("resampler", card.filter(ReferenceCard::resamplerRecorded).map(ReferenceCard::resampler)
                .orElse(null));
        node.put("preset", r.options().preset().id());
        ObjectNode recipe = node.putObject("recipe");
        recipe.put("optimizer", card.map(ReferenceCard::optimizer).orElse(null));
        if (card.isPresent()) {
            recipe.put("learningRate", card.get().learningRate());
        } else {
            recipe.putNull("learningRate");
        }
        recipe.put("maxEpochs", r.options().maxEpochs());
        recipe.put("timeBudgetSeconds", r.options().timeBudget().toSeconds());
        recipe.put("batchSize", r.options().batchSize());
        recipe.put("referenceFlows", r.referenceFlows());
        ArrayNode seeds = recipe.putArray("seeds");
        for (ReferenceMember m : r.members()) {
            seeds.add(m.seed());
        }
        node.put("heldOutBitsPerDim", JsonResults.finite(r.heldOutBitsPerDim()));
        ObjectNode software = node.putObject("software");
        software.put("fld4j", r.writtenBy().isEmpty() ? null : r.writtenBy());
        software.put("nd4j", card.map(ReferenceCard::nd4jVersion).orElse(null));
        software.put("java", card.map(ReferenceCard::javaVersion).orElse(null));
        return node;
    }
}
