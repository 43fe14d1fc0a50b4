package org.fld4j.cli.published;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a download's body when it has sent nothing for a while: the HTTP client's timeouts end with the response
 * headers, and a read from a server that stops sending would block for ever. The reader calls {@link #progressed}
 * after each read; a daemon thread checks a few times per timeout and, once the timeout passes without progress,
 * marks the download stalled, closes the body and interrupts the reading thread (the JDK client's body stream waits
 * on a queue that closing alone does not wake). The reader clears the interrupt with {@link #clearInterrupt}.
 */
final class StallWatch implements Closeable {

    private final InputStream body;
    private final Thread reader = Thread.currentThread();
    private final long timeoutNanos;
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final ScheduledExecutorService timer;
    private volatile boolean stalled;

    StallWatch(InputStream body, Duration timeout) {
        this.body = body;
        this.timeoutNanos = timeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fld-download-stall-watch");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, timeoutNanos / 4);
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    /** Bytes arrived: the timeout starts again. */
    void progressed() {
        lastProgress.set(System.nanoTime());
    }

    /** Whether the body was closed because it sent nothing for the timeout. */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        if (!stalled && System.nanoTime() - lastProgress.get() > timeoutNanos) {
            stalled = true;
            try {
                body.close();
            } catch (IOException e) {
                // the interrupt below ends the blocked read either way
            }
            reader.interrupt();
        }
    }

    /** After a stall: clears the interrupt that woke the reading thread, so that its clean-up runs normally. */
    void clearInterrupt() {
        if (stalled) {
            Thread.interrupted();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // a stall's interrupt of this (the reading) thread; cleared below
        }
        clearInterrupt();
    }
}
