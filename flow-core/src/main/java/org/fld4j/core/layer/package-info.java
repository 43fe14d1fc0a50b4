/**
 * The layers of dense flows: affine coupling under a half mask with an MLP conditioner (from the conditioner package), ActNorm,
 * permutations and an LU-parametrised invertible linear map. Each implements forward, inverse and a
 * hand-written backward over preallocated buffers.
 */
package org.fld4j.core.layer;
