/**
 * Turning image files and {@link java.awt.image.BufferedImage}s into 8-bit gray or RGB samples: format detection by
 * content, header checks before any pixel is decoded, and the conversions (alpha, bit depth, palettes, colour
 * spaces) that make every image an {@link org.fld4j.io.UInt8Image}.
 */
package org.fld4j.io.decode;
