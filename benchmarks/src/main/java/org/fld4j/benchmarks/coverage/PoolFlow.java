package org.fld4j.benchmarks.coverage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.core.image.ImagePreset;

/** One pool flow's cached files: its held-out indices and its log-likelihoods on each evaluation set. */
final class PoolFlow {

    static final String DONE = "flow.properties";
    static final String HELD_OUT = "held-out.int";
    static final String EVALUATION = "evaluation.f64";
    static final String TEST = "test.f64";
    static final String NOISE = "noise8.f64";
    static final String SALT_PEPPER = "salt-pepper3.f64";

    final String name;
    final int realImages;
    final int[] heldOut;
    final double[] evaluation;
    final double[] test;
    final double[] noise;
    final double[] saltPepper;

    private PoolFlow(String name, int realImages, int[] heldOut, double[] evaluation, double[] test, double[] noise,
                     double[] saltPepper) {
        this.name = name;
        this.realImages = realImages;
        this.heldOut = heldOut;
        this.evaluation = evaluation;
        this.test = test;
        this.noise = noise;
        this.saltPepper = saltPepper;
    }

    static String folderName(ImagePreset preset, int n, int f) {
        return String.format("%s-n%05d-f%02d", preset.id(), n, f);
    }

    /** Seeds differ between sizes and flows, so no two flows share a split or initial weights. */
    static long seed(int n, int f) {
        return 1_000_003L * n + 7919L * f + 1;
    }

    static PoolFlow read(Path folder, int realImages) {
        return new PoolFlow(folder.getFileName().toString(), realImages, readIndices(folder.resolve(HELD_OUT)),
                readDoubles(folder.resolve(EVALUATION)), readDoubles(folder.resolve(TEST)),
                readDoubles(folder.resolve(NOISE)), readDoubles(folder.resolve(SALT_PEPPER)));
    }

    /** This flow's log-likelihoods of its held-out images (R_test). */
    double[] heldOutValues() {
        double[] values = new double[heldOut.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = evaluation[heldOut[i]];
        }
        return values;
    }

    static void write(Path file, double[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
        }
    }

    static void writeIndices(Path file, int[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(values.length);
            for (int v : values) {
                out.writeInt(v);
            }
        }
    }

    private static double[] readDoubles(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            double[] values = new double[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] readIndices(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int[] values = new int[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readInt();
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
