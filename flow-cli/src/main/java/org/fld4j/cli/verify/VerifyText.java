package org.fld4j.cli.verify;

import java.util.List;
import java.util.Locale;
import org.fld4j.cli.common.Durations;

/** The human form of the self-checks: one PASS or FAIL line per check with the value and the range. */
public final class VerifyText {

    private VerifyText() {
    }

    public static String format(List<CheckResult> checks) {
        StringBuilder out = new StringBuilder();
        for (CheckResult c : checks) {
            String unit = c.unit().isEmpty() ? "" : " " + c.unit();
            out.append(String.format(Locale.ROOT, "%s  %-19s %s = %s%s, expected %s (%s)%n", c.passed() ? "PASS" : "FAIL",
                    c.id(), c.what(), number(c.measured()), unit, range(c.low(), c.high()) + unit,
                    Durations.human(c.elapsed())));
            out.append("      ").append("range: ").append(c.basis()).append('\n');
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.append(failed == 0 ? "all " + checks.size() + " checks passed\n"
                : failed + " of " + checks.size() + " checks FAILED\n");
        return out.toString();
    }

    private static String range(double low, double high) {
        return low == high ? "exactly " + number(low) : "[" + number(low) + ", " + number(high) + "]";
    }

    private static String number(double v) {
        if (v == 0) {
            return "0";
        }
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : Double.toString(v);
    }
}
