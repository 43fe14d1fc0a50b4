package org.fld4j.benchmarks.io;

import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The bundled Fashion-MNIST training slice, opened (and so inflated into memory) once per fork. */
@State(Scope.Benchmark)
public class FashionMnistSliceState {

    /** Images in the slice. */
    public static final int COUNT = FashionMnistSlice.TRAIN_COUNT;

    ImageSource source;

    @Setup(Level.Trial)
    public void setUp() {
        source = FashionMnistSlice.train();
        if (source.size() != COUNT) {
            throw new IllegalStateException("the slice has " + source.size() + " images, expected " + COUNT);
        }
    }
}
