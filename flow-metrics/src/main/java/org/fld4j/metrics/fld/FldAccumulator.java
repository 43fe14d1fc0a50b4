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
 * Scores generated images batch by batch, for use inside a training loop: memory stays constant apart
 * from one double per image and reference flow (and a name per image), and {@link #result} equals scoring all the images at once
 * ({@link Fld#score}) to the last bit: image {@code i} of the stream draws the same dequantization
 * noise either way. Thread-safe.
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

    private FldAccumulator add(INDArray images, List<String> batchNames) {
        long[] expected = reference.imageShape();
        if (images.rank() != 4 || !Arrays.equals(Arrays.copyOfRange(images.shape(), 1, 4), expected)) {
            throw new IllegalArgumentException(source + ": the reference flow takes images " + Arrays.toString(expected)
                    + " (batches [n, C, H, W]); got a batch of shape " + Arrays.toString(images.shape()));
        }
        int n = (int) images.size(0);
        for (int f = 0; f < values.length; f++) {
            double[] scored = reference.members().get(f).flow().logProb(images, evaluation[f], count);
            if (count + n > values[f].length) {
                values[f] = Arrays.copyOf(values[f], Math.max(values[f].length * 2, count + n));
            }
            System.arraycopy(scored, 0, values[f], count, n);
        }
        names.addAll(batchNames);
        count += n;
        return this;
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

    synchronized FldScore result(InputReport report) {
        return reference.score(perFlowValues(), names, report);
    }
}
