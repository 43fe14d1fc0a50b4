package org.fld4j.metrics.gaussian.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.metrics.gaussian.TestFamily;

/**
 * The outcome of a Gaussian lab run: one {@link LabRow} per cell (the table), one {@link CellCurves}
 * per cell (the figures) and one {@link DimensionSummary} per dimension. Immutable.
 *
 * @param options    what was run
 * @param dimensions per-dimension model, training and reference-set details, in run order
 * @param rows       the table, by dimension, family, scale and shift
 * @param curves     the kernel density curves, in the order of the rows
 */
public record GaussianLabResult(GaussianLabOptions options, List<DimensionSummary> dimensions, List<LabRow> rows,
                                List<CellCurves> curves) {

    public GaussianLabResult {
        if (options == null || dimensions == null || rows == null || curves == null) {
            throw new IllegalArgumentException("options, dimensions, rows and curves must not be null");
        }
        dimensions = List.copyOf(dimensions);
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
    }

    /** The parts' dimensions, rows and curves, one after the other (e.g. one part per dimension). */
    public static GaussianLabResult concatenate(GaussianLabOptions options, List<GaussianLabResult> parts) {
        List<DimensionSummary> dims = new ArrayList<>();
        List<LabRow> rows = new ArrayList<>();
        List<CellCurves> curves = new ArrayList<>();
        for (GaussianLabResult part : parts) {
            dims.addAll(part.dimensions);
            rows.addAll(part.rows);
            curves.addAll(part.curves);
        }
        return new GaussianLabResult(options, dims, rows, curves);
    }

    /** The row of one cell; throws {@link IllegalArgumentException} when the run had no such cell. */
    public LabRow row(int dimension, TestFamily family, double scale, double shift) {
        return rows.stream()
                .filter(r -> r.dimension() == dimension && r.family() == family && r.scale() == scale
                        && r.shift() == shift)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell D=" + dimension + " " + family + " s="
                        + scale + " t=" + shift));
    }

    /** Writes the table as CSV, one line per cell under a header (see {@link GaussianLabCsv}). */
    public void writeCsv(Path file) throws IOException {
        Files.writeString(file, GaussianLabCsv.table(rows), StandardCharsets.UTF_8);
    }

    /** Writes every density curve as long-format CSV, one line per curve point (see {@link GaussianLabCsv}). */
    public void writeCurvesCsv(Path file) throws IOException {
        Files.writeString(file, GaussianLabCsv.curves(dimensions, curves), StandardCharsets.UTF_8);
    }

    /**
     * Writes everything (options, per-dimension summaries with the training histories, the table and the curves)
     * as one JSON document, which {@link #readJson} reads back into an equal result.
     */
    public void writeJson(Path file) throws IOException {
        Files.writeString(file, GaussianLabJson.write(this), StandardCharsets.UTF_8);
    }

    /** The JSON document {@link #writeJson} writes, as text (e.g. to send a part of a run between machines). */
    public String toJson() {
        return GaussianLabJson.write(this);
    }

    /**
     * Reads the text of a document {@link #toJson} or {@link #writeJson} wrote, into an equal result.
     *
     * @param source names the document in errors
     */
    public static GaussianLabResult fromJson(String json, String source) {
        return GaussianLabJsonReader.read(json, source);
    }

    /**
     * Reads a result written by {@link #writeJson}, equal to the one written: every option, training record,
     * row and curve. Values that were not finite when written (written as null) read as NaN.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a Gaussian lab result of a version this fld4j reads, or a
     *                                  field is missing or invalid; the message names the file and the field
     */
    public static GaussianLabResult readJson(Path file) throws IOException {
        return GaussianLabJsonReader.read(file);
    }
}
