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

    /** An array {@code [N, C, H, W]} of 8-bit values 0..255. */
    static ImageSource of(INDArray images) {
        return ImageSource.array(images).range(ValueRange.UINT8).build();
    }
}
