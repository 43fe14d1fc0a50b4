package org.fld4j.io.decode;

/**
 * Limits applied while decoding image files.
 *
 * @param maxPixels the largest width x height accepted. A header that declares more is refused before any pixel is
 *                  decoded, so a hostile or corrupt file cannot make the decoder allocate gigabytes. Default
 *                  {@value #DEFAULT_MAX_PIXELS} (64 megapixels).
 */
public record DecodeOptions(long maxPixels) {

    /** 64 megapixels: well above any photo a realism metric needs, well below what exhausts a default heap. */
    public static final long DEFAULT_MAX_PIXELS = 64_000_000L;

    /** Validates the limit. */
    public DecodeOptions {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1: " + maxPixels);
        }
    }

    /** The defaults. */
    public static DecodeOptions defaults() {
        return new DecodeOptions(DEFAULT_MAX_PIXELS);
    }
}
