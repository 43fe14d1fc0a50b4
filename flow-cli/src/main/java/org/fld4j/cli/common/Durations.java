package org.fld4j.cli.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations on the command line: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1h30m}, or ISO-8601 {@code PT15M}. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    /** Parses a duration, naming the text when it is not one. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            Duration d = Duration.ZERO;
            if (m.group(1) != null) {
                d = d.plusHours(Long.parseLong(m.group(1)));
            }
            if (m.group(2) != null) {
                d = d.plusMinutes(Long.parseLong(m.group(2)));
            }
            if (m.group(3) != null) {
                d = d.plusSeconds(Long.parseLong(m.group(3)));
            }
            return positive(d, text);
        }
        try {
            return positive(Duration.parse(text.strip().toUpperCase(Locale.ROOT)), text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (e.g. 90s, 15m, 2h, 1h30m)");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
        }
        return d;
    }

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** E.g. {@code 1h 02m}, {@code 3m 05s}, {@code 42.1 s}. */
    public static String human(Duration d) {
        long s = d.getSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
