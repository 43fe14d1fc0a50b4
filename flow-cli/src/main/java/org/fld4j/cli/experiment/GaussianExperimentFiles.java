package org.fld4j.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;

/**
 * The files {@code fld experiment gaussian --out DIR} writes into DIR. {@link #RESULT_JSON} holds the whole result
 * ({@link GaussianLabResult#writeJson}); a report is rendered from it later with {@link #read}.
 */
public final class GaussianExperimentFiles {

    /** The lab's whole result: options, per-dimension training and reference summaries, the table, the curves. */
    public static final String RESULT_JSON = "gaussian-lab.json";
    /** The table, one line per cell ({@link GaussianLabResult#writeCsv}). */
    public static final String TABLE_CSV = "gaussian-lab.csv";
    /** The density curves, one line per point ({@link GaussianLabResult#writeCurvesCsv}). */
    public static final String CURVES_CSV = "gaussian-lab-curves.csv";

    /** The sub-folder of the HTML report (index.html and its figures). */
    public static final String REPORT_FOLDER = "report";

    private GaussianExperimentFiles() {
    }

    /** Where the result file of an experiment folder is. */
    public static Path resultFile(Path dir) {
        return dir.resolve(RESULT_JSON);
    }

    /**
     * The result saved in {@code dir}; exit 3 when the folder holds none, and a message naming the file and the
     * field when it cannot be read.
     */
    public static GaussianLabResult read(Path dir) throws IOException {
        Path file = resultFile(dir);
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INPUT, dir + " holds no " + RESULT_JSON + " (written by 'fld experiment"
                    + " gaussian --out " + dir + "')");
        }
        return GaussianLabResult.readJson(file);
    }
}
