package org.fld4j.core.backend;

import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;

/**
 * Chooses which build of ND4J's CPU natives loads. fld4j ships two: {@code linux-x86_64-avx2} and
 * {@code linux-x86_64-onednn-avx2}, whose convolutions run in oneDNN at 10-30x the speed (the image
 * flows' conditioners are convolutions). JavaCPP loads the second only when the system property
 * {@code org.bytedeco.javacpp.platform.extension} is {@code -onednn-avx2} at the moment ND4J initialises.
 *
 * <p>{@link #preferOneDnn()} sets it when it is not set and the oneDNN natives are on the class path.
 * fld4j's entry classes ({@link Flow}, {@link FlowNetwork}, {@link NativeThreads}) call it as they load, which is in time when
 * they are the first to touch ND4J; an application that uses ND4J before fld4j should pass
 * {@code -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2} to the JVM itself. Setting the property
 * (to anything, including an empty string) leaves the choice to the caller. Either build gives the same
 * results; fld4j picks its convolution code by what loaded.
 */
public final class NativeBackend {

    /** The JavaCPP property that names the natives' platform extension. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The extension of the oneDNN build. */
    public static final String ONEDNN_EXTENSION = "-onednn-avx2";
    private static final String ONEDNN_LIBRARY =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so";

    private NativeBackend() {
    }

    /**
     * Whether the natives that loaded were built with oneDNN (whose convolutions fld4j then calls
     * directly); touches ND4J, so it loads the natives if nothing has yet.
     */
    public static boolean oneDnnLoaded() {
        return OneDnn.LOADED;
    }

    /** Asked once, on first use. */
    private static final class OneDnn {
        static final boolean LOADED = org.nd4j.linalg.factory.Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN");
    }

    /** Selects the oneDNN natives unless the property is set or they are missing; returns whether it did. */
    public static synchronized boolean preferOneDnn() {
        if (System.getProperty(EXTENSION_PROPERTY) != null) {
            return false;
        }
        ClassLoader loader = NativeBackend.class.getClassLoader();
        if (loader == null || loader.getResource(ONEDNN_LIBRARY) == null) {
            return false;
        }
        System.setProperty(EXTENSION_PROPERTY, ONEDNN_EXTENSION);
        return true;
    }
}
