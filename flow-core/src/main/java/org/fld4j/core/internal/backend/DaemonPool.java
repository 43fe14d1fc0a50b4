package org.fld4j.core.internal.backend;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** fld4j's own worker pools: cached threads named {@code prefix-N}, daemons, so that they never keep a JVM alive. */
public final class DaemonPool {

    private DaemonPool() {
    }

    /** A cached pool whose threads are daemons named {@code prefix-1}, {@code prefix-2}, ... */
    public static ExecutorService cached(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
