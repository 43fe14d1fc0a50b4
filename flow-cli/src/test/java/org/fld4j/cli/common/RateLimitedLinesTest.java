package org.fld4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.junit.jupiter.api.Test;

class RateLimitedLinesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
    }

    @Test
    void printsOneRenderingEvery30SecondsAndTheLastOnClose() {
        RateLimitedLines lines = new RateLimitedLines(out, now::get);
        // a rendering every second for 95 s: lines at 30, 60 and 90 s, then the last (94 s) on close
        for (int second = 0; second < 95; second++) {
            now.set(second * 1_000_000_000L);
            lines.accept("\rtask " + second + "   ");
        }
        lines.close();
        assertThat(lines()).containsExactly("task 30", "task 60", "task 90", "task 94", "");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void aShortTaskGivesOneLineAndCloseRepeatsNothing() {
        RateLimitedLines lines = new RateLimitedLines(out, now::get);
        lines.accept("first");
        lines.accept("last");
        lines.close();
        assertThat(lines()).containsExactly("last", "");
        now.set(31_000_000_000L);
        RateLimitedLines printed = new RateLimitedLines(out, now::get);
        now.set(62_000_000_000L);
        printed.accept("late");
        printed.close();
        assertThat(lines()).containsExactly("last", "late", "");
    }

    @Test
    void aRealBarGivesWholeLinesWithTheFinalCount() {
        RateLimitedLines lines = new RateLimitedLines(out, now::get);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("scoring").setInitialMax(1000)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(10).setConsumer(lines).build()) {
            for (int i = 0; i < 1000; i++) {
                bar.step();
            }
        }
        lines.close(); // as Progress.close does: the bar does not close a consumer it never updated
        String[] printed = lines();
        // the clock never moves: the final rendering alone, then the trailing newline's ""
        assertThat(printed.length).isEqualTo(2);
        assertThat(printed[printed.length - 1]).isEmpty();
        assertThat(printed[printed.length - 2]).startsWith("scoring 100%").contains("1000/1000");
        for (String line : printed) {
            assertThat(line.length()).isLessThanOrEqualTo(RateLimitedLines.WIDTH);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}
