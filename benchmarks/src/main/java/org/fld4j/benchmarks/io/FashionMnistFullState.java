package org.fld4j.benchmarks.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full Fashion-MNIST training set as Debian's {@code dataset-fashion-mnist} package installs it, opened once per
 * fork. The gzipped file is inflated into memory when opened, so the benchmarks time per-image access, not gunzip.
 * Without the package the benchmarks using this state fail in setup with a message saying what to install; the
 * other benchmarks are unaffected.
 */
@State(Scope.Benchmark)
public class FashionMnistFullState {

    /** Where Debian installs the training images. */
    public static final Path FILE = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
    /** Images in the full training set. */
    public static final int COUNT = 60_000;

    ImageSource source;

    @Setup(Level.Trial)
    public void setUp() {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException(FILE + " is missing; install it with "
                    + "'apt-get install dataset-fashion-mnist', or leave out the idxFull* benchmarks");
        }
        source = ImageSources.idx(FILE).build();
        if (source.size() != COUNT) {
            throw new IllegalStateException(FILE + " has " + source.size() + " images, expected " + COUNT);
        }
    }
}
