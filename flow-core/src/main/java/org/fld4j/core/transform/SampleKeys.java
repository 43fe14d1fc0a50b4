package org.fld4j.core.transform;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The content key of a sample: the stable identity under which a stochastic flow draws the sample's
 * dequantization noise when it scores it ({@link NoiseKey#forSamples}). Two samples with the same
 * shape and values have the same key wherever, in whatever order and in whatever batch they are
 * scored, so every image of a set scored in parts gets the value it gets when the set is scored at once.
 *
 * <p>The key is the first 8 bytes, read as a big-endian {@code long}, of the SHA-256 digest of: each
 * dimension of the sample's shape as a 4-byte big-endian integer, one format byte, then the values in
 * C order. When every value is an integer 0..255 (8-bit images, the usual case) the format byte is 0
 * and each value is one unsigned byte, so the key of an image is the digest of its shape and its raw
 * pixels; otherwise the format byte is 1 and each value is its IEEE 754 binary64 encoding, 8 bytes
 * big-endian. SHA-256 is used because its output is uniform: keys of different images are unrelated
 * and two images share a key with probability about 2^-64 per pair.
 */
public final class SampleKeys {

    private SampleKeys() {
    }

    /** The key of every sample (row along dimension 0) of {@code batch}, in row order. */
    public static long[] contentKeys(INDArray batch) {
        if (batch.rank() < 2) {
            throw new IllegalArgumentException("a batch has a sample dimension and a sample shape, got shape "
                    + java.util.Arrays.toString(batch.shape()));
        }
        int n = Math.toIntExact(batch.size(0));
        long[] sampleShape = java.util.Arrays.copyOfRange(batch.shape(), 1, batch.rank());
        long[] keys = new long[n];
        MessageDigest digest = sha256();
        for (int i = 0; i < n; i++) {
            keys[i] = contentKey(sampleShape, batch.slice(i).dup('c').data().asDouble(), digest);
        }
        return keys;
    }

    /** The key of one sample of shape {@code shape} whose values, in C order, are {@code values}. */
    public static long contentKey(long[] shape, double[] values) {
        return contentKey(shape, values, sha256());
    }

    private static long contentKey(long[] shape, double[] values, MessageDigest digest) {
        long size = 1;
        for (long dim : shape) {
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("a sample of shape " + java.util.Arrays.toString(shape) + " has " + size
                    + " values, got " + values.length);
        }
        digest.reset();
        ByteBuffer header = ByteBuffer.allocate(4 * shape.length + 1);
        for (long dim : shape) {
            header.putInt(Math.toIntExact(dim));
        }
        boolean eightBit = true;
        for (double v : values) {
            if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                eightBit = false;
                break;
            }
        }
        header.put((byte) (eightBit ? 0 : 1));
        digest.update(header.array());
        if (eightBit) {
            byte[] bytes = new byte[values.length];
            for (int j = 0; j < values.length; j++) {
                bytes[j] = (byte) (int) values[j];
            }
            digest.update(bytes);
        } else {
            ByteBuffer encoded = ByteBuffer.allocate(8 * values.length);
            for (double v : values) {
                encoded.putDouble(v);
            }
            digest.update(encoded.array());
        }
        return ByteBuffer.wrap(digest.digest(), 0, 8).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
