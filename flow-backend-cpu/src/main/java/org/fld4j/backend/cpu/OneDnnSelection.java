package org.fld4j.backend.cpu;

import org.nd4j.common.io.Resource;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Chooses which of the two CPU builds of libnd4j this module brings loads: {@code linux-x86_64-onednn-avx2},
 * whose convolutions run in oneDNN at 10-30x the speed of the plain {@code linux-x86_64-avx2} build (the image
 * flows' conditioners are convolutions). JavaCPP loads the oneDNN build only when the system property
 * {@value #EXTENSION_PROPERTY} is {@value #ONEDNN_EXTENSION} at the moment ND4J loads its natives.
 *
 * <p>Why a backend: ND4J creates every {@link Nd4jBackend} listed under {@code META-INF/services} before it
 * asks any of them whether it is available, and loads the natives only after that. Listed there, this class
 * sets the property first, whatever code touches ND4J first (fld4j's image input, its flows, or the
 * application). It then never serves as a backend: it has the lowest priority and is never available, so
 * ND4J takes its CPU backend as always. A property that is already set, even to an empty string, is the
 * caller's choice and stays as it is; both builds give the same results.
 */
public final class OneDnnSelection extends Nd4jBackend {

    /** The JavaCPP property that names the natives' platform extension. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The extension of the oneDNN build. */
    public static final String ONEDNN_EXTENSION = "-onednn-avx2";
    private static final String ONEDNN_LIBRARY =
            "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so";

    static {
        choose();
    }

    /** Sets the property to the oneDNN build unless it is set or the oneDNN natives are missing; returns whether it did. */
    public static synchronized boolean choose() {
        if (System.getProperty(EXTENSION_PROPERTY) != null) {
            return false;
        }
        ClassLoader loader = OneDnnSelection.class.getClassLoader();
        if (loader == null || loader.getResource(ONEDNN_LIBRARY) == null) {
            return false;
        }
        System.setProperty(EXTENSION_PROPERTY, ONEDNN_EXTENSION);
        return true;
    }

    /** Created by ND4J's service loader only. */
    public OneDnnSelection() {
    }

    @Override
    public boolean allowsOrder() {
        return false;
    }

    /** Below every real backend, so that ND4J never gets as far as asking this one. */
    @Override
    public int getPriority() {
        return -1_000_000;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public boolean canRun() {
        return false;
    }

    @Override
    public Resource getConfigurationResource() {
        return null;
    }

    @Override
    public Class getNDArrayClass() {
        return null;
    }

    @Override
    public Environment getEnvironment() {
        return null;
    }

    @Override
    public String buildInfo() {
        return "fld4j's selection of the oneDNN build; not a backend";
    }

    @Override
    public void logBackendInit() {
    }
}
