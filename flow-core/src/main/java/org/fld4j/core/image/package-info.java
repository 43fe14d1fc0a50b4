/**
 * Image flows on batches in NCHW layout (samples of shape [C, H, W]) with pixel values 0..255:
 * uniform and variational dequantization, the logit, couplings under checkerboard and channel masks
 * conditioned by the gated conv net of the official FLD flow, the squeeze, the multi-scale split,
 * ActNorm per channel and the invertible 1x1 convolution; and the presets' architectures
 * ({@link org.fld4j.core.image.ImagePreset}); {@link org.fld4j.core.ImageFlowBuilder} assembles them.
 * Every layer implements forward, inverse and a hand-written backward over preallocated buffers.
 */
package org.fld4j.core.image;
