package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a kernel's ND4J path takes its scratch arrays from: named planar blocks {@code [rows, N*H*W]}
 * of the caller's geometry, fetched only when that path runs (the fused path needs none).
 */
@FunctionalInterface
public interface KernelWork {

    /** The scratch block {@code name} of {@code rows} rows. */
    INDArray get(String name, long rows);
}
