/**
 * The networks that couplings condition on: the MLP of dense couplings and the gated convolutional
 * network of the official FLD flow (3x3 convolutions, gated 1x1 convolutions, concatenated ELU,
 * LayerNorm over channels), with the planar work arrays they share. Each runs forward and a
 * hand-written backward over preallocated buffers.
 */
package org.fld4j.core.conditioner;
