package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.io.ImageId;
import org.fld4j.io.InputReport;
import org.fld4j.io.stream.ImageBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores generated images batch by batch, for use inside a training loop or on many machines: memory stays
 * constant apart from one double per image and reference flow (and a name per image), and {@link #result} equals
 * scoring all the images at once ({@link Fld#score}) to the last bit. Two rules make that so: each image draws the
 * dequantization noise of its content ({@link org.fld4j.core.transform.SampleKeys}), so its value does not depend on where
 * or in which batch it is scored; and the statistics read the values in one canonical order
 * ({@link CanonicalOrder}), so they do not depend on the order images were added. Accumulators of the same
 * reference {@link #merge} (associative and commutative: any split of a set into parts, in any order, empty parts
 * included, merges to the score of the whole), also through their serialisable {@link #state()}. Thread-safe.
 */
public final class FldAccumulator {

    private final FldReference reference;
    /** Each reference flow's evaluation options: its own seed draws its dequantization noise. */
    private final EvaluationOptions[] evaluation;
    /** What is being scored, for error messages. */
    private final String source;
    /** {@code values[k][i]}: flow k's log-likelihood of image i. */
    private double[][] values;
    private final List<String> names = new ArrayList<>();
    private int count;

    FldAccumulator(FldReference reference) {
        this(reference, "the batches added");
    }

    /** An empty accumulator for {@code reference} that refers to what it scores as {@code source} in errors. */
    FldAccumulator(FldReference reference, String source) {
        this.reference = reference;
        this.source = source;
        int k = reference.referenceFlows();
        this.evaluation = new EvaluationOptions[k];
        this.values = new double[k][1024];
        for (int f = 0; f < k; f++) {
            evaluation[f] = reference.options().withSeed(reference.members().get(f).seed()).evaluation();
        }
    }

    /** Adds a batch {@code [n, C, H, W]} of 8-bit values 0..255; its images are named by their position. */
    public synchronized FldAccumulator add(INDArray images) {
        List<String> batchNames = new ArrayList<>();
        for (long i = 0; i < images.size(0); i++) {
            batchNames.add("image " + (count + i));
        }
        return add(images, batchNames);
    }

    /** Adds a batch read by flow-io, keeping its images' names. */
    public synchronized FldAccumulator add(ImageBatch batch) {
        List<String> batchNames = new ArrayList<>(batch.size());
        for (ImageId id : batch.ids()) {
            batchNames.add(id.toString());
        }
        return add(batch.images(), batchNames);
    }

    /** Adds a batch {@code [n, C, H, W]} of 8-bit values 0..255 whose images are named {@code batchNames}. */
    public synchronized FldAccumulator add(INDArray images, List<String> batchNames) {
        if (images.rank() > 0 && batchNames.size() != images.size(0)) {
            throw new IllegalArgumentException(source + ": " + batchNames.size() + " names for a batch of "
                    + images.size(0) + " images");
        }
        long[] expected = reference.imageShape();
        if (images.rank() != 4 || !Arrays.equals(Arrays.copyOfRange(images.shape(), 1, 4), expected)) {
            throw new IllegalArgumentException(source + ": the reference flow takes images " + Arrays.toString(expected)
                    + " (batches [n, C, H, W]); got a batch of shape " + Arrays.toString(images.shape()));
        }
        int n = (int) images.size(0);
        for (int f = 0; f < values.length; f++) {
            double[] scored = reference.members().get(f).flow().logProb(images, evaluation[f]);
            append(f, scored);
        }
        names.addAll(batchNames);
        count += n;
        return this;
    }

    private void append(int flow, double[] scored) {
        if (count + scored.length > values[flow].length) {
            values[flow] = Arrays.copyOf(values[flow], Math.max(values[flow].length * 2, count + scored.length));
        }
        System.arraycopy(scored, 0, values[flow], count, scored.length);
    }

    /**
     * Adds every image of {@code other}, which must score with the same reference, after this one's; {@code other}
     * is left as it was. The result is that of scoring both parts' images in one accumulator.
     */
    public FldAccumulator merge(FldAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("an accumulator cannot be merged into itself");
        }
        return merge(other.state());
    }

    /**
     * Adds the images of a partial score, e.g. one computed on another machine, after this accumulator's.
     *
     * @throws IllegalArgumentException if it was scored with another reference
     */
    public synchronized FldAccumulator merge(FldAccumulatorState part) {
        if (!part.referenceIdentity().equals(reference.identity())) {
            throw new IllegalArgumentException("a partial score of " + part.count() + " images was made with reference "
                    + abbreviated(part.referenceIdentity()) + ", not with this accumulator's reference "
                    + abbreviated(reference.identity()) + "; parts merge only under the same reference");
        }
        if (part.values().length != values.length) {
            throw new IllegalArgumentException("a partial score holds " + part.values().length
                    + " flows' values, this reference has " + values.length);
        }
        for (int f = 0; f < values.length; f++) {
            append(f, part.values()[f]);
        }
        names.addAll(Arrays.asList(part.names()));
        count += part.count();
        return this;
    }

    private static String abbreviated(String identity) {
        return identity.length() > 12 ? identity.substring(0, 12) : identity;
    }

    /** What this accumulator holds, as a serialisable value to ship and merge elsewhere. */
    public synchronized FldAccumulatorState state() {
        return new FldAccumulatorState(reference.identity(), perFlowValues(), names.toArray(new String[0]));
    }

    /** Images added so far. */
    public synchronized int count() {
        return count;
    }

    /** The score of every image added so far. */
    public synchronized FldScore result() {
        return result(InputReport.empty("batches added to an FLD accumulator"));
    }

    /** {@code [flow][image]}: every flow's log-likelihood of every image added so far. */
    synchronized double[][] perFlowValues() {
        double[][] scored = new double[values.length][];
        for (int f = 0; f < values.length; f++) {
            scored[f] = Arrays.copyOf(values[f], count);
        }
        return scored;
    }

    /**
     * The score of every image added so far, carrying {@code report}: what the read of those images found (e.g. the
     * merged reports of the parts a set was read in).
     */
    public synchronized FldScore result(InputReport report) {
        return reference.score(perFlowValues(), names, report);
    }
}
