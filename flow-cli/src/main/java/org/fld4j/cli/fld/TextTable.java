package org.fld4j.cli.fld;

import java.util.ArrayList;
import java.util.List;

/** A human result on stdout: one {@code label  value} row per line, the values aligned. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row. */
    TextTable row(String label, String value) {
        rows.add(new String[] {label, value});
        return this;
    }

    /** The rows, each ending with a line break. */
    String format() {
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length());
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1]).append('\n');
        }
        return out.toString();
    }
}
