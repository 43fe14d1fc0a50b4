package org.fld4j.benchmarks.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Fashion-MNIST split into the pool's parts: the training split shuffled once, its first {@value #EVALUATION}
 * images the evaluation pool (never trained on), the rest the training pool; and the 10,000 test images.
 */
final class PoolData {

    static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
    static final int EVALUATION = 10_000;
    static final int DISTORTED = 3_000;
    static final long SHUFFLE_SEED = 20261205L;

    private final ImageSource train;
    private final int[] order;
    private final INDArray trainImages;

    private PoolData(ImageSource train, int[] order, INDArray trainImages) {
        this.train = train;
        this.order = order;
        this.trainImages = trainImages;
    }

    static PoolData load() {
        ImageSource train = open("train-images-idx3-ubyte.gz");
        return new PoolData(train, permutation(train.size(), SHUFFLE_SEED), readAll(train));
    }

    static ImageSource open(String name) {
        Path file = DATA.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing; install it with 'apt-get install dataset-fashion-mnist'");
        }
        return ImageSources.idx(file).build();
    }

    static INDArray readAll(ImageSource source) {
        try (ImageBatchStream batches = new ImageBatchStream(source, BatchOptions.of(source.size()))) {
            return batches.next().images();
        }
    }

    /** The first {@code count} images of the evaluation pool, in pool order. */
    INDArray evaluationImages(int count) {
        return rows(Arrays.copyOfRange(order, 0, count));
    }

    /** The first {@code count} evaluation images as a source (distortions apply to sources). */
    ImageSource evaluationSource(int count) {
        return ImageSources.subset(train, Arrays.copyOfRange(order, 0, count));
    }

    /** The first {@code count} test images. */
    INDArray testImages(int count) {
        ImageSource test = open("t10k-images-idx3-ubyte.gz");
        int[] first = new int[Math.min(count, test.size())];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        return readAll(ImageSources.subset(test, first));
    }

    /**
     * {@code [training-pool positions, evaluation-pool positions]} of a flow's real set of {@code n} images: 80% to
     * train on from the training pool, 20% held out from the first {@code scored} images of the evaluation pool.
     */
    int[][] drawSets(int n, long seed, int scored) {
        int heldOut = Math.max(1, (int) Math.round(n * 0.2));
        SplittableRandom random = new SplittableRandom(seed);
        int[] training = sample(order.length - EVALUATION, n - heldOut, random);
        int[] held = sample(scored, heldOut, random);
        return new int[][] {training, held};
    }

    /** Training-pool images at these positions. */
    INDArray trainingRows(int[] positions) {
        int[] rows = new int[positions.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = order[EVALUATION + positions[i]];
        }
        return rows(rows);
    }

    private INDArray rows(int[] rows) {
        long[] indices = Arrays.stream(rows).asLongStream().toArray();
        return trainImages.get(NDArrayIndex.indices(indices), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()).dup();
    }

    /** {@code k} distinct values of {@code 0..n-1}, ascending (a partial Fisher-Yates shuffle from the front). */
    static int[] sample(int n, int k, SplittableRandom random) {
        return Shuffles.sortedDraw(Shuffles.identity(n), k, random);
    }

    /** {@code 0..n-1} shuffled from the front ({@link Shuffles#frontPermutation}, not {@link Shuffles#permutation}). */
    static int[] permutation(int n, long seed) {
        return Shuffles.frontPermutation(n, seed);
    }

    static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
