/**
 * What happens to decoded images before they reach the flows: channel conversion, and the size policy (require equal
 * sizes, resize with a named antialiasing filter, or centre-crop). Every step works on 8-bit images and produces
 * 8-bit images, so the flows always see integers 0..255.
 */
package org.fld4j.io.preprocess;
