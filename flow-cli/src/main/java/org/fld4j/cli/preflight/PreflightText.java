package org.fld4j.cli.preflight;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.output.TextTable;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.preflight.PreflightSummary;

/** The human form of a pre-flight scan: one table row per set, then what needs attention in each. */
public final class PreflightText {

    /** How many formats or sizes a table cell names before it says how many more there are. */
    static final int MAX_NAMED = 3;

    private PreflightText() {
    }

    /** The report for {@code sets}, read under {@code policy}. */
    public static String format(List<ScannedSet> sets, BadInputPolicy policy) {
        TextTable table = new TextTable(List.of("set", "listed", "usable", "problems", "formats", "sizes (WxH)",
                "gray", "colour", "alpha", "16-bit"), false, true, true, true, false, false, true, true, true, true);
        for (ScannedSet set : sets) {
            PreflightSummary s = set.summary();
            table.row(set.spec(), count(s.listed()), count(s.usable()), count(s.problems().size()),
                    counts(s.formatCounts()), counts(s.sizeCounts()), count(s.grayCount()), count(s.colorCount()),
                    count(s.alphaCount()), count(s.sixteenBitCount()));
        }
        StringBuilder out = new StringBuilder(table.format(""));
        for (ScannedSet set : sets) {
            out.append(details(set, policy));
        }
        out.append(totals(sets, policy));
        return out.toString();
    }

    private static String details(ScannedSet set, BadInputPolicy policy) {
        PreflightSummary s = set.summary();
        StringBuilder out = new StringBuilder();
        if (!s.uniformSize()) {
            out.append("  mixed sizes: ").append(s.sizeCounts().size()).append(" sizes; add --resize HxW or --crop HxW"
                    + " to use these images together\n");
        }
        if (s.alphaCount() > 0) {
            out.append("  ").append(s.alphaCount()).append(" image(s) with alpha: the alpha channel will be dropped\n");
        }
        if (s.sixteenBitCount() > 0) {
            out.append("  ").append(s.sixteenBitCount()).append(" image(s) with 16 bits per sample: rounded to 8\n");
        }
        if (!s.unknownExtensions().isEmpty()) {
            out.append("  ").append(s.unknownExtensions().size())
                    .append(" file(s) without an image extension, read by their content:\n");
            s.unknownExtensions().forEach(name -> out.append("    ").append(name).append('\n'));
        }
        if (!s.problems().isEmpty()) {
            out.append("  ").append(s.problems().size()).append(" problem file(s): ").append(policy == BadInputPolicy.FAIL
                    ? "reading this set fails at the first of them (--on-error fail); --on-error skip leaves them out"
                    : "left out when the set is read (--on-error skip); --on-error fail would stop at the first")
                    .append('\n');
            for (SkippedImage p : s.problems()) {
                String message = InputOptions.withOptionHint(p.problem(), p.message());
                out.append("    ").append(p.problem()).append(": ").append(message.replace('\n', ' ')).append('\n');
            }
        }
        if (!s.ignored().isEmpty()) {
            out.append("  ").append(s.ignored().size()).append(" input(s) ignored on request:\n");
            s.ignored().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.isEmpty() ? "" : "\n" + set.spec() + " (" + s.source() + "):\n" + out;
    }

    private static String totals(List<ScannedSet> sets, BadInputPolicy policy) {
        int listed = 0;
        int usable = 0;
        int problems = 0;
        for (ScannedSet set : sets) {
            listed += set.summary().listed();
            usable += set.summary().usable();
            problems += set.summary().problems().size();
        }
        List<String> failing = sets.stream().filter(ScannedSet::failsUnderOnErrorFail).map(ScannedSet::spec).toList();
        String verdict = failing.isEmpty() ? "every listed image can be read"
                : "under --on-error fail" + (policy == BadInputPolicy.FAIL ? " (the default)" : "")
                + " reading would fail for " + String.join(", ", failing);
        return "\n" + usable + " usable of " + listed + " listed in " + sets.size() + " set(s), " + problems
                + " problem file(s): " + verdict + "\n";
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        String named = counts.entrySet().stream().limit(MAX_NAMED).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return counts.size() > MAX_NAMED ? named + " (+" + (counts.size() - MAX_NAMED) + " more)" : named;
    }

    private static String count(int n) {
        return Integer.toString(n);
    }
}
