package org.fld4j.core.internal.backend;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * OpenMP's thread count, which oneDNN's primitives (the GEMMs and convolutions that ND4J's natives run through it)
 * use, and which ND4J's own thread setting does not reach. OpenMP keeps this count per calling thread: setting it on
 * one Java thread leaves every other Java thread at OpenMP's default (all cores). So the count a program asks for
 * ({@link #request}) is applied again on whatever thread runs a flow ({@link #applyToCurrentThread}), and a thread
 * may hold a count of its own for a while ({@link #withThreads}).
 *
 * <p>Why it matters: a small dense flow's GEMMs ran with two OpenMP threads while fld4j had asked ND4J for one, and
 * waking and joining the second thread cost about 15% of a scoring pass.
 *
 * <p>The count is reached through the native ops of the backend on the class path, looked up by name: fld4j's
 * libraries depend on nd4j-api alone, so that the backend stays a choice made at run time. Without such ops (a backend
 * that has none), every method here leaves the count alone and {@link #current} reports 0.
 */
public final class OpenMpThreads {

    /** The count the program asked for; 0 while it asked for none (OpenMP's default stays). */
    private static volatile int requested;

    /** A count held by this thread for a while ({@link #withThreads}); 0 when it holds none. */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    private OpenMpThreads() {
    }

    /**
     * Asks for {@code threads} OpenMP threads on every thread that runs a flow from now on, this one at once; 0 asks
     * for none again (threads that were given a count keep it).
     */
    public static void request(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        requested = threads;
        applyToCurrentThread();
    }

    /** The count asked for by {@link #request}, 0 when none was. */
    public static int requested() {
        return requested;
    }

    /** Gives this thread the count it holds, else the one requested; does nothing when neither is set. */
    public static void applyToCurrentThread() {
        int held = HELD.get()[0];
        int wanted = held > 0 ? held : requested;
        if (wanted > 0) {
            set(wanted);
        }
    }

    /** OpenMP's thread count on this thread now; 0 when the backend has no native ops to ask. */
    public static int current() {
        return Native.get();
    }

    /**
     * Runs {@code work} with {@code threads} OpenMP threads on this thread, then gives the thread back the count it
     * had.
     */
    public static <T> T withThreads(int threads, Supplier<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int[] held = HELD.get();
        int previousHeld = held[0];
        int previousCount = current();
        held[0] = threads;
        set(threads);
        try {
            return work.get();
        } finally {
            held[0] = previousHeld;
            if (previousCount > 0) {
                set(previousCount);
            }
        }
    }

    private static void set(int threads) {
        if (Native.AVAILABLE && Native.get() != threads) {
            Native.set(threads);
        }
    }

    /** The backend's native ops, looked up on first use. */
    private static final class Native {
        private static final MethodHandle GET;
        private static final MethodHandle SET;
        static final boolean AVAILABLE;

        static {
            MethodHandle get = null;
            MethodHandle set = null;
            try {
                Class<?> holder = Class.forName("org.nd4j.nativeblas.NativeOpsHolder");
                Object ops = holder.getMethod("getDeviceNativeOps").invoke(holder.getMethod("getInstance").invoke(null));
                Class<?> type = Class.forName("org.nd4j.nativeblas.NativeOps");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                get = lookup.findVirtual(type, "ompGetMaxThreads", MethodType.methodType(int.class)).bindTo(ops);
                set = lookup.findVirtual(type, "setOmpNumThreads", MethodType.methodType(void.class, int.class))
                        .bindTo(ops);
            } catch (ReflectiveOperationException | LinkageError e) {
                get = null;
                set = null;
            }
            GET = get;
            SET = set;
            AVAILABLE = get != null;
        }

        static int get() {
            if (!AVAILABLE) {
                return 0;
            }
            try {
                return (int) GET.invokeExact();
            } catch (Throwable e) {
                throw rethrown(e);
            }
        }

        static void set(int threads) {
            try {
                SET.invokeExact(threads);
            } catch (Throwable e) {
                throw rethrown(e);
            }
        }

        private static RuntimeException rethrown(Throwable e) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("the backend's OpenMP call failed", e);
        }
    }
}
