package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Version;
import org.fld4j.cli.output.TextTable;
import org.fld4j.metrics.fld.FldReference;

/** The result of {@code fld info}: the reference's rows and its options, or the JSON document. */
final class InfoReport {

    private InfoReport() {
    }

    static String human(FldReference r, Path file) {
        TextTable table = ReferenceSummary.rows(TextTable.labelled().row("file", file.toString()), r);
        ReferenceCardReport.rows(table, r, ReferenceCardReport.contentHash(file));
        for (Map.Entry<String, Object> option : ReferenceJson.options(r.options()).entrySet()) {
            table.row("option " + option.getKey(), String.valueOf(option.getValue()));
        }
        table.row("written by", r.writtenBy().isEmpty() ? "an fld4j that did not record its version"
                : "fld4j " + r.writtenBy());
        table.row("read by", "fld4j " + Version.fld4j());
        return table.format();
    }

    static ObjectNode json(FldReference r, Path file) {
        ObjectNode doc = JsonResults.document("info", ResultProvenance.of(r).build());
        ObjectNode result = (ObjectNode) doc.get("result");
        result.put("file", file.toString());
        result.put("fld4jVersion", Version.fld4j());
        if (r.writtenBy().isEmpty()) {
            result.putNull("writtenBy");
        } else {
            result.put("writtenBy", r.writtenBy());
        }
        result.set("reference", ReferenceJson.describe(r, ResolvedReference.Origin.LOADED, file, null));
        return doc;
    }
}
