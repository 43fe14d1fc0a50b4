/**
 * Image input for fld4j: where images come from, and how they become the 8-bit NCHW batches that the flows
 * consume.
 *
 * <p>Everything starts at {@link org.fld4j.io.ImageSource}: a numbered, read-only sequence of images, each with
 * an {@link org.fld4j.io.ImageId} that later per-image scores can name. Sources are built from folders, file
 * lists, {@link java.awt.image.BufferedImage}s, ND4J and Java arrays, NPY/NPZ, IDX and CIFAR binary files.
 * A source is read as a bounded-memory stream of batches ({@link org.fld4j.io.stream.ImageBatchStream}); every
 * problem met on the way is either fatal or recorded in an {@link org.fld4j.io.InputReport}, as the caller's
 * {@link org.fld4j.io.BadInputPolicy} says. Nothing in the input is ever modified.
 */
package org.fld4j.io;
