package org.fld4j.core.internal.kernel;

/**
 * Whether the float32 kernels use {@link VectorKernels}: when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, a vector holds at least 8 floats (AVX2 or wider; on
 * narrower hardware the Vector API falls back to slow scalar code) and the system property
 * {@value #PROPERTY} is not {@code false}. Otherwise the kernels run their auto-vectorised loops, which
 * give the same bits more slowly. Decided once, when the kernels are first used.
 */
final class VectorSupport {

    private VectorSupport() {
    }

    /** The system property that turns the vector kernels off ({@code false}) to compare both paths. */
    static final String PROPERTY = "fld4j.vectorKernels";
    static final String MODULE = "jdk.incubator.vector";
    private static final int MIN_LANES = 8;

    /** Whether the module is in this JVM's boot layer (it is not resolved unless asked for). */
    static boolean modulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Whether the kernels use the vector forms in this JVM. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY))
            && modulePresent() && VectorKernels.lanes() >= MIN_LANES;
}
