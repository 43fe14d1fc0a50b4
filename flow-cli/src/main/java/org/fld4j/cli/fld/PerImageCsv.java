package org.fld4j.cli.fld;

import java.util.List;
import org.fld4j.metrics.fld.ImageScore;

/**
 * Every generated image's score as CSV: {@code index,name,log_likelihood,bits_per_dim}, one row per image in source
 * order, numbers with round-trip precision, names quoted when they hold a comma, a quote or a line break.
 */
final class PerImageCsv {

    static final String HEADER = "index,name,log_likelihood,bits_per_dim";

    private PerImageCsv() {
    }

    static String format(List<ImageScore> scores) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ImageScore s : scores) {
            out.append(s.index()).append(',').append(quote(s.name())).append(',')
                    .append(s.logLikelihood()).append(',').append(s.bitsPerDim()).append('\n');
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
