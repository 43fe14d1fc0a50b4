/**
 * The numeric kernels under the layers: tensor helpers ({@link org.fld4j.core.internal.kernel.Tensors}), the
 * float32 exponential and sigmoid ({@link org.fld4j.core.internal.kernel.FloatMath}), and the fused float32
 * kernels of the conditioner networks and couplings, each of which decides inside whether its fast
 * path applies and otherwise runs ND4J's ops. Internal (see {@link org.fld4j.core.internal}).
 */
package org.fld4j.core.internal.kernel;
