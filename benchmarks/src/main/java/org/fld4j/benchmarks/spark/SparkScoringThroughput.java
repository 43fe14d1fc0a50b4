package org.fld4j.benchmarks.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldAccumulator;
import org.fld4j.metrics.fld.FldAccumulatorState;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.spark.SparkExecutorSettings;
import org.fld4j.spark.SparkFld;
import org.fld4j.spark.SparkFldScore;
import org.fld4j.spark.SparkImage;

/**
 * Images per second scoring Fashion-MNIST test images with the {@code fld-paper} flow (1 x 28 x 28): through the
 * plain library on this machine, or through a Spark job on a given master; and the driver's serial cost of merging
 * partial scores and bootstrapping the interval, for 10^4 to 10^6 images. A harness, not a unit test: run it on an
 * otherwise idle machine and compare the modes side by side in one session (benchmarks/spark/run-throughput.sh).
 *
 * <p>Usage: {@code SparkScoringThroughput library IMAGES [threads]}, {@code SparkScoringThroughput spark IMAGES
 * MASTER PARTITIONS}, or {@code SparkScoringThroughput merge}. Each scoring mode scores 500 images first to warm up
 * (JIT, native buffers, executors' reference loads), then times the whole set twice and prints both.
 */
public final class SparkScoringThroughput {

    static final Path TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    private SparkScoringThroughput() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "library" -> library(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 2);
            case "spark" -> spark(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
            case "merge" -> merge();
            default -> {
                System.err.println("usage: SparkScoringThroughput library IMAGES [threads] | spark IMAGES MASTER"
                        + " PARTITIONS | merge");
                System.exit(2);
            }
        }
    }

    /** The reference: an fld-paper flow (seed 1) with the first 500 test images as its held-out real images. */
    static FldReference reference(ImageSource test) {
        Flow flow = Flow.image(1, 28, 28).preset(ImagePreset.FLD_PAPER).seed(1).build();
        return Fld.using(flow, ImageSources.subset(test, range(0, 500))).reference();
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i;
        }
        return out;
    }

    private static void library(int images, int threads) {
        NativeThreads.set(threads);
        ImageSource test = ImageSources.idx(TEST_IMAGES).build();
        FldReference reference = reference(test);
        Fld fld = Fld.using(reference.flow(), ImageSources.subset(test, range(0, 500)));
        fld.score(ImageSources.subset(test, range(0, 500)));
        for (int run = 1; run <= 2; run++) {
            long start = System.nanoTime();
            FldScore score = fld.score(ImageSources.subset(test, range(0, images)));
            report("library (" + threads + " native threads)", run, images, start, score.value());
        }
    }

    private static void spark(int images, String master, int partitions) {
        ImageSource test = ImageSources.idx(TEST_IMAGES).build();
        FldReference reference = reference(test);
        SparkConf conf = new SparkConf().setAppName("fld4j scoring throughput").setMaster(master)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false");
        SparkExecutorSettings.defaults().applyTo(conf);
        long startup = System.nanoTime();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "spark session %s: %.1f s to start%n", master, (System.nanoTime() - startup) / 1e9);
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkFld fld = SparkFld.using(reference);
            fld.score(context.parallelize(pixels(test, 500), partitions));
            List<SparkImage> all = pixels(test, images);
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                JavaRDD<SparkImage> rdd = context.parallelize(all, partitions);
                SparkFldScore score = fld.score(rdd);
                report("spark " + master + " (" + score.run().executors() + " executors, " + partitions
                        + " partitions)", run, images, start, score.score().value());
            }
        } finally {
            spark.stop();
        }
    }

    private static List<SparkImage> pixels(ImageSource test, int n) {
        List<SparkImage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UInt8Image image = test.read(i).image();
            out.add(SparkImage.pixels(test.id(i).toString(), image.toByteArray(), 1, 28, 28));
        }
        return out;
    }

    /** The driver's serial part: merging 64 partial scores and computing the score, for growing image counts. */
    private static void merge() {
        ImageSource test = ImageSources.idx(TEST_IMAGES).build();
        FldReference reference = reference(test);
        double heldOutMean = reference.heldOutMeanLogLikelihood();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int n : new int[] {10_000, 100_000, 1_000_000}) {
            int parts = 64;
            List<FldAccumulatorState> states = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int size = n / parts + (p < n % parts ? 1 : 0);
                double[] values = new double[size];
                String[] names = new String[size];
                for (int i = 0; i < size; i++) {
                    values[i] = heldOutMean * (1 + 0.05 * random.nextGaussian());
                    names[i] = "part-" + p + "/image-" + i + ".png";
                }
                states.add(new FldAccumulatorState(reference.identity(), new double[][] {values}, names));
            }
            long start = System.nanoTime();
            FldAccumulator merged = reference.accumulator();
            for (FldAccumulatorState state : states) {
                merged.merge(state);
            }
            long mergedAt = System.nanoTime();
            FldScore score = merged.result();
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "driver: %,d images in %d parts: merge %.3f s, score and bootstrap (%d"
                            + " resamples) %.3f s, FLD %.4f%n", n, parts, (mergedAt - start) / 1e9,
                    reference.options().bootstrapResamples(), (end - mergedAt) / 1e9, score.value());
        }
    }

    private static void report(String what, int run, int images, long start, double value) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s, run %d: %,d images in %.2f s = %.1f images/s (FLD %.6f)%n", what, run,
                images, seconds, images / seconds, value);
    }
}
