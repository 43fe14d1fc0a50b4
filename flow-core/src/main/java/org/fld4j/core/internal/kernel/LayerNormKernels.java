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
     * {@code out = normalized gamma + beta}. Each pixel's sums add its channels in order, from the first, in every
     * layout: the same bits whether the network trains (planar or NCHW rows) or evaluates (NHWC, pixel by pixel).
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
        if (xr.pixelMajor() && nr.pixelMajor() && rr.pixelMajor() && o.pixelMajor() && xr.pixelStride() == c
                && nr.pixelStride() == c && o.pixelStride() == c) {
            forwardPixelMajor(xr, nr, rr, o, gammas, betas, eps, c, p);
            return;
        }
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
     * The forward pass on pixel-major data (NHWC, while a network evaluates), where each pixel's channels lie side
     * by side: the same sums, in the same order, as the row-wise pass, so the same bits (see {@link #forward}).
     */
    private static void forwardPixelMajor(PixelRows x, PixelRows normalized, PixelRows rstd, PixelRows out,
                                          float[] gammas, float[] betas, float eps, int c, int p) {
        int chunk = KernelThreads.chunk(2L * c + 2);
        KernelThreads.forEachChunk(p, chunk, (3L * c + 2) * p, (from, n) -> {
            float[][] values = KernelThreads.heap(0, 2, chunk * c);
            float[] xs = values[0];
            float[] ys = values[1];
            float[][] stats = KernelThreads.heap(2, 2, chunk);
            float[] scale = stats[1];
            x.readPixels(from, n, xs);
            layerNormPixels(xs, ys, stats[0], scale, gammas, betas, eps, n, c);
            normalized.writePixels(from, n, xs);
            out.writePixels(from, n, ys);
            rstd.writePixels(from, n, scale);
        });
    }

    /** Pixels whose sums run side by side in {@link #layerNormPixels}: independent chains of additions. */
    private static final int PIXELS_AT_ONCE = 8;

    /**
     * LayerNorm of {@code n} pixel-major pixels of {@code c} channels: {@code xs} becomes the normalised values,
     * {@code ys} the output, {@code mean} each pixel's mean and {@code scale} its {@code rstd}. A pixel's sum is a
     * chain of c dependent additions (in channel order, for the row-wise pass's bits), so eight pixels are summed
     * side by side, which keeps the adders busy; the normalisation, per pixel a loop too short for C2 to vectorise,
     * runs as one pass of {@link VectorKernels#normalizePixels} where it can.
     */
    static void layerNormPixels(float[] xs, float[] ys, float[] mean, float[] scale, float[] gammas, float[] betas,
                                float eps, int n, int c) {
        float inverseC = 1f / c;
        int q = 0;
        for (; q + PIXELS_AT_ONCE <= n; q += PIXELS_AT_ONCE) {
            int b0 = q * c;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            float s4 = 0f;
            float s5 = 0f;
            float s6 = 0f;
            float s7 = 0f;
            for (int k = b0; k < b0 + c; k++) {
                s0 += xs[k];
                s1 += xs[k + c];
                s2 += xs[k + 2 * c];
                s3 += xs[k + 3 * c];
                s4 += xs[k + 4 * c];
                s5 += xs[k + 5 * c];
                s6 += xs[k + 6 * c];
                s7 += xs[k + 7 * c];
            }
            float m0 = s0 * inverseC;
            float m1 = s1 * inverseC;
            float m2 = s2 * inverseC;
            float m3 = s3 * inverseC;
            float m4 = s4 * inverseC;
            float m5 = s5 * inverseC;
            float m6 = s6 * inverseC;
            float m7 = s7 * inverseC;
            s0 = 0f;
            s1 = 0f;
            s2 = 0f;
            s3 = 0f;
            s4 = 0f;
            s5 = 0f;
            s6 = 0f;
            s7 = 0f;
            for (int k = b0; k < b0 + c; k++) {
                float d0 = xs[k] - m0;
                float d1 = xs[k + c] - m1;
                float d2 = xs[k + 2 * c] - m2;
                float d3 = xs[k + 3 * c] - m3;
                float d4 = xs[k + 4 * c] - m4;
                float d5 = xs[k + 5 * c] - m5;
                float d6 = xs[k + 6 * c] - m6;
                float d7 = xs[k + 7 * c] - m7;
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
                s4 += d4 * d4;
                s5 += d5 * d5;
                s6 += d6 * d6;
                s7 += d7 * d7;
            }
            mean[q] = m0;
            mean[q + 1] = m1;
            mean[q + 2] = m2;
            mean[q + 3] = m3;
            mean[q + 4] = m4;
            mean[q + 5] = m5;
            mean[q + 6] = m6;
            mean[q + 7] = m7;
            scale[q] = 1f / (float) Math.sqrt(s0 * inverseC + eps);
            scale[q + 1] = 1f / (float) Math.sqrt(s1 * inverseC + eps);
            scale[q + 2] = 1f / (float) Math.sqrt(s2 * inverseC + eps);
            scale[q + 3] = 1f / (float) Math.sqrt(s3 * inverseC + eps);
            scale[q + 4] = 1f / (float) Math.sqrt(s4 * inverseC + eps);
            scale[q + 5] = 1f / (float) Math.sqrt(s5 * inverseC + eps);
            scale[q + 6] = 1f / (float) Math.sqrt(s6 * inverseC + eps);
            scale[q + 7] = 1f / (float) Math.sqrt(s7 * inverseC + eps);
        }
        for (; q < n; q++) {
            int b = q * c;
            float sum = 0f;
            for (int k = b; k < b + c; k++) {
                sum += xs[k];
            }
            float m = sum * inverseC;
            float squares = 0f;
            for (int k = b; k < b + c; k++) {
                float d = xs[k] - m;
                squares += d * d;
            }
            mean[q] = m;
            scale[q] = 1f / (float) Math.sqrt(squares * inverseC + eps);
        }
        if (VectorSupport.ENABLED && c % VectorKernels.lanes() == 0) {
            VectorKernels.normalizePixels(xs, ys, mean, scale, gammas, betas, n, c);
            return;
        }
        for (q = 0; q < n; q++) {
            int b = q * c;
            float m = mean[q];
            float sc = scale[q];
            for (int k = 0; k < c; k++) {
                float normal = (xs[b + k] - m) * sc;
                xs[b + k] = normal;
                ys[b + k] = normal * gammas[k] + betas[k];
            }
        }
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
