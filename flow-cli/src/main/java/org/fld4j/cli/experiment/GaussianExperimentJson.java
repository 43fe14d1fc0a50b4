package org.fld4j.cli.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.cli.common.JsonResults;

/**
 * The {@code result} of {@code fld experiment gaussian --json}, described by
 * docs/schema/results/experiment-gaussian.schema.json: where the files are and the summary; the full result is in
 * the folder's {@link GaussianExperimentFiles#RESULT_JSON}.
 */
public final class GaussianExperimentJson {

    private GaussianExperimentJson() {
    }

    public static void fill(ObjectNode result, LabSummary summary, Path out, int cells) {
        result.put("out", out.toAbsolutePath().toString());
        ObjectNode files = result.putObject("files");
        files.put("result", GaussianExperimentFiles.RESULT_JSON);
        files.put("table", GaussianExperimentFiles.TABLE_CSV);
        files.put("curves", GaussianExperimentFiles.CURVES_CSV);
        files.put("report", GaussianExperimentFiles.REPORT_FOLDER + "/index.html");
        result.put("cells", cells);
        ArrayNode fits = result.putArray("dimensions");
        for (DimensionFit f : summary.fits()) {
            ObjectNode node = fits.addObject();
            node.put("dimension", f.dimension());
            node.put("entropy", JsonResults.finite(f.entropy()));
            node.put("modelCrossEntropy", JsonResults.finite(f.modelCrossEntropy()));
            node.put("gap", JsonResults.finite(f.gap()));
            node.put("epochs", f.epochs());
            node.put("stopReason", f.stopReason());
            node.put("trainingSeconds", f.trainingSeconds());
        }
        ArrayNode families = result.putArray("families");
        for (FamilySummary f : summary.families()) {
            ObjectNode node = families.addObject();
            node.put("dimension", f.dimension());
            node.put("family", f.family().name().toLowerCase(Locale.ROOT));
            node.put("cells", f.cells());
            node.put("maxAbsModelUnderestimation", JsonResults.finite(f.maxAbsUnderestimation()));
            node.put("modelFindsMoreLikely", f.modelFindsMoreLikely());
            node.put("meanModelKl", JsonResults.finite(f.meanModelKl()));
            node.put("meanKl", JsonResults.finite(f.meanKl()));
            node.put("meanTnrModel", JsonResults.finite(f.meanTnrModel()));
            node.put("meanTnrTrue", JsonResults.finite(f.meanTnrTrue()));
            node.put("maxTnrGap", JsonResults.finite(f.maxTnrGap()));
            node.put("meanAurocModel", JsonResults.finite(f.meanAurocModel()));
            node.put("meanAurocTrue", JsonResults.finite(f.meanAurocTrue()));
        }
    }
}
