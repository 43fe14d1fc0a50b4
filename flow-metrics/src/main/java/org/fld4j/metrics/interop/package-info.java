/**
 * Weights of FLD's PyTorch image flow in and out of fld4j: {@link org.fld4j.metrics.interop.TorchFlows} reads the
 * NPZ + JSON pair that {@code interop/fld4j_torch.py} writes from a PyTorch {@code state_dict} into a
 * {@link org.fld4j.core.Flow} of the fld-paper layout, and writes such a flow as the same pair, which the script
 * loads back into PyTorch. It lives here because it needs both flow-io's NPZ files and flow-core's flows.
 */
package org.fld4j.metrics.interop;
