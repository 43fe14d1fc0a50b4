package org.fld4j.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for a terminal: columns padded to their widest cell, text columns flush left and numeric
 * columns flush right, two spaces between columns.
 */
public final class TextTable {

    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header  the column titles
     * @param numeric which columns are right-aligned; one flag per column
     */
    public TextTable(List<String> header, boolean... numeric) {
        if (numeric.length != header.size()) {
            throw new IllegalArgumentException(header.size() + " columns but " + numeric.length + " alignment flags");
        }
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
    }

    /** Adds a row of cells, one per column. */
    public TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + header.size()
                    + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a row of cells, one per column. */
    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    /** The rendered table, each line indented by {@code indent} and ending in a newline. */
    public String format(String indent) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, header, width);
        for (List<String> row : rows) {
            line(out, indent, row, width);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String indent, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
