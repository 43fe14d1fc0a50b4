package org.fld4j.io.stream;

import java.util.Objects;
import java.util.Optional;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReportCollector;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.preprocess.ImagePreprocessor;
import org.fld4j.io.preprocess.Preprocessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source's images one after the other, preprocesses them, and applies the source's
 * {@link BadInputPolicy}: under FAIL a bad image's exception goes to the caller, under SKIP it is recorded and
 * the next image is tried. Shared by batch streams and fingerprints so both treat bad input the same way.
 */
final class ProcessedImageReader {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedImageReader.class);

    private final ImageSource source;
    private final ImagePreprocessor preprocessor;
    private final InputReportCollector report;
    private int next;

    ProcessedImageReader(ImageSource source, Preprocessing preprocessing, InputReportCollector report) {
        this.source = Objects.requireNonNull(source, "source");
        this.preprocessor = new ImagePreprocessor(preprocessing);
        this.report = Objects.requireNonNull(report, "report");
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
                    throw e;
                }
                LOG.warn("skipping {}", e.getMessage());
                report.skipped(SkippedImage.of(e));
            }
        }
        return Optional.empty();
    }

}
