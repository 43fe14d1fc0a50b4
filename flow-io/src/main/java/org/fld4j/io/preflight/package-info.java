/**
 * A look at a source before reading it: formats, sizes, channel and bit-depth counts from the headers, and the
 * images that would be skipped, found by decoding each one and dropping it.
 */
package org.fld4j.io.preflight;
