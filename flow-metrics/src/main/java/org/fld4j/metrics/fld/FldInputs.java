package org.fld4j.metrics.fld;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.io.ImageSource;
import org.fld4j.io.ValueRange;
import org.fld4j.io.source.ImageSources;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns what a user hands to FLD (a path, an array) into an {@link ImageSource}. */
final class FldInputs {

    private FldInputs() {
    }

    /**
     * A folder of image files, or an IDX file ({@code *-ubyte}, {@code *.idx*}, gzipped or not). Other
     * files need their layout named: build the source with {@link ImageSources}' factories.
     */
    static ImageSource open(Path path) {
        if (Files.isDirectory(path)) {
            return ImageSources.folder(path).build();
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("-ubyte") || name.contains(".idx")) {
            return ImageSources.idx(path).build();
        }
        throw new IllegalArgumentException(path + " is neither a folder nor an IDX file; for NPY, NPZ or CIFAR files"
                + " build an ImageSource (ImageSources.npy(path).layout(...), ...) and pass that");
    }

    /**
     * An array {@code [N, C, H, W]} of values 0..255. A floating-point array whose values all lie in [0, 1] is
     * refused: it is almost certainly 0..1 data, and reading it as 0..255 gives a confidently wrong score (an
     * all-but-black set, better than real). Its range must then be stated by building the source with
     * {@link ImageSources#array} and {@link org.fld4j.io.array.ArraySourceBuilder#range}; that is also the way for
     * any array whose range is not 0..255.
     *
     * @throws IllegalArgumentException for a floating-point array in [0, 1], naming the call that states its range
     */
    static ImageSource of(INDArray images) {
        if (images.dataType().isFPType() && images.length() > 0 && images.minNumber().doubleValue() >= 0
                && images.maxNumber().doubleValue() <= 1) {
            throw new IllegalArgumentException("every value of this " + images.dataType() + " array lies in [0, 1],"
                    + " so it cannot be told from 0..1 data; an array passed as it is must hold 0..255. State the"
                    + " range: pass ImageSources.array(images).range(ValueRange.UNIT | UINT8 | SIGNED).build()"
                    + " instead of the array (UNIT: 0..1, UINT8: 0..255, SIGNED: -1..1)");
        }
        return ImageSources.array(images).range(ValueRange.UINT8).build();
    }
}
