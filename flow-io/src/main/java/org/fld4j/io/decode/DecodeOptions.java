package org.fld4j.io.decode;

/**
 * Limits applied while decoding image files. Both are checked from the file header, before any pixel is decoded,
 * so a small hostile or corrupt file (a 500 KB PNG can declare 8000 x 8000 16-bit RGBA, 512 MB decoded) cannot make
 * the decoder allocate more than the limits allow.
 *
 * @param maxPixels       the largest width x height accepted. Default {@value #DEFAULT_MAX_PIXELS}.
 * @param maxDecodedBytes the largest decoded raster accepted, in bytes: width x height x the bytes per pixel of the
 *                        format's own sample layout (e.g. 8 for 16-bit RGBA, 3 for 8-bit RGB, 1 for 8-bit gray).
 *                        Where the reader cannot tell its sample layout before decoding, 8 bytes per pixel (the
 *                        largest common layout) is assumed. Default {@value #DEFAULT_MAX_DECODED_BYTES}.
 */
public record DecodeOptions(long maxPixels, long maxDecodedBytes) implements java.io.Serializable {

    /**
     * 16 megapixels (e.g. 4096 x 4096, or a 12-megapixel phone photo with room to spare): larger than any image a
     * realism metric is computed on (generators produce at most 1024 x 1024 to 2048 x 2048; images are resized
     * down before use), and small enough that one decoded image stays a small part of a default heap.
     */
    public static final long DEFAULT_MAX_PIXELS = 16L << 20;

    /**
     * 256 MiB: enough for a full 16-megapixel image in 16-bit RGBA (8 bytes per pixel = 128 MiB) with room to
     * spare, while bounding what a single image holds at once together with its 8-bit copy; a few images in flight
     * (the decoding queue) then fit in a 2 GB heap.
     */
    public static final long DEFAULT_MAX_DECODED_BYTES = 256L << 20;

    /** Validates the limits. */
    public DecodeOptions {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1: " + maxPixels);
        }
        if (maxDecodedBytes < 1) {
            throw new IllegalArgumentException("maxDecodedBytes must be >= 1: " + maxDecodedBytes);
        }
    }

    /** The defaults. */
    public static DecodeOptions defaults() {
        return new DecodeOptions(DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODED_BYTES);
    }

    /** The same limits with {@code value} as the pixel limit. */
    public DecodeOptions withMaxPixels(long value) {
        return new DecodeOptions(value, maxDecodedBytes);
    }

    /** The same limits with {@code value} as the decoded-bytes limit. */
    public DecodeOptions withMaxDecodedBytes(long value) {
        return new DecodeOptions(maxPixels, value);
    }
}
