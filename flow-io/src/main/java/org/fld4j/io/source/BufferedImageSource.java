package org.fld4j.io.source;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.decode.BufferedImageConverter;

/**
 * A source over {@link BufferedImage}s already in memory, converted with the same rules as decoded files
 * ({@link BufferedImageConverter}). The list is copied; the images themselves are not, so they should not be
 * changed while the source is in use.
 */
public final class BufferedImageSource implements ImageSource {

    private final String name;
    private final List<BufferedImage> images;

    /**
     * @param name   the container name used in identities ({@code name[i]})
     * @param images at least one image, none null
     */
    public BufferedImageSource(String name, List<BufferedImage> images) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(images, "images");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("images must not be empty");
        }
        images.forEach(i -> Objects.requireNonNull(i, "images must not contain null"));
        this.images = List.copyOf(images);
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public ImageId id(int index) {
        Objects.checkIndex(index, images.size());
        return ImageId.inContainer(name, index);
    }

    @Override
    public DecodedImage read(int index) {
        return BufferedImageConverter.convert(id(index), images.get(index), Set.of());
    }

    @Override
    public ImageHeader header(int index) {
        BufferedImage image = images.get(index);
        ColorModel cm = image.getColorModel();
        int colors = cm.getNumColorComponents() == 1 && !(cm instanceof IndexColorModel) ? 1 : 3;
        return new ImageHeader("BufferedImage", image.getWidth(), image.getHeight(), colors, cm.hasAlpha(),
                cm.getComponentSize(0));
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return BadInputPolicy.FAIL;
    }

    @Override
    public InputReport listingReport() {
        return InputReport.empty(description());
    }

    @Override
    public String description() {
        return name + " (" + images.size() + " BufferedImages)";
    }
}
