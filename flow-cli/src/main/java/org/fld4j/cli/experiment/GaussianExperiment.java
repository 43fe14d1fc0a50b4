package org.fld4j.cli.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;

/**
 * Runs the Gaussian lab with progress on stderr and writes its result into a folder: the whole result as JSON and
 * the table and curves as CSV ({@link GaussianExperimentFiles}), each file atomically.
 */
public final class GaussianExperiment {

    private GaussianExperiment() {
    }

    /** Runs the grid of {@code options} and writes the files into {@code out} (already prepared). */
    public static GaussianLabResult run(GaussianLabOptions options, Path out) {
        GaussianLabResult result;
        try (LabProgress progress = new LabProgress(options.cellsPerDimension())) {
            result = new GaussianLab(options).run(progress);
        }
        write(result, out);
        return result;
    }

    /** Writes {@code result}'s files into {@code out}. */
    public static void write(GaussianLabResult result, Path out) {
        try {
            AtomicFiles.write(out.resolve(GaussianExperimentFiles.RESULT_JSON), result::writeJson);
            AtomicFiles.write(out.resolve(GaussianExperimentFiles.TABLE_CSV), result::writeCsv);
            AtomicFiles.write(out.resolve(GaussianExperimentFiles.CURVES_CSV), result::writeCurvesCsv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Gaussian lab's result into " + out, e);
        }
    }
}
