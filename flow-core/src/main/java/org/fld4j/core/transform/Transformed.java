package org.fld4j.core.transform;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one pass through a {@link Transform}: the transformed batch and the per-sample
 * log-determinant of the Jacobian of that pass.
 *
 * @param output the transformed batch, first dimension N
 * @param logDet per-sample {@code log|det J|} of this pass, a DOUBLE vector of length N
 */
public record Transformed(INDArray output, INDArray logDet) {
}
