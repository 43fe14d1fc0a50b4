package org.fld4j.io.array;

/**
 * The two CIFAR binary formats. Each record is the label byte(s) followed by a 32x32 RGB image as three 1024-byte
 * planes (red, green, blue), rows top to bottom.
 */
public enum CifarVariant {
    /** One label byte (0..9) per record: 3073 bytes. */
    CIFAR10(1),
    /** A coarse (0..19) then a fine (0..99) label byte per record: 3074 bytes. The fine label is used. */
    CIFAR100(2);

    /** Bytes of one image: 3 x 32 x 32. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;

    private final int labelBytes;

    CifarVariant(int labelBytes) {
        this.labelBytes = labelBytes;
    }

    /** Label bytes before each image. */
    public int labelBytes() {
        return labelBytes;
    }

    /** Bytes of one record. */
    public int recordBytes() {
        return labelBytes + IMAGE_BYTES;
    }
}
