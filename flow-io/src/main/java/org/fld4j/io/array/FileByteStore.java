package org.fld4j.io.array;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link ByteStore} that reads an uncompressed file by position. The file is opened for each read and closed
 * again, so a source built on it holds no file handle and never needs closing; the cost is small next to the read.
 */
final class FileByteStore implements ByteStore {

    private final Path file;
    private final long size;

    FileByteStore(Path file, long size) {
        this.file = Objects.requireNonNull(file, "file");
        this.size = size;
    }

    @Override
    public void read(long position, byte[] target, int offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
            long at = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new EOFException("file ended at byte " + at + " while reading " + length + " bytes from "
                            + position);
                }
                at += n;
            }
        }
    }

    @Override
    public long size() {
        return size;
    }
}
