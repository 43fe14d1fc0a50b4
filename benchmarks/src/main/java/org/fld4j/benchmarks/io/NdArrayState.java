package org.fld4j.benchmarks.io;

import org.fld4j.io.ImageSource;
import org.fld4j.io.ValueRange;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bundled Fashion-MNIST training slice as a user would hand it in from their own code: one contiguous float32
 * array {@code [N, 1, 28, 28]} of values in {@code [0, 1]}.
 */
@State(Scope.Benchmark)
public class NdArrayState {

    /** Images in the array. */
    public static final int COUNT = FashionMnistSlice.TRAIN_COUNT;

    ImageSource source;

    @Setup(Level.Trial)
    public void setUp() {
        ImageSource slice = FashionMnistSlice.train();
        int per = 28 * 28;
        float[] values = new float[COUNT * per];
        for (int i = 0; i < COUNT; i++) {
            byte[] samples = slice.read(i).image().toByteArray();
            for (int j = 0; j < per; j++) {
                values[i * per + j] = (samples[j] & 0xFF) / 255f;
            }
        }
        INDArray array = Nd4j.create(values, new long[] {COUNT, 1, 28, 28}, DataType.FLOAT);
        source = ImageSources.array(array).range(ValueRange.UNIT).build();
    }
}
