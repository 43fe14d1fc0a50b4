package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NpyArray#toDoubles()}: every element in C order, whatever the type, byte order and storage order. */
class NpyArrayToDoublesTest {

    @TempDir
    Path dir;

    /** A version 1.0 NPY file with this header dictionary and data. */
    private Path npy(String dict, byte[] data) throws IOException {
        String header = dict;
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        Path file = dir.resolve("a.npy");
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void bigEndianFloat32InCOrder() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(0.25f);

        NpyArray a = NpyArray.open(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }", data.array()));

        assertThat(a.toDoubles()).containsExactly(1.5, -2, 0.25);
    }

    @Test
    void fortranOrderIsReorderedToCOrder() throws IOException {
        // The 2 x 3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6.
        ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
            data.putDouble(v);
        }

        NpyArray a = NpyArray.open(npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", data.array()));

        assertThat(a.toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void bytesAreUnsigned() throws IOException {
        NpyArray a = NpyArray.open(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }",
                new byte[] {(byte) 255, 7}));

        assertThat(a.toDoubles()).containsExactly(255, 7);
    }
}
