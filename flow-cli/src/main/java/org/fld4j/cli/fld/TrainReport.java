package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.output.TextTable;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.metrics.fld.FldReference;

/** The result of {@code fld train}: a short summary, or the JSON document. */
final class TrainReport {

    private TrainReport() {
    }

    static String human(ReferenceTrainer.Trained trained, Path out, FingerprintResult read) {
        FldReference r = trained.fld().reference();
        TrainingHistory h = trained.run().history();
        TextTable table = ReferenceSummary.rows(TextTable.labelled().row("saved to", out.toString()), r);
        table.row("training time", String.format(Locale.ROOT, "%.1f s, %d epoch%s, stopped by %s", trained.run().seconds(),
                h.epochs().size(), h.epochs().size() == 1 ? "" : "s",
                h.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        FldScoreReport.skippedRows(table, new SkippedImages().add("real", read));
        return table.format();
    }

    static ObjectNode json(ReferenceTrainer.Trained trained, Path out, FingerprintResult read, InputOptions inputs) {
        FldReference r = trained.fld().reference();
        ObjectNode doc = JsonResults.document("train", ResultProvenance.of(r, inputs)
                .count("realSkipped", read.report().skipped().size()).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("file", out.toString());
        result.set("skipped", new SkippedImages().add("real", read).json());
        result.set("reference", ReferenceJson.describe(r, ResolvedReference.Origin.TRAINED, out, trained.run()));
        return doc;
    }
}
