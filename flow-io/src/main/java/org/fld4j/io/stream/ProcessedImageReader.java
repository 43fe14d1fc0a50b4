package org.fld4j.io.stream;

import java.util.Objects;
import java.util.Optional;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.InputReportCollector;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.preprocess.ExpectedShape;
import org.fld4j.io.preprocess.ImagePreprocessor;
import org.fld4j.io.preprocess.Preprocessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source's images one after the other, preprocesses them, and applies the source's
 * {@link BadInputPolicy}: under FAIL a bad image's exception goes to the caller, under SKIP it is recorded and
 * the next image is tried. Shared by batch streams and fingerprints so both treat bad input the same way.
 *
 * <p>Which shape the images must agree on: the expected shape when the caller gives one (a reference's); otherwise
 * the most common shape among the images' headers ({@link ShapeAgreement}). Under SKIP the headers are read before
 * the first image, so every odd image is skipped and named, whatever its place in the order. Under FAIL they are
 * read only when two images disagree, and the error then names the odd images, not the one that happens to come
 * second.
 */
final class ProcessedImageReader {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedImageReader.class);

    private final ImageSource source;
    private final Preprocessing preprocessing;
    private final ImagePreprocessor preprocessor;
    private final InputReportCollector report;
    private final boolean shapeGiven;
    private int next;

    /**
     * @param expected the shape every image must have after preprocessing, or null to agree by majority
     */
    ProcessedImageReader(ImageSource source, Preprocessing preprocessing, ExpectedShape expected,
                         InputReportCollector report) {
        this.source = Objects.requireNonNull(source, "source");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.preprocessor = new ImagePreprocessor(preprocessing);
        this.report = Objects.requireNonNull(report, "report");
        this.shapeGiven = expected != null;
        if (expected != null) {
            preprocessor.expect(expected);
        } else if (source.badInputPolicy() == BadInputPolicy.SKIP && ShapeAgreement.needed(preprocessing)) {
            ShapeAgreement.of(source, preprocessing).ifPresent(a -> preprocessor.expect(a.expected()));
        }
    }

    /** The index in the source of the image that {@link #next()} will try next. */
    int position() {
        return next;
    }

    /**
     * The next usable image with its index in the source, or empty at the end.
     *
     * @throws ImageInputException under FAIL, for the first bad image
     */
    Optional<IndexedImage> next() {
        while (next < source.size()) {
            int index = next++;
            try {
                DecodedImage image = preprocessor.apply(source.read(index));
                report.imageRead(image);
                return Optional.of(new IndexedImage(index, image));
            } catch (ImageInputException e) {
                if (source.badInputPolicy() == BadInputPolicy.FAIL) {
                    throw blame(e);
                }
                LOG.warn("skipping {}", e.getMessage());
                report.skipped(SkippedImage.of(e));
            }
        }
        return Optional.empty();
    }

    /**
     * For a disagreement with the first image's shape, the error about the images that really are odd: those whose
     * header differs from the most common shape.
     */
    private ImageInputException blame(ImageInputException e) {
        if (shapeGiven || (e.problem() != InputProblem.SIZE_MISMATCH && e.problem() != InputProblem.CHANNEL_MISMATCH)) {
            return e;
        }
        Optional<ShapeAgreement> agreement = ShapeAgreement.of(source, preprocessing);
        if (agreement.isEmpty() || agreement.get().odd().isEmpty()) {
            return e;
        }
        ShapeAgreement a = agreement.get();
        String firstOdd = a.odd().get(0);
        for (int i = 0; i < source.size(); i++) {
            if (source.id(i).name().equals(firstOdd)) {
                try {
                    ImagePreprocessor.check(source.id(i), ShapeAgreement.after(source.header(i), preprocessing),
                            a.expected());
                } catch (ImageInputException odd) {
                    return new ImageInputException(odd.input(), odd.problem(), odd.detail() + " (odd images, "
                            + a.odd().size() + ": " + a.oddList() + ")", e);
                } catch (RuntimeException ignored) {
                    return e;
                }
            }
        }
        return e;
    }
}
