package org.fld4j.cli.distort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;

/**
 * The file name each source image gets in a level folder: a file keeps its relative path with the extension
 * replaced by {@code .png} ({@code shirts/a.jpg} becomes {@code shirts/a.png}); an image inside a container (IDX,
 * NPY, NPZ, CIFAR) is named by its position, zero-padded to sort in order ({@code 00017.png}).
 */
final class OutputNames {

    private OutputNames() {
    }

    /**
     * The output name of every image of {@code source}, by index; exit 3 when two images would get the same name
     * (e.g. {@code a.jpg} and {@code a.png}), naming both, before anything is written.
     */
    static List<String> of(ImageSource source) {
        int size = source.size();
        int digits = Math.max(5, Integer.toString(Math.max(0, size - 1)).length());
        List<String> names = new ArrayList<>(size);
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < size; i++) {
            ImageId id = source.id(i);
            String name = id.hasIndex()
                    ? String.format(Locale.ROOT, "%0" + digits + "d.png", id.index())
                    : withPngExtension(id.name());
            String key = name.toLowerCase(Locale.ROOT); // case-insensitive file systems would merge them too
            String earlier = taken.putIfAbsent(key, id.name());
            if (earlier != null) {
                throw new CliException(ExitCode.INPUT, earlier + " and " + id.name() + " would both be written as "
                        + name + "; rename one of them");
            }
            names.add(name);
        }
        return names;
    }

    /** {@code dir/a.jpg} to {@code dir/a.png}; a name without an extension gets one. */
    static String withPngExtension(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        String stem = dot > slash + 1 ? relative.substring(0, dot) : relative;
        return stem + ".png";
    }
}
