package org.fld4j.io.stream;

import org.fld4j.io.DecodedImage;

/**
 * An image and its position in the source it was read from (needed to look up its label).
 *
 * @param index position in the source
 * @param image the preprocessed image
 */
record IndexedImage(int index, DecodedImage image) {
}
