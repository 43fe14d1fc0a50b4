package org.fld4j.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SampleKeysTest {

    /** The key written out by hand from its definition: SHA-256 of shape, format byte and values. */
    private static long expected(byte[] message) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        long key = 0;
        for (int b = 0; b < 8; b++) {
            key = (key << 8) | (digest[b] & 0xFF);
        }
        return key;
    }

    @Test
    void anEightBitImageIsKeyedByItsShapeAndRawPixels() throws Exception {
        // Two images [1, 2, 2]: {0, 1, 255, 7} and {7, 255, 1, 0}.
        double[] first = {0, 1, 255, 7};
        double[] second = {7, 255, 1, 0};
        byte[] message = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 1, (byte) 0xFF, 7};
        byte[] reversedMessage = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 7, (byte) 0xFF, 1, 0};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.UINT8}) {
            long[] keys = SampleKeys.contentKeys(Nd4j.createFromArray(new double[][] {first, second})
                    .reshape(2, 1, 2, 2).castTo(type));
            assertThat(keys).containsExactly(expected(message), expected(reversedMessage));
        }
    }

    @Test
    void otherValuesAreKeyedByTheirBinary64Encoding() throws Exception {
        double[] values = {0.5, -3, 1e300};
        ByteBuffer message = ByteBuffer.allocate(4 + 1 + 24);
        message.putInt(3).put((byte) 1).putDouble(0.5).putDouble(-3).putDouble(1e300);
        assertThat(SampleKeys.contentKey(new long[] {3}, values)).isEqualTo(expected(message.array()));
        assertThat(SampleKeys.contentKeys(Nd4j.createFromArray(new double[][] {values})))
                .containsExactly(expected(message.array()));
    }

    @Test
    void theSameValuesInAnotherShapeHaveAnotherKey() {
        double[] values = {1, 2, 3, 4};
        assertThat(SampleKeys.contentKey(new long[] {1, 2, 2}, values))
                .isNotEqualTo(SampleKeys.contentKey(new long[] {1, 4, 1}, values));
    }

    @Test
    void aWrongValueCountIsRefused() {
        assertThatThrownBy(() -> SampleKeys.contentKey(new long[] {2, 2}, new double[3]))
                .hasMessageContaining("[2, 2]").hasMessageContaining("got 3");
    }
}
