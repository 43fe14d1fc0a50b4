package org.fld4j.core.internal.backend;


/**
 * What the natives that loaded can do. Which build of ND4J's CPU natives loads is not decided here but by
 * the backend module on the class path: {@code flow-backend-cpu} lists a selection that makes ND4J load the
 * oneDNN build (whose convolutions run 10-30x faster) before anything touches ND4J; see
 * docs/architecture.md. fld4j picks its convolution code by what loaded ({@link #oneDnnLoaded()}).
 */
public final class NativeBackend {

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

}
