package org.fld4j.io.preflight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.InputReport;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.decode.ImageFormat;

/**
 * Builds a {@link PreflightSummary}: every image's header for the summary, and every image decoded (within the
 * source's decoding limits) so that truncated or damaged data is listed as a problem, as the real read would find
 * it. A header alone says nothing about the data after it.
 */
public final class PreflightScanner {

    private PreflightScanner() {
    }

    /** Reads every image's header and decodes every image, and summarises. */
    public static PreflightSummary scan(ImageSource source) {
        Map<String, Integer> formats = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        int gray = 0;
        int color = 0;
        int alpha = 0;
        int sixteenBit = 0;
        List<String> unknownExtensions = new ArrayList<>();
        InputReport listing = source.listingReport();
        List<SkippedImage> problems = new ArrayList<>(listing.skipped());
        for (int i = 0; i < source.size(); i++) {
            Optional<Path> file = source.file(i);
            if (file.isPresent() && ImageFormat.forFileName(file.get()).isEmpty()) {
                unknownExtensions.add(source.id(i).name());
            }
            ImageHeader header;
            try {
                header = source.header(i);
                source.read(i); // the pixels, dropped at once: only whether they decode matters here
            } catch (ImageInputException e) {
                problems.add(SkippedImage.of(e));
                continue;
            } catch (OutOfMemoryError e) {
                problems.add(SkippedImage.of(new ImageInputException(source.id(i).name(), InputProblem.TOO_LARGE,
                        "does not fit in the memory available (" + e.getMessage() + ")", e)));
                continue;
            } catch (StackOverflowError e) {
                problems.add(SkippedImage.of(new ImageInputException(source.id(i).name(), InputProblem.CORRUPT,
                        "its structure nests too deeply to read", e)));
                continue;
            }
            formats.merge(header.format(), 1, Integer::sum);
            sizes.merge(header.width() + "x" + header.height(), 1, Integer::sum);
            if (header.isGray()) {
                gray++;
            } else {
                color++;
            }
            if (header.alpha()) {
                alpha++;
            }
            if (header.bitsPerSample() == 16) {
                sixteenBit++;
            }
        }
        // Listing problems are not among the listed images, so they are counted on top.
        return new PreflightSummary(source.description(), source.badInputPolicy(),
                source.size() + listing.skipped().size(), formats, sizes, gray, color, alpha, sixteenBit,
                unknownExtensions, problems, listing.ignored());
    }
}
