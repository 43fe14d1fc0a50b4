package org.fld4j.cli.fld;

import java.util.Locale;
import org.fld4j.cli.output.TextTable;
import org.fld4j.metrics.fld.FldReference;

/** The rows that describe a reference in the human results of {@code train}, {@code info} and {@code score}. */
final class ReferenceSummary {

    private ReferenceSummary() {
    }

    /** Adds the reference's rows to {@code table}. */
    static TextTable rows(TextTable table, FldReference r) {
        table.row("flow", Formats.flow(r));
        table.row("real images", String.format(Locale.ROOT, "%d: %d for training, %d held out", r.realImages(),
                r.trainingImages(), r.heldOutNames().size()));
        table.row("held-out bpd", Formats.number(r.heldOutBitsPerDim()));
        table.row("training", r.training());
        table.row("real fingerprint", r.realFingerprint().isEmpty() ? "not recorded" : r.realFingerprint());
        return table;
    }
}
