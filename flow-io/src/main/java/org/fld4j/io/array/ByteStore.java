package org.fld4j.io.array;

import java.io.IOException;

/**
 * Random access to the bytes of an array's data, wherever they are: a file read by position, or a buffer that a
 * compressed file was inflated into. Implementations are safe for concurrent reads.
 */
interface ByteStore {

    /** Fills {@code target[offset .. offset+length)} with the bytes starting at {@code position}. */
    void read(long position, byte[] target, int offset, int length) throws IOException;

    /** The number of bytes available. */
    long size();
}
