package org.fld4j.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text for a terminal, in one of two kinds:
 * <ul>
 *   <li>with a header ({@link #TextTable(List, boolean...)}, rendered by {@link #format(String)}): columns padded
 *       to their widest cell, text columns flush left and numeric columns flush right, two spaces between
 *       columns, trailing spaces stripped;</li>
 *   <li>{@link #labelled()} (rendered by {@link #format()}): a human result, one {@code label  value} row per line
 *       and no header, the values aligned two spaces after the widest label and written exactly as given.</li>
 * </ul>
 */
public final class TextTable {

    /** The column titles; null for a {@link #labelled()} table. */
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

    private TextTable() {
        this.header = null;
        this.numeric = new boolean[2];
    }

    /** A table of {@code label  value} rows with no header, rendered by {@link #format()}. */
    public static TextTable labelled() {
        return new TextTable();
    }

    /** Adds a row of cells, one per column (a label and a value in a {@link #labelled()} table). */
    public TextTable row(List<String> cells) {
        int columns = numeric.length;
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + columns
                    + " columns");
        }
        // A labelled table writes its cells as given (a null value as "null"); a table with a header refuses nulls.
        rows.add(header == null ? Arrays.asList(cells.toArray(new String[0])) : List.copyOf(cells));
        return this;
    }

    /** Adds a row of cells, one per column (a label and a value in a {@link #labelled()} table). */
    public TextTable row(String... cells) {
        return row(header == null ? Arrays.asList(cells) : List.of(cells));
    }

    /** The rendered table with a header, each line indented by {@code indent} and ending in a newline. */
    public String format(String indent) {
        if (header == null) {
            throw new IllegalStateException("a labelled table is rendered by format()");
        }
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

    /** The rendered {@link #labelled()} table: its rows, each ending with a line break. */
    public String format() {
        if (header != null) {
            throw new IllegalStateException("a table with a header is rendered by format(indent)");
        }
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.get(0).length());
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            String label = row.get(0);
            out.append(label).append(" ".repeat(width - label.length() + 2)).append(row.get(1)).append('\n');
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
