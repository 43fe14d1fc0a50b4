package org.fld4j.cli.fld;

import java.util.Locale;
import org.fld4j.metrics.fld.FldOptions;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap} and {@code --confidence} ({@code @Mixin}): the FLD interval a command reports. Both are
 * null unless given, which keeps the reference's own settings; they never change the reference.
 */
public final class IntervalOptions {

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Bootstrap resamples of the interval, 100 to 100000 (default: the reference's, 1000).")
    Integer bootstrap;

    @Option(names = "--confidence", paramLabel = "C",
            description = "Coverage of the interval, e.g. 0.95 (default: the reference's, 0.95).")
    Double confidence;

    /** Refuses (exit 2) values the interval cannot use, before any image is read. */
    void check() {
        if (bootstrap != null && (bootstrap < FldOptions.MIN_BOOTSTRAP_RESAMPLES
                || bootstrap > FldOptions.MAX_BOOTSTRAP_RESAMPLES)) {
            throw Usage.invalid("--bootstrap", bootstrap, String.format(Locale.ROOT,
                    "%,d to %,d resamples (past 10,000 the interval's ends move by under 3%% of its spread)",
                    FldOptions.MIN_BOOTSTRAP_RESAMPLES, FldOptions.MAX_BOOTSTRAP_RESAMPLES));
        }
        if (confidence != null && !(confidence > 0 && confidence < 1)) {
            throw Usage.invalid("--confidence", confidence, "a coverage between 0 and 1, e.g. 0.95");
        }
    }
}
