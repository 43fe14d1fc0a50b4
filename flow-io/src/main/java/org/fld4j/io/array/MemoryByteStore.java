package org.fld4j.io.array;

import java.util.Objects;

/** A {@link ByteStore} over bytes already in memory (an inflated gzip or NPZ entry, a Fortran-order array). */
final class MemoryByteStore implements ByteStore {

    private final byte[] bytes;

    MemoryByteStore(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public void read(long position, byte[] target, int offset, int length) {
        System.arraycopy(bytes, Math.toIntExact(position), target, offset, length);
    }

    /** A read-only view of the bytes from {@code position} on, without copying. */
    java.nio.ByteBuffer view(long position) {
        return java.nio.ByteBuffer.wrap(bytes).position(Math.toIntExact(position)).slice().asReadOnlyBuffer();
    }

    @Override
    public long size() {
        return bytes.length;
    }
}
