package org.fld4j.metrics.memorization;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * For each query image, the nearest image of a base set in Euclidean distance over all values scaled to [0, 1]
 * (8-bit values / 255), computed as {@code |q|^2 + |b|^2 - 2 q.b} with matrix products in double, in blocks of
 * at most {@value #BLOCK_VALUES} distances so that memory stays bounded whatever the set sizes. Double precision
 * keeps an exact copy at distance 0 up to about 1e-6 (the cancellation in the expansion), far below the distance
 * between two different 8-bit images (at least 1/255).
 */
final class NearestNeighbours {

    /** Distances per block: 4 Mi doubles, 32 MB. */
    static final int BLOCK_VALUES = 1 << 22;

    private final INDArray base;
    private final double[] baseNorms;

    /** @param base images {@code [n, C, H, W]} of 8-bit values */
    NearestNeighbours(INDArray base) {
        this.base = flatten(base);
        this.baseNorms = squaredNorms(this.base);
    }

    int size() {
        return baseNorms.length;
    }

    /** {@code [distances, indices]} of each query image's nearest base image; indices as doubles. */
    double[][] nearest(INDArray queries) {
        INDArray q = flatten(queries);
        int m = (int) q.size(0);
        int n = baseNorms.length;
        double[] best = new double[m];
        double[] index = new double[m];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] queryNorms = squaredNorms(q);
        int baseBlock = Math.max(1, Math.min(n, 4096));
        int queryBlock = Math.max(1, Math.min(m, BLOCK_VALUES / baseBlock));
        for (int qs = 0; qs < m; qs += queryBlock) {
            int qe = Math.min(m, qs + queryBlock);
            INDArray qBlock = q.get(NDArrayIndex.interval(qs, qe), NDArrayIndex.all());
            for (int bs = 0; bs < n; bs += baseBlock) {
                int be = Math.min(n, bs + baseBlock);
                INDArray bBlock = base.get(NDArrayIndex.interval(bs, be), NDArrayIndex.all());
                double[] dots = qBlock.mmul(bBlock.transpose()).dup('c').data().asDouble();
                int width = be - bs;
                for (int i = 0; i < qe - qs; i++) {
                    double qn = queryNorms[qs + i];
                    for (int j = 0; j < width; j++) {
                        double d2 = qn + baseNorms[bs + j] - 2 * dots[i * width + j];
                        if (d2 < best[qs + i]) {
                            best[qs + i] = d2;
                            index[qs + i] = bs + j;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            best[i] = Math.sqrt(Math.max(0, best[i]));
        }
        return new double[][] {best, index};
    }

    /** {@code [n, D]} in double, values / 255, a copy (the caller's array is left as it is). */
    private static INDArray flatten(INDArray images) {
        long n = images.size(0);
        return images.reshape(n, images.length() / Math.max(1, n)).castTo(DataType.DOUBLE).div(255.0);
    }

    private static double[] squaredNorms(INDArray rows) {
        return rows.mul(rows).sum(1).data().asDouble();
    }
}
