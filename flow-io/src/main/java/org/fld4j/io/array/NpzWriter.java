package org.fld4j.io.array;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes several ND4J arrays into one compressed NPZ file (what {@code numpy.savez_compressed} writes; readable by
 * {@code numpy.load}), atomically and never over an existing file unless allowed.
 */
public final class NpzWriter {

    private NpzWriter() {
    }

    /**
     * Writes {@code arrays} to {@code target}, each as entry {@code name + ".npy"}, in the map's iteration order.
     *
     * @throws IllegalArgumentException if there are no arrays, a name is blank or contains {@code /}, or a value
     *                                  cannot be written as the chosen type
     * @throws java.nio.file.FileAlreadyExistsException if the target exists and overwriting was not allowed
     * @throws IOException              if writing fails; the target is then unchanged
     */
    public static void write(Path target, Map<String, INDArray> arrays, NpyWriteOptions options) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("arrays must not be empty");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("array name must be non-blank without '/': '" + name + "'");
            }
            double[] v = NpyWriter.flatten(e.getValue());
            try {
                NpyWriter.checkValues(v, options.dtype());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("array '" + name + "': " + ex.getMessage(), ex);
            }
            values.put(name, v);
            shapes.put(name, e.getValue().shape());
        }
        AtomicFileWriter.write(target, options.overwrite(), out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (String name : values.keySet()) {
                ZipEntry entry = new ZipEntry(name + ".npy");
                // A fixed local time stamp: the same arrays give the same bytes.
                entry.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                zip.putNextEntry(entry);
                // writeNpy flushes but never closes, so the zip stream stays open for the next entry.
                NpyWriter.writeNpy(zip, shapes.get(name), values.get(name), options);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
