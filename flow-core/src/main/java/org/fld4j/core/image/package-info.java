/**
 * Layers of image flows, on batches in NCHW layout (samples of shape [C, H, W]): the squeeze that
 * trades resolution for channels, ActNorm per channel and the invertible 1x1 convolution. Each
 * implements forward, inverse and a hand-written backward over preallocated buffers.
 */
package org.fld4j.core.image;
