package org.fld4j.metrics.fld;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.io.ImageSource;
import org.fld4j.io.ValueRange;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns what a user hands to FLD (a path, an array) into an {@link ImageSource}. */
final class ImageSources {

    private ImageSources() {
    }

    /**
     * A folder of image files, or an IDX file ({@code *-ubyte}, {@code *.idx*}, gzipped or not). Other
     * files need their layout named: build the source with {@link ImageSource}'s factories.
     */
    static ImageSource open(Path path) {
        if (Files.isDirectory(path)) {
            return ImageSource.folder(path).build();
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("-ubyte") || name.contains(".idx")) {
            return ImageSource.idx(path).build();
        }
        throw new IllegalArgumentException(path + " is neither a folder nor an IDX file; for NPY, NPZ or CIFAR files"
                + " build an ImageSource (ImageSource.npy(path).layout(...), ...) and pass that");
    }

    /**
     * An array {@code [N, C, H, W]} of integers 0..255 (any integer data type). A floating-point array is refused:
     * its values could mean 0..255, 0..1 or -1..1, and reading 0..1 data as 0..255 gives a confidently wrong score,
     * so its range must be stated by building the source with {@link ImageSource#array} and
     * {@link org.fld4j.io.array.ArraySourceBuilder#range}.
     *
     * @throws IllegalArgumentException for a floating-point array, naming the call that states its range
     */
    static ImageSource of(INDArray images) {
        if (images.dataType().isFPType()) {
            throw new IllegalArgumentException("a " + images.dataType() + " array does not say what its values mean;"
                    + " state the range: pass ImageSource.array(images).range(ValueRange.UINT8 | UNIT | SIGNED)"
                    + ".build() instead of the array (UINT8: 0..255, UNIT: 0..1, SIGNED: -1..1)");
        }
        return ImageSource.array(images).range(ValueRange.UINT8).build();
    }
}
