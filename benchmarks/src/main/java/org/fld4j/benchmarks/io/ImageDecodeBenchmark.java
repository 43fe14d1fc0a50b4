package org.fld4j.benchmarks.io;

import java.util.concurrent.TimeUnit;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Image input throughput in images per second: every invocation is one whole pass over a source, and
 * {@link OperationsPerInvocation} makes JMH count each image of the pass as one operation.
 *
 * <ul>
 *   <li>{@code png*}: {@value PngFolderState#COUNT} seeded 32x32 RGB PNGs in a temporary folder
 *       ({@link PngFolderState}).</li>
 *   <li>{@code idxSlice*}: the {@value FashionMnistSliceState#COUNT} bundled Fashion-MNIST training images.</li>
 *   <li>{@code ndArray*}: the same slice as a contiguous float32 {@code [N, 1, 28, 28]} array in {@code [0, 1]}
 *       ({@link NdArrayState}), as a caller's own tensor.</li>
 *   <li>{@code idxFull*}: Debian's full 60,000-image Fashion-MNIST training file ({@link FashionMnistFullState});
 *       exclude with {@code -e idxFull} where the package is not installed.</li>
 * </ul>
 *
 * <p>{@code *Read} calls {@link ImageSource#read} for every index on the benchmark thread: decoding alone.
 * {@code *Batches} drains an {@link ImageBatchStream}: decoding on the stream's worker thread, packing, the
 * conversion to float32 and the ND4J array per batch on the benchmark thread. On 2 cores it was measured
 * no faster than {@code *Read} (one decoding thread), and for IDX far slower (ND4J array creation dominates;
 * see docs/performance.md).
 *
 * <p>A PNG pass takes about a second, longer than an iteration, so an iteration is a few passes; the 2 s
 * iterations keep the whole class to a few minutes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImageDecodeBenchmark {

    /** The batch size a training loop over small images would typically use. */
    static final int PNG_BATCH = 256;
    /** Fashion-MNIST's images are tiny, so a larger batch keeps the per-batch overhead small. */
    static final int IDX_BATCH = 1000;

    @Benchmark
    @OperationsPerInvocation(PngFolderState.COUNT)
    public void pngRead(PngFolderState state, Blackhole bh) {
        readAll(state.source, bh);
    }

    @Benchmark
    @OperationsPerInvocation(PngFolderState.COUNT)
    public void pngBatches(PngFolderState state, Blackhole bh) {
        drain(state.source, PNG_BATCH, PngFolderState.COUNT, bh);
    }

    @Benchmark
    @OperationsPerInvocation(FashionMnistSliceState.COUNT)
    public void idxSliceRead(FashionMnistSliceState state, Blackhole bh) {
        readAll(state.source, bh);
    }

    @Benchmark
    @OperationsPerInvocation(FashionMnistSliceState.COUNT)
    public void idxSliceBatches(FashionMnistSliceState state, Blackhole bh) {
        drain(state.source, IDX_BATCH, FashionMnistSliceState.COUNT, bh);
    }

    @Benchmark
    @OperationsPerInvocation(FashionMnistFullState.COUNT)
    public void idxFullRead(FashionMnistFullState state, Blackhole bh) {
        readAll(state.source, bh);
    }

    @Benchmark
    @OperationsPerInvocation(FashionMnistFullState.COUNT)
    public void idxFullBatches(FashionMnistFullState state, Blackhole bh) {
        drain(state.source, IDX_BATCH, FashionMnistFullState.COUNT, bh);
    }

    @Benchmark
    @OperationsPerInvocation(NdArrayState.COUNT)
    public void ndArrayRead(NdArrayState state, Blackhole bh) {
        readAll(state.source, bh);
    }

    @Benchmark
    @OperationsPerInvocation(NdArrayState.COUNT)
    public void ndArrayBatches(NdArrayState state, Blackhole bh) {
        drain(state.source, IDX_BATCH, NdArrayState.COUNT, bh);
    }

    private static void readAll(ImageSource source, Blackhole bh) {
        int n = source.size();
        for (int i = 0; i < n; i++) {
            bh.consume(source.read(i));
        }
    }

    private static void drain(ImageSource source, int batchSize, int expected, Blackhole bh) {
        long images = 0;
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(batchSize))) {
            while (stream.hasNext()) {
                var batch = stream.next();
                images += batch.size();
                bh.consume(batch.images());
            }
        }
        // A stream that silently stopped early would otherwise show up as a speed-up.
        if (images != expected) {
            throw new IllegalStateException("streamed " + images + " images, expected " + expected);
        }
    }
}
