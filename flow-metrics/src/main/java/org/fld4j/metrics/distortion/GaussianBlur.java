package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * Gaussian blur with a square {@code kernelSize x kernelSize} kernel of standard deviation {@code sigma}, applied
 * separably (rows, then columns) to each channel in double precision and rounded to the nearest integer once at the
 * end.
 *
 * <p>The one-dimensional weights are {@code exp(-i^2 / (2 sigma^2))} for {@code i = -r..r}, {@code r =
 * (kernelSize - 1) / 2}, divided by their sum, so a constant image stays constant. Outside the image the samples
 * are mirrored without repeating the edge ({@code dcb|abcd|cba}, "reflect-101", OpenCV's default border), so the
 * blur neither darkens nor brightens the border and matches {@code cv2.GaussianBlur} with its default border.
 *
 * <p>Two ways to choose the pair: {@link #ofKernel} takes the kernel size and derives sigma by OpenCV's rule
 * {@code 0.3 ((k - 1) / 2 - 1) + 0.8} (what {@code cv2.GaussianBlur} does with sigma 0, and the rule in fld4j's
 * specification); {@link #ofSigma} takes sigma (a "blur radius") and covers three standard deviations each side.
 *
 * @param kernelSize odd, 1..{@value #MAX_KERNEL_SIZE}; 1 leaves the image unchanged
 * @param sigma      the standard deviation in pixels, 0..{@value #MAX_SIGMA}; 0 only with kernel size 1
 */
public record GaussianBlur(int kernelSize, double sigma) implements Distortion {

    /** The largest kernel accepted. */
    public static final int MAX_KERNEL_SIZE = 601;
    /** The largest sigma accepted ({@link #ofSigma} then needs the largest kernel). */
    public static final double MAX_SIGMA = 100;

    /** Validates both parameters. */
    public GaussianBlur {
        ParameterCheck.inRange("kernelSize", kernelSize, 1, MAX_KERNEL_SIZE);
        if (kernelSize % 2 == 0) {
            throw new IllegalArgumentException("kernelSize must be odd: " + kernelSize);
        }
        ParameterCheck.inRange("sigma", sigma, 0, MAX_SIGMA);
        if (sigma == 0 && kernelSize > 1) {
            throw new IllegalArgumentException("sigma must be > 0 for kernelSize " + kernelSize + ": 0");
        }
    }

    /** A kernel of {@code kernelSize} with OpenCV's sigma for it, {@link #sigmaForKernel}. */
    public static GaussianBlur ofKernel(int kernelSize) {
        return new GaussianBlur(kernelSize, sigmaForKernel(kernelSize));
    }

    /**
     * A blur of standard deviation {@code sigma} with kernel size {@code 2 ceil(3 sigma) + 1}, which holds at least
     * 99.7% of the Gaussian's mass. Sigma 0 gives kernel size 1, no blur.
     */
    public static GaussianBlur ofSigma(double sigma) {
        ParameterCheck.inRange("sigma", sigma, 0, MAX_SIGMA);
        return new GaussianBlur(2 * (int) Math.ceil(3 * sigma) + 1, sigma);
    }

    /** OpenCV's sigma for a kernel size: {@code 0.3 ((k - 1) / 2 - 1) + 0.8}, e.g. 0.8 for 3, 1.1 for 5. */
    public static double sigmaForKernel(int kernelSize) {
        return 0.3 * ((kernelSize - 1) / 2.0 - 1) + 0.8;
    }

    /** The normalised one-dimensional weights, {@code kernelSize} of them, summing to 1. */
    public double[] weights() {
        int radius = kernelSize / 2;
        double[] weights = new double[kernelSize];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = i == 0 ? 1 : Math.exp(-(double) i * i / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < kernelSize; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        if (kernelSize == 1) {
            return image;
        }
        int height = image.height();
        int width = image.width();
        double[] weights = weights();
        int[] columns = Reflect101.extendedIndices(width, kernelSize / 2);
        int[] rows = Reflect101.extendedIndices(height, kernelSize / 2);
        double[] horizontal = new double[height * width];
        byte[] out = new byte[image.sampleCount()];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int t = 0; t < kernelSize; t++) {
                        sum += weights[t] * image.sample(plane + y * width + columns[x + t]);
                    }
                    horizontal[y * width + x] = sum;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int t = 0; t < kernelSize; t++) {
                        sum += weights[t] * horizontal[rows[y + t] * width + x];
                    }
                    out[plane + y * width + x] = Samples.roundAndClip(sum);
                }
            }
        }
        return UInt8Image.adopt(image.channels(), height, width, out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.GAUSSIAN_BLUR;
    }

    /** The blur's sigma. */
    @Override
    public double level() {
        return sigma;
    }

    @Override
    public String description() {
        return "Gaussian blur sigma=" + NumberText.of(sigma) + " (kernel " + kernelSize + ")";
    }
}
