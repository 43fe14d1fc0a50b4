package org.fld4j.io.array;

import java.io.IOException;

/**
 * An {@link ImageArray} that stores unsigned bytes (IDX, CIFAR, {@code byte[][]}): its values are the bytes
 * themselves, so only {@link #readBytes} needs writing.
 */
interface ByteImageArray extends ImageArray {

    @Override
    default int bitsPerSample() {
        return 8;
    }

    @Override
    default boolean storesBytes() {
        return true;
    }

    @Override
    default void readValues(int index, double[] chw) throws IOException {
        byte[] bytes = new byte[chw.length];
        readBytes(index, bytes);
        for (int i = 0; i < bytes.length; i++) {
            chw[i] = bytes[i] & 0xFF;
        }
    }
}
