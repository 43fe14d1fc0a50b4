package org.fld4j.metrics.distortion;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;

/**
 * Another source with a {@link Distortion} applied to each image as it is read; nothing is computed in advance.
 *
 * <p>Image {@code i} is distorted with a generator seeded from {@code (seed, i)} alone ({@link #randomFor}), so
 * it is the same image whatever the read order, batch size or thread, and in every instance built with the same
 * seed. Views keep this: a shuffle or split of a distorted source shows each image with the distortion it has at
 * its position in this source. Identities, headers, labels, files, the bad-input policy and the listing report
 * are those of the base source (distortions keep the shape).
 */
public final class DistortedSource implements ImageSource {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final ImageSource base;
    private final Distortion distortion;
    private final long seed;

    /**
     * @param base       the images to distort
     * @param distortion what to apply
     * @param seed       the seed every image's generator is derived from
     */
    public DistortedSource(ImageSource base, Distortion distortion, long seed) {
        this.base = Objects.requireNonNull(base, "base");
        this.distortion = Objects.requireNonNull(distortion, "distortion");
        this.seed = seed;
    }

    /** The undistorted source. */
    public ImageSource base() {
        return base;
    }

    /** The distortion applied. */
    public Distortion distortion() {
        return distortion;
    }

    /** The seed the per-image generators are derived from. */
    public long seed() {
        return seed;
    }

    /**
     * A fresh generator for image {@code index}: a {@link SplittableRandom} seeded with
     * {@code scatter(scatter(seed) + (index + 1) * 0x9E3779B97F4A7C15)}, {@code scatter} being MurmurHash3's 64-bit
     * finaliser. Scattering the sum rather than seeding with it keeps the streams of neighbouring indices from
     * being shifted copies of each other, which {@code SplittableRandom}'s own additive seeding would make them.
     */
    public SplittableRandom randomFor(int index) {
        return new SplittableRandom(scatter(scatter(seed) + (index + 1L) * GOLDEN_GAMMA));
    }

    private static long scatter(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public ImageId id(int index) {
        return base.id(index);
    }

    /** The base image, distorted; its identity and decoding warnings are kept. */
    @Override
    public DecodedImage read(int index) {
        DecodedImage image = base.read(index);
        return image.withImage(distortion.apply(image.image(), randomFor(index)));
    }

    @Override
    public ImageHeader header(int index) {
        return base.header(index);
    }

    @Override
    public OptionalInt label(int index) {
        return base.label(index);
    }

    @Override
    public Optional<Path> file(int index) {
        return base.file(index);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return base.badInputPolicy();
    }

    @Override
    public InputReport listingReport() {
        return base.listingReport();
    }

    /** E.g. {@code folder /data/cats + additive noise sigma=8 (seed 3)}. */
    @Override
    public String description() {
        return base.description() + " + " + distortion.description() + " (seed " + seed + ")";
    }
}
