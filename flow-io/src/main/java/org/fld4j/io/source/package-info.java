/**
 * Where sources come from: {@link org.fld4j.io.source.ImageSources}, the factories for every kind of source (image
 * files, {@link java.awt.image.BufferedImage}s, and the array-backed sources of {@code org.fld4j.io.array}) and for
 * views of any source (shuffled, a subset, preprocessed on read); and the sources made of image files (a folder or
 * an explicit list) or of {@link java.awt.image.BufferedImage}s, with the views themselves.
 */
package org.fld4j.io.source;
