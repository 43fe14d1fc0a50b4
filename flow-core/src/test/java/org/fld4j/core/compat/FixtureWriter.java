package org.fld4j.core.compat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainerOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes the files that {@link SavedFlowCompatibilityTest} reads: small flows of every layer kind,
 * trained two epochs, saved, and their log-likelihoods of fixed probe images. The committed files were
 * written by fld4j 0.1.0 before flow-core's redesign (one coupling class, kernel and package layout);
 * run with {@code -Dfixtures.out=DIR} to write them anew from the current build.
 */
class FixtureWriter {

    static INDArray pixels(long seed, int n, int c, int h, int w) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(256);
        }
        return Nd4j.createFromArray(v).reshape(n, c, h, w);
    }

    static INDArray gaussian(long seed, int n, int d, DataType type) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 4 - 2;
        }
        return Nd4j.createFromArray(v).reshape(n, d).castTo(type);
    }

    /** Two epochs of AdamW with clipping and a validation share: every part of a training step runs. */
    static Flow train(Flow flow, INDArray data) {
        TrainerOptions o = TrainerOptions.builder().adamW(1e-3, 0.01).gradientClipNorm(1.0).batchSize(16)
                .validationFraction(0.25).maxEpochs(2).seed(5).build();
        return new Trainer(o).fit(flow, data).flow();
    }

    static void write(Path dir, String name, Flow flow, INDArray data, INDArray probe) throws Exception {
        Flow trained = train(flow, data);
        trained.save(dir.resolve(name + ".fld"));
        double[] lp = trained.logProb(probe);
        ByteBuffer b = ByteBuffer.allocate(lp.length * 8);
        for (double v : lp) {
            b.putDouble(v);
        }
        Files.write(dir.resolve(name + ".logprob"), b.array());
    }

    /** The flows of the fixtures: one per layer kind and data type. */
    enum FixtureFlow {
        DENSE_FLOAT("dense-float", false, 1, DataType.FLOAT, 1),
        DENSE_DOUBLE("dense-double", false, 1, DataType.DOUBLE, 1),
        SMALL("small", true, 1, DataType.FLOAT, 1),
        FLD_PAPER_VARIATIONAL("fld-paper", true, 1, DataType.FLOAT, 3),
        GLOW_RGB("glow-rgb", true, 3, DataType.FLOAT, 5);

        final String fileName;
        final boolean image;
        final int channels;
        final DataType type;
        final long trainSeed;

        FixtureFlow(String fileName, boolean image, int channels, DataType type, long trainSeed) {
            this.fileName = fileName;
            this.image = image;
            this.channels = channels;
            this.type = type;
            this.trainSeed = trainSeed;
        }

        Flow build() {
            return switch (this) {
                case DENSE_FLOAT, DENSE_DOUBLE -> Flow.dense(6).couplings(4).hidden(16).dataType(type).seed(3).build();
                case SMALL -> Flow.image(1, 8, 8).preset(ImagePreset.SMALL).hidden(4, 4, 4).seed(4).build();
                case FLD_PAPER_VARIATIONAL -> Flow.image(1, 8, 8).preset(ImagePreset.FLD_PAPER).hidden(4, 4, 4)
                        .variationalDequantization(2, 4).gatedBlocks(1).seed(4).build();
                case GLOW_RGB -> Flow.image(3, 8, 8).preset(ImagePreset.GLOW).steps(2, 2, 2).hidden(4, 4, 4).seed(4).build();
            };
        }

        INDArray trainingData() {
            return image ? pixels(trainSeed, 48, channels, 8, 8) : gaussian(trainSeed, 64, 6, type);
        }

        INDArray probe() {
            return image ? pixels(trainSeed + 1, 20, channels, 8, 8) : gaussian(2, 20, 6, type);
        }
    }

    @Test
    void write() throws Exception {
        String out = System.getProperty("fixtures.out");
        if (out == null) {
            return;
        }
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        for (FixtureFlow f : FixtureFlow.values()) {
            if (!f.image) {
                write(dir, f.fileName, f.build(), f.trainingData(), f.probe());
            }
        }
        for (FixtureFlow f : FixtureFlow.values()) {
            if (f.image) {
                write(dir, f.fileName, f.build(), f.trainingData(), f.probe());
            }
        }
    }
}
