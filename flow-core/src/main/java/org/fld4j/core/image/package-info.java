/**
 * Convolutional building blocks of image flows: the gated convolutional conditioner of the official
 * FLD architecture and its parts, with hand-written backward passes over preallocated buffers.
 */
package org.fld4j.core.image;
