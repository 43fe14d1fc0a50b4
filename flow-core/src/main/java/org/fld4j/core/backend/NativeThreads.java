package org.fld4j.core.backend;

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


    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NativeThreads.class);
    private static final java.util.concurrent.atomic.AtomicBoolean CHECKED = new java.util.concurrent.atomic.AtomicBoolean();

    private NativeThreads() {
    }

    /**
     * Logs once per JVM when {@code OMP_WAIT_POLICY} is not {@code PASSIVE}: with ND4J's default,
     * spinning OpenMP threads made flows several times slower on small machines.
     */
    public static void checkWaitPolicy() {
        if (CHECKED.compareAndSet(false, true)) {
            String policy = System.getenv("OMP_WAIT_POLICY");
            if (policy == null || !policy.equalsIgnoreCase("passive")) {
                LOG.info("OMP_WAIT_POLICY is {}; set OMP_WAIT_POLICY=PASSIVE in the JVM's environment for faster"
                        + " flows (see fld4j's docs/performance.md)", policy == null ? "unset" : policy);
            }
        }
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
