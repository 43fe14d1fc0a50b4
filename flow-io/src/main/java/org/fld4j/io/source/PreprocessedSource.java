package org.fld4j.io.source;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.ImagePreprocessor;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.SizePolicy;

/**
 * Another source's images, resized, cropped or channel-converted on every {@link #read}: for code that takes an
 * {@link ImageSource} and reads it with its own batch options (an FLD reference, a fingerprint). Identities, labels
 * and files are those of the underlying images; headers report the size and channels after preprocessing.
 */
public final class PreprocessedSource implements ImageSource {

    private final ImageSource parent;
    private final Preprocessing preprocessing;
    private final ImagePreprocessor preprocessor;

    /**
     * @param parent        the images to convert
     * @param preprocessing what to do to each
     */
    public PreprocessedSource(ImageSource parent, Preprocessing preprocessing) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.preprocessor = new ImagePreprocessor(preprocessing, false);
    }

    /** What is done to each image. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    @Override
    public int size() {
        return parent.size();
    }

    @Override
    public ImageId id(int index) {
        return parent.id(index);
    }

    @Override
    public DecodedImage read(int index) {
        return preprocessor.apply(parent.read(index));
    }

    @Override
    public ImageHeader header(int index) {
        ImageHeader h = parent.header(index);
        int width = h.width();
        int height = h.height();
        if (preprocessing.sizePolicy() != SizePolicy.REQUIRE_SAME) {
            width = preprocessing.targetWidth();
            height = preprocessing.targetHeight();
        }
        int channels = switch (preprocessing.channels()) {
            case KEEP -> h.colorChannels();
            case GRAY -> 1;
            case RGB -> 3;
        };
        return new ImageHeader(h.format(), width, height, channels, h.alpha(), h.bitsPerSample());
    }

    @Override
    public OptionalInt label(int index) {
        return parent.label(index);
    }

    @Override
    public Optional<Path> file(int index) {
        return parent.file(index);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return parent.badInputPolicy();
    }

    @Override
    public InputReport listingReport() {
        return parent.listingReport();
    }

    @Override
    public String description() {
        String what = switch (preprocessing.sizePolicy()) {
            case REQUIRE_SAME -> "";
            case RESIZE -> "resized to " + preprocessing.targetHeight() + "x" + preprocessing.targetWidth() + " ("
                    + preprocessing.filter().name().toLowerCase(java.util.Locale.ROOT) + ")";
            case CENTER_CROP -> "center-cropped to " + preprocessing.targetHeight() + "x" + preprocessing.targetWidth();
        };
        String channels = preprocessing.channels() == ChannelMode.KEEP ? ""
                : (what.isEmpty() ? "" : ", ") + "converted to " + preprocessing.channels().name().toLowerCase(java.util.Locale.ROOT);
        return parent.description() + (what.isEmpty() && channels.isEmpty() ? "" : ", " + what + channels);
    }
}
