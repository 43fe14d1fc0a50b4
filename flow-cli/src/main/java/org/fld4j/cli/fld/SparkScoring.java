package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.fld4j.cli.Cli;
import org.fld4j.cli.InputOptions;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.spark.SparkExecutorSettings;
import org.fld4j.spark.SparkFld;
import org.fld4j.spark.SparkFldScore;
import org.fld4j.spark.SparkImage;

/**
 * {@code fld score --spark MASTER}: the same FLD, computed by a Spark job. The generated images are the ones this
 * machine listed and checked: image files are read by the executors from their paths (a folder shared with the
 * cluster, or this machine's in local mode or on a one-machine cluster), images inside array files are sent as
 * pixels. Only this class touches Spark, so the command line runs without Spark's jars unless --spark is given.
 */
final class SparkScoring {

    /** The master value that takes the master from {@code spark-submit} instead of naming one. */
    static final String SUBMIT = "submit";

    private SparkScoring() {
    }

    static SparkFldScore score(String master, Integer partitions, FldReference reference, ImageSource generated,
                               String spec, InputOptions inputs) {
        SparkConf conf = new SparkConf().setAppName("fld score " + spec);
        if (!SUBMIT.equals(master)) {
            conf.setMaster(master);
        }
        if (master.startsWith("local")) {
            // A local job talks to nothing outside this machine.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
        }
        SparkExecutorSettings.defaults().applyTo(conf);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            Cli.message("scoring " + spec + " on Spark (" + spark.sparkContext().master() + ")");
            SparkFld fld = SparkFld.using(reference).badInput(inputs.policy())
                    .partitions(partitions == null ? 0 : partitions);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < generated.size(); i++) {
                Optional<Path> file = generated.file(i);
                if (file.isEmpty()) {
                    files = null;
                    break;
                }
                files.add(file.get().toAbsolutePath().toString());
            }
            if (files != null) {
                return fld.preprocessing(inputs.preprocessing()).scoreFiles(spark,
                        Path.of(spec).toAbsolutePath().toString(), files);
            }
            // Images inside a container file: read here (already preprocessed), scored there as pixels.
            List<SparkImage> images = new ArrayList<>();
            for (int i = 0; i < generated.size(); i++) {
                UInt8Image image;
                try {
                    image = generated.read(i).image();
                } catch (ImageInputException e) {
                    if (inputs.policy() == BadInputPolicy.FAIL) {
                        throw e;
                    }
                    continue; // already reported by the read that checked the images
                }
                images.add(SparkImage.pixels(generated.id(i).toString(), image.toByteArray(), image.channels(),
                        image.height(), image.width()));
            }
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return fld.preprocessing(Preprocessing.none())
                    .score(context.parallelize(images, context.defaultParallelism()));
        } finally {
            spark.stop();
        }
    }
}
