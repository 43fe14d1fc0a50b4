/**
 * Sources made of image files (a folder or an explicit list) or of {@link java.awt.image.BufferedImage}s, and views
 * (subsets, shuffles) of any source.
 */
package org.fld4j.io.source;
