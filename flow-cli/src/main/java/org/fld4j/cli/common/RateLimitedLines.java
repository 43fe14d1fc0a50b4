package org.fld4j.cli.common;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar's renderings as whole lines, for a stderr that is not a terminal: at most one every
 * {@link #INTERVAL_NANOS} (30 s) from the bar's start, and the last one when the bar closes, so a log gets one line
 * for a short task and one per half minute for a long one, instead of a redraw every quarter second.
 */
final class RateLimitedLines implements ProgressBarConsumer {

    /** The least time between two lines of one bar: 30 s. */
    static final long INTERVAL_NANOS = 30_000_000_000L;
    /** Lines are rendered this wide, room for the task, the bar, the counts, the times and a short message. */
    static final int WIDTH = 120;

    private final PrintStream out;
    private final LongSupplier clock;
    private long lastPrinted;
    private String pending;

    RateLimitedLines(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.lastPrinted = clock.getAsLong();
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    @Override
    public void accept(String rendered) {
        long now = clock.getAsLong();
        String line = rendered.strip();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            out.println(line);
            lastPrinted = now;
            pending = null;
        } else {
            pending = line;
        }
    }

    @Override
    public void close() {
        if (pending != null) {
            out.println(pending);
            pending = null;
        }
        out.flush();
    }
}
