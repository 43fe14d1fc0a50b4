package org.fld4j.io.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;

/**
 * Named 8-bit images already decoded, e.g. rows of pixels and a shape from a distributed table; they may differ in
 * shape (a read that expects one shape names the odd image, as for files).
 */
public final class PixelImageSource implements ImageSource {

    private final String description;
    private final List<String> names;
    private final List<UInt8Image> images;
    private final BadInputPolicy policy;

    /**
     * @param description what the images are, for reports
     * @param names       each image's name, its identity in results and messages
     * @param images      the images
     * @param policy      what happens to an image that cannot be used (e.g. of another shape than expected)
     */
    public PixelImageSource(String description, List<String> names, List<UInt8Image> images, BadInputPolicy policy) {
        this.description = Objects.requireNonNull(description, "description");
        if (names.size() != images.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + images.size() + " images");
        }
        this.names = List.copyOf(names);
        this.images = List.copyOf(images);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public ImageId id(int index) {
        return ImageId.ofFile(names.get(index));
    }

    @Override
    public DecodedImage read(int index) {
        return DecodedImage.clean(id(index), images.get(index));
    }

    @Override
    public ImageHeader header(int index) {
        UInt8Image image = images.get(index);
        return new ImageHeader("pixels", image.width(), image.height(), image.channels(), false, 8);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return policy;
    }

    @Override
    public InputReport listingReport() {
        return InputReport.empty(description);
    }

    @Override
    public String description() {
        return description;
    }
}
