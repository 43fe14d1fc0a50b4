package org.fld4j.core.backend;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fld4j.core.internal.backend.OpenMpThreads;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

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


    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private NativeThreads() {
    }

    /**
     * Warns once per JVM when {@code OMP_WAIT_POLICY} is not {@code PASSIVE}: with ND4J's default, spinning OpenMP
     * threads made flows several times slower on small machines (a library user's program ran 1.7x slower). The
     * warning goes through SLF4J at WARN; a program without an SLF4J binding would never see it there, so it then goes
     * to stderr directly.
     */
    public static void checkWaitPolicy() {
        if (CHECKED.compareAndSet(false, true)) {
            waitPolicyAdvice(System.getenv("OMP_WAIT_POLICY"))
                    .ifPresent(advice -> warn(advice, LOG, LoggerFactory.getILoggerFactory(), System.err));
        }
    }

    /** The advice for a wait policy of {@code policy} (null when unset), empty when it is already passive. */
    static Optional<String> waitPolicyAdvice(String policy) {
        if (policy != null && policy.trim().equalsIgnoreCase("passive")) {
            return Optional.empty();
        }
        return Optional.of("fld4j: OMP_WAIT_POLICY is " + (policy == null ? "unset" : "'" + policy + "'")
                + "; ND4J's OpenMP threads then spin between ops and flows run up to several times slower on small"
                + " machines. Start the JVM with OMP_WAIT_POLICY=PASSIVE in its environment, e.g."
                + " 'OMP_WAIT_POLICY=PASSIVE java ...' (see fld4j's docs/performance.md).");
    }

    /** Warns through {@code log}, or on {@code stderr} when SLF4J has no binding ({@code factory} is SLF4J's no-op). */
    static void warn(String advice, Logger log, ILoggerFactory factory, PrintStream stderr) {
        if (factory instanceof NOPLoggerFactory) {
            stderr.println(advice);
        } else {
            log.warn(advice);
        }
    }

    /**
     * Uses {@code threads} threads for ND4J's ops, its BLAS and the oneDNN primitives behind its GEMMs and
     * convolutions from now on. oneDNN takes its count from OpenMP, which keeps one per calling thread; fld4j applies
     * the count again on every thread that runs a flow, so it holds whichever thread scores or trains.
     */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        OpenMpThreads.request(threads);
    }

    /** The number of threads ND4J's ops currently use. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
