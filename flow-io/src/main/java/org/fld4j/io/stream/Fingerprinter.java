package org.fld4j.io.stream;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReportCollector;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.preprocess.Preprocessing;

/** Computes {@link SourceFingerprint}s by reading a source once, in order, on the calling thread. */
public final class Fingerprinter {

    private Fingerprinter() {
    }

    /** {@link #fingerprint(ImageSource, Preprocessing)} of the images as decoded. */
    public static FingerprintResult fingerprint(ImageSource source) {
        return fingerprint(source, Preprocessing.none());
    }

    /**
     * Fingerprints {@code source} after {@code preprocessing}, with the source's bad-input policy.
     *
     * @throws org.fld4j.io.ImageInputException under FAIL, for the first bad image
     */
    public static FingerprintResult fingerprint(ImageSource source, Preprocessing preprocessing) {
        InputReportCollector report = InputReportCollector.startingFrom(source.listingReport());
        ProcessedImageReader reader = new ProcessedImageReader(source, preprocessing, null, report);
        MessageDigest digest = sha256();
        ByteBuffer shape = ByteBuffer.allocate(12); // big-endian by default
        byte[] samples = new byte[0];
        long count = 0;
        Optional<IndexedImage> next;
        while ((next = reader.next()).isPresent()) {
            UInt8Image image = next.get().image().image();
            shape.clear();
            shape.putInt(image.channels()).putInt(image.height()).putInt(image.width());
            digest.update(shape.array());
            if (samples.length != image.sampleCount()) {
                samples = new byte[image.sampleCount()];
            }
            image.copyTo(samples, 0);
            digest.update(samples);
            count++;
        }
        return new FingerprintResult(new SourceFingerprint(HexFormat.of().formatHex(digest.digest()), count),
                report.snapshot());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
