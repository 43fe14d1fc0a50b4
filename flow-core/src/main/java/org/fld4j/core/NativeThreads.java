package org.fld4j.core;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The number of native threads ND4J uses for its own ops and for BLAS, settable at run time.
 *
 * <p>On small machines and small models, one thread is often faster than several: every ND4J op
 * has a fixed cost, and with more threads each op also pays for waking and joining them (see
 * docs/performance.md for measurements). This is process-wide state: call it once at start-up, not
 * from library code that shares the JVM with other ND4J users. The OpenMP wait policy cannot be
 * changed from Java; set {@code OMP_WAIT_POLICY=PASSIVE} in the environment of the JVM.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Uses {@code threads} threads for ND4J's ops and its BLAS from now on. */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** The number of threads ND4J's ops currently use. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
