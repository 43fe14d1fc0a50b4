package org.fld4j.core.internal.kernel;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LayerNorm over channels of the gated network's float32 path, forward and backward, each one pass over
 * its operands (see {@link FloatKernels}).
 */
public final class LayerNormKernels {

    private LayerNormKernels() {
    }

    /**
     * LayerNorm over the channels of each pixel: writes {@code normalized = (x - mean) rstd},
     * {@code rstd = 1 / sqrt(var + eps)} (biased variance, {@code [1, P]}) and
     * {@code out = normalized gamma + beta}.
     */
    public static void forward(INDArray x, INDArray gamma, INDArray beta, float eps, INDArray normalized,
                                 INDArray rstd, INDArray out) {
        int p = PixelRows.pixels(x);
        PixelRows xr = PixelRows.of(x, p, "x");
        PixelRows nr = PixelRows.of(normalized, p, "normalized");
        PixelRows rr = PixelRows.of(rstd, p, "rstd");
        PixelRows o = PixelRows.of(out, p, "out");
        int c = xr.rows();
        float[] gammas = PixelRows.vector(gamma, c);
        float[] betas = PixelRows.vector(beta, c);
        float inverseC = 1f / c;
        int chunk = KernelThreads.chunk(3L * c + 2);
        KernelThreads.forEachChunk(p, chunk, (3L * c + 2) * p, (from, n) -> {
            float[][] xh = KernelThreads.heap(0, c, chunk);
            float[][] oh = KernelThreads.heap(1, c, chunk);
            float[][] stats = KernelThreads.heap(2, 2, chunk);
            float[] mean = stats[0];
            float[] scale = stats[1];
            xr.read(from, n, xh);
            Arrays.fill(mean, 0, n, 0f);
            Arrays.fill(scale, 0, n, 0f);
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                for (int j = 0; j < n; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < n; j++) {
                mean[j] *= inverseC;
            }
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                for (int j = 0; j < n; j++) {
                    float d = row[j] - mean[j];
                    scale[j] += d * d;
                }
            }
            for (int j = 0; j < n; j++) {
                scale[j] = 1f / (float) Math.sqrt(scale[j] * inverseC + eps);
            }
            for (int r = 0; r < c; r++) {
                float[] row = xh[r];
                float[] y = oh[r];
                float gm = gammas[r];
                float bt = betas[r];
                for (int j = 0; j < n; j++) {
                    float normal = (row[j] - mean[j]) * scale[j];
                    row[j] = normal;
                    y[j] = normal * gm + bt;
                }
            }
            nr.write(from, n, xh);
            o.write(from, n, oh);
            rr.write(from, n, new float[][] {scale});
        });
    }
    /**
     * LayerNorm backward: with {@code xh} the normalised input and {@code gh = g gamma}, writes
     * {@code gradInput = rstd (gh - mean_c(gh) - xh mean_c(gh xh))} and {@code product = g xh}, whose
     * sums over the pixels are the gamma gradient (the caller sums them).
     */
    public static void backward(INDArray gradOutput, INDArray normalized, INDArray rstd, INDArray gamma,
                                  INDArray product, INDArray gradInput) {
        int p = PixelRows.pixels(gradOutput);
        PixelRows g = PixelRows.of(gradOutput, p, "gradOutput");
        PixelRows nr = PixelRows.of(normalized, p, "normalized");
        PixelRows rr = PixelRows.of(rstd, p, "rstd");
        PixelRows pr = PixelRows.of(product, p, "product");
        PixelRows in = PixelRows.of(gradInput, p, "gradInput");
        int c = g.rows();
        float[] gammas = PixelRows.vector(gamma, c);
        float inverseC = 1f / c;
        int chunk = KernelThreads.chunk(4L * c + 3);
        KernelThreads.forEachChunk(p, chunk, (4L * c + 3) * p, (from, n) -> {
            float[][] gh = KernelThreads.heap(0, c, chunk);
            float[][] xh = KernelThreads.heap(1, c, chunk);
            float[][] ph = KernelThreads.heap(2, c, chunk);
            float[][] stats = KernelThreads.heap(3, 3, chunk);
            float[] scale = stats[0];
            float[] meanGrad = stats[1];
            float[] meanProduct = stats[2];
            g.read(from, n, gh);
            nr.read(from, n, xh);
            rr.read(from, n, stats);
            Arrays.fill(meanGrad, 0, n, 0f);
            Arrays.fill(meanProduct, 0, n, 0f);
            for (int r = 0; r < c; r++) {
                float[] gradRow = gh[r];
                float[] normalRow = xh[r];
                float[] productRow = ph[r];
                float gm = gammas[r];
                for (int j = 0; j < n; j++) {
                    float gx = gradRow[j] * normalRow[j];
                    productRow[j] = gx;
                    meanGrad[j] += gradRow[j] * gm;
                    meanProduct[j] += gx * gm;
                }
            }
            for (int j = 0; j < n; j++) {
                meanGrad[j] *= inverseC;
                meanProduct[j] *= inverseC;
            }
            pr.write(from, n, ph);
            for (int r = 0; r < c; r++) {
                float[] gradRow = gh[r];
                float[] normalRow = xh[r];
                float gm = gammas[r];
                for (int j = 0; j < n; j++) {
                    gradRow[j] = scale[j] * (gradRow[j] * gm - meanGrad[j] - normalRow[j] * meanProduct[j]);
                }
            }
            in.write(from, n, gh);
        });
    }

    /** Row of channel means {@code [1, P]} of {@code m [c, P]}, as a product with {@code channelOnes [1, c]}. */
    private static void channelMean(INDArray channelOnes, INDArray m, INDArray out) {
        Nd4j.gemm(channelOnes, m, out, false, false, 1.0 / channelOnes.length(), 0.0);
    }

    /**
     * {@code out = (x - mean_c) / sqrt(var_c + eps) * gamma + beta} over the channels of each pixel of
     * {@code x [c, P]}, keeping {@code normalized} and {@code rstd} for the backward pass: the fused pass when
     * {@code fused}, else ND4J's ops with two scratch blocks from {@code work}.
     */
    public static void forward(INDArray x, INDArray gamma, INDArray beta, double eps, INDArray normalized,
                               INDArray rstd, INDArray out, INDArray channelOnes, boolean fused, KernelWork work) {
        if (fused) {
            forward(x, gamma, beta, (float) eps, normalized, rstd, out);
            return;
        }
        INDArray mean = work.get("norm.mean", 1);
        INDArray square = work.get("norm.product", x.size(0));
        channelMean(channelOnes, x, mean);
        Planar.subtract(x, mean, normalized);
        Nd4j.exec(new MulOp(normalized, normalized, square));
        channelMean(channelOnes, square, rstd);
        rstd.addi(eps);
        Nd4j.exec(new RSqrt(rstd, rstd));
        Planar.multiply(normalized, rstd, normalized);
        Planar.multiply(normalized, gamma, out);
        Planar.add(out, beta, out);
    }

    /**
     * {@code gradInput} for {@code gradOutput} and the forward's {@code normalized} and {@code rstd}, with
     * {@code gh = g gamma}: {@code rstd (gh - mean_c(gh) - xh mean_c(gh xh))}; adds gamma's gradient
     * ({@code sum over pixels of g xh}, a product with {@code ones [P, 1]}) to {@code gammaGrad}. The fused pass
     * when {@code fused}, else ND4J's ops with two scratch rows from {@code work}.
     */
    public static void backward(INDArray gradOutput, INDArray normalized, INDArray rstd, INDArray gamma,
                                INDArray product, INDArray gradInput, INDArray gammaGrad, INDArray ones,
                                INDArray channelOnes, boolean fused, KernelWork work) {
        if (fused) {
            backward(gradOutput, normalized, rstd, gamma, product, gradInput);
            Nd4j.gemm(product, ones, gammaGrad, false, false, 1.0, 1.0);
            return;
        }
        Nd4j.exec(new MulOp(gradOutput, normalized, product));
        Nd4j.gemm(product, ones, gammaGrad, false, false, 1.0, 1.0);
        INDArray meanGrad = work.get("norm.meanGrad", 1);
        INDArray meanProduct = work.get("norm.meanProduct", 1);
        Planar.multiply(gradOutput, gamma, gradInput);
        Planar.multiply(product, gamma, product);
        channelMean(channelOnes, gradInput, meanGrad);
        channelMean(channelOnes, product, meanProduct);
        Planar.subtract(gradInput, meanGrad, gradInput);
        Planar.multiply(normalized, meanProduct, product);
        Nd4j.exec(new SubOp(gradInput, product, gradInput));
        Planar.multiply(gradInput, rstd, gradInput);
    }
}
