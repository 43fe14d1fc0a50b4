package org.fld4j.io.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.ExpectedShape;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.SizePolicy;

/**
 * The shape most images of a source have after preprocessing, from their headers (no pixel is decoded), and the
 * images that differ from it. Used when no shape is given, so that one odd image cannot set the shape for all the
 * others just because it sorts first. Ties go to the shape that appears first.
 *
 * @param expected the majority shape, with an origin such as {@code "most images (1999 of 2000) are"}
 * @param odd      the names of the images whose header gives another shape, in source order
 */
public record ShapeAgreement(ExpectedShape expected, List<String> odd) {

    /** How many odd images a message names before it says "and N more". */
    static final int NAMED_IN_MESSAGES = 10;

    /** Whether {@code preprocessing} leaves the size or the channel count to the images. */
    static boolean needed(Preprocessing preprocessing) {
        return preprocessing.sizePolicy() == SizePolicy.REQUIRE_SAME || preprocessing.channels() == ChannelMode.KEEP;
    }

    /**
     * Reads every header of {@code source} and finds the most common shape after {@code preprocessing}. Images
     * whose header cannot be read are left out of the count (reading them fails on its own).
     *
     * @return empty if no header could be read
     */
    public static Optional<ShapeAgreement> of(ImageSource source, Preprocessing preprocessing) {
        int n = source.size();
        ImageShape[] shapes = new ImageShape[n];
        Map<ImageShape, Integer> counts = new LinkedHashMap<>();
        int readable = 0;
        for (int i = 0; i < n; i++) {
            try {
                shapes[i] = after(source.header(i), preprocessing);
            } catch (ImageInputException | IllegalArgumentException e) {
                continue;
            } catch (OutOfMemoryError | StackOverflowError e) {
                continue; // a hostile header; reading the image reports it
            }
            counts.merge(shapes[i], 1, Integer::sum);
            readable++;
        }
        ImageShape best = null;
        int bestCount = 0;
        for (Map.Entry<ImageShape, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (shapes[i] != null && !shapes[i].equals(best)) {
                odd.add(source.id(i).name());
            }
        }
        String origin = bestCount == readable ? "all images are" : "most images (" + bestCount + " of " + readable
                + ") are";
        return Optional.of(new ShapeAgreement(new ExpectedShape(best, origin), List.copyOf(odd)));
    }

    /** The shape an image with {@code header} has after {@code preprocessing}. */
    static ImageShape after(ImageHeader header, Preprocessing preprocessing) {
        int channels = switch (preprocessing.channels()) {
            case KEEP -> header.colorChannels();
            case GRAY -> 1;
            case RGB -> 3;
        };
        if (preprocessing.sizePolicy() == SizePolicy.REQUIRE_SAME) {
            return new ImageShape(channels, header.height(), header.width());
        }
        return new ImageShape(channels, preprocessing.targetHeight(), preprocessing.targetWidth());
    }

    /** The odd images for a message: at most {@link #NAMED_IN_MESSAGES} names, then how many more. */
    public String oddList() {
        List<String> shown = odd.subList(0, Math.min(odd.size(), NAMED_IN_MESSAGES));
        return String.join(", ", shown) + (odd.size() > shown.size() ? " and " + (odd.size() - shown.size())
                + " more" : "");
    }
}
