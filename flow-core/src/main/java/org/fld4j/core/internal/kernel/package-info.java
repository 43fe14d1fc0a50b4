/**
 * The numeric kernels under the layers: tensor helpers ({@link org.fld4j.core.internal.kernel.Tensors}), the
 * float32 exponential and sigmoid ({@link org.fld4j.core.internal.kernel.FloatMath}; in vector registers where the
 * JVM has JDK 17's Vector API module, with the same bits), and the fused float32
 * kernels of the conditioner networks and couplings, each of which decides inside whether its fast
 * path applies and otherwise runs ND4J's ops. Internal (see {@link org.fld4j.core.internal}).
 */
package org.fld4j.core.internal.kernel;
