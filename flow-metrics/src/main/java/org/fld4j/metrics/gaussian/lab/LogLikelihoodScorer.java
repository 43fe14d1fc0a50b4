package org.fld4j.metrics.gaussian.lab;

import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores samples of a test distribution under the true density p and a model, streaming them in
 * chunks: each chunk is drawn, scored by p in double precision, handed to the model, and dropped, so
 * only the two log-likelihood arrays grow with the sample count (16 bytes a sample; a million samples
 * of D = 100 would be 800 MB as one array). The samples depend on the seed only, not on the chunk size.
 */
public final class LogLikelihoodScorer {

    private final MultivariateGaussian truth;
    private final Flow model;
    private final int chunkRows;
    private final int modelBatchSize;

    /**
     * @param truth          the true density p
     * @param model          the model p_theta, a flow over vectors of p's dimension
     * @param chunkRows      samples drawn and scored at a time (>= 1)
     * @param modelBatchSize samples per model evaluation (>= 1)
     */
    public LogLikelihoodScorer(MultivariateGaussian truth, Flow model, int chunkRows, int modelBatchSize) {
        if (truth == null || model == null) {
            throw new IllegalArgumentException("truth and model must not be null");
        }
        long[] shape = model.sampleShape();
        if (shape.length != 1 || shape[0] != truth.dimension()) {
            throw new IllegalArgumentException("the model takes samples of shape " + java.util.Arrays.toString(shape)
                    + ", the Gaussian has dimension " + truth.dimension());
        }
        if (chunkRows < 1 || modelBatchSize < 1) {
            throw new IllegalArgumentException("chunkRows and modelBatchSize must be >= 1, got " + chunkRows + " and "
                    + modelBatchSize);
        }
        this.truth = truth;
        this.model = model;
        this.chunkRows = chunkRows;
        this.modelBatchSize = modelBatchSize;
    }

    /** Draws {@code n} samples of {@code q} from {@code seed} and scores each under p and the model. */
    public ScoredSample score(MultivariateGaussian q, int n, long seed) {
        int d = truth.dimension();
        if (q.dimension() != d) {
            throw new IllegalArgumentException("q has dimension " + q.dimension() + ", p " + d);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] trueLog = new double[n];
        double[] modelLog = new double[n];
        double[] chunk = new double[Math.multiplyExact(Math.min(chunkRows, n), d)];
        for (int start = 0; start < n; start += chunkRows) {
            int rows = Math.min(chunkRows, n - start);
            q.sample(random, rows, chunk);
            truth.logDensities(chunk, rows, trueLog, start);
            double[] scored = model.logProb(toModelInput(chunk, rows, d, model.dataType()), modelBatchSize);
            System.arraycopy(scored, 0, modelLog, start, rows);
        }
        return new ScoredSample(trueLog, modelLog);
    }

    /** The first {@code rows} rows of a row-major array as an [rows, d] array of the model's type. */
    static INDArray toModelInput(double[] values, int rows, int d, DataType type) {
        int length = rows * d;
        if (type == DataType.DOUBLE) {
            return Nd4j.createFromArray(java.util.Arrays.copyOf(values, length)).reshape(rows, d);
        }
        float[] narrow = new float[length];
        for (int i = 0; i < length; i++) {
            narrow[i] = (float) values[i];
        }
        return Nd4j.createFromArray(narrow).reshape(rows, d).castTo(type);
    }
}
