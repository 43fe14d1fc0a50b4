package org.fld4j.cli.report;

import java.util.Locale;
import java.util.regex.Pattern;
import org.fld4j.metrics.fld.ConfidenceInterval;

/** Numbers as reports print them: fixed decimals, and "n/a" where a value is not finite (never NaN or Infinity). */
public final class ReportText {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?");

    private ReportText() {
    }

    /** {@code value} with {@code decimals} decimals, or {@code n/a}. */
    public static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }

    /** A count with thousands separators, e.g. {@code 2,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code [lower, upper]} with {@code decimals} decimals. */
    public static String interval(ConfidenceInterval interval, int decimals) {
        return "[" + number(interval.lower(), decimals) + ", " + number(interval.upper(), decimals) + "]";
    }

    /** A level as given, without a trailing {@code .0}: 8, 0.05, 1.5. */
    public static String level(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Whether a table cell holds a number (right-aligned). */
    static boolean isNumeric(String cell) {
        return NUMBER.matcher(cell).matches();
    }
}
