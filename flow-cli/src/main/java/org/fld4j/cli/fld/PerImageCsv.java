package org.fld4j.cli.fld;

import org.fld4j.metrics.memorization.ImageCopyScore;
import org.fld4j.metrics.memorization.MemorizationResult;
import java.util.List;
import org.fld4j.metrics.fld.ImageScore;

/**
 * Every generated image's score as CSV: {@code index,name,log_likelihood,bits_per_dim}, one row per image in source
 * order, numbers with round-trip precision, names quoted when they hold a comma, a quote or a line break. With the
 * copy check, four more columns: {@code nearest_training_distance,nearest_training,near_copy,held_out_percentile}.
 */
final class PerImageCsv {

    static final String HEADER = "index,name,log_likelihood,bits_per_dim";
    static final String COPY_COLUMNS = ",nearest_training_distance,nearest_training,near_copy,held_out_percentile";

    private PerImageCsv() {
    }

    static String format(List<ImageScore> scores) {
        return format(scores, null);
    }

    /** With the copy check's columns when {@code copies} is not null (its images in the same order). */
    static String format(List<ImageScore> scores, MemorizationResult copies) {
        StringBuilder out = new StringBuilder(HEADER).append(copies == null ? "" : COPY_COLUMNS).append('\n');
        for (int i = 0; i < scores.size(); i++) {
            ImageScore s = scores.get(i);
            out.append(s.index()).append(',').append(quote(s.name())).append(',')
                    .append(s.logLikelihood()).append(',').append(s.bitsPerDim());
            if (copies != null) {
                ImageCopyScore c = copies.perImage().get(i);
                out.append(',').append(c.nearestDistance()).append(',').append(quote(c.nearestTraining()))
                        .append(',').append(c.nearCopy()).append(',').append(c.heldOutPercentile());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
