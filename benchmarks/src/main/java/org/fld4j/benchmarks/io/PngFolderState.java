package org.fld4j.benchmarks.io;

import java.nio.file.Path;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A folder of {@value #COUNT} seeded 32x32 RGB PNGs, written once per fork and deleted afterwards. The folder is
 * listed in setup, so the benchmarks time decoding only; the files were just written and sit in the page cache,
 * so this is decoding from memory, not from disk.
 */
@State(Scope.Benchmark)
public class PngFolderState {

    /** Images in the folder. */
    public static final int COUNT = 10_000;
    /** Width and height of each image. */
    public static final int SIZE = 32;

    Path folder;
    ImageSource source;

    @Setup(Level.Trial)
    public void setUp() {
        folder = SyntheticPngFolder.create(COUNT, SIZE, 20_240_601L);
        source = ImageSources.folder(folder).build();
        if (source.size() != COUNT) {
            throw new IllegalStateException("listed " + source.size() + " files, wrote " + COUNT);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        SyntheticPngFolder.delete(folder);
    }
}
