package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.InputOptions;
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
 * A Spark session for a command run with {@code --spark MASTER}: scores generated images in Spark jobs, each giving
 * the FLD scoring on this machine gives. The generated images are the ones this machine listed and checked: image
 * files are read by the executors from their paths (a folder shared with the cluster, or this machine's in local
 * mode or on a one-machine cluster), other images (inside array files, or distorted by a sweep) are sent to them as
 * pixels. Only this class touches Spark, so the command line runs without Spark's jars unless --spark is given.
 */
final class SparkScoring implements AutoCloseable {

    /** The master value that takes the master from {@code spark-submit} instead of naming one. */
    static final String SUBMIT = "submit";

    private final SparkSession spark;
    private final Integer partitions;

    private SparkScoring(SparkSession spark, Integer partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    static SparkScoring start(String master, String application, Integer partitions) {
        SparkConf conf = new SparkConf().setAppName(application);
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
        spark.sparkContext().setLogLevel("WARN");
        return new SparkScoring(spark, partitions);
    }

    /**
     * FLD of the generated images as the command opened them from {@code spec} with {@code inputs} (already checked
     * to have the reference's image shape), computed by Spark: image files are read by the executors.
     */
    SparkFldScore score(FldReference reference, ImageSource generated, String spec, InputOptions inputs) {
        return score(reference, generated, spec, inputs, true);
    }

    /**
     * FLD of images made on this machine from the opened ones (e.g. distorted by a sweep): they are sent to the
     * executors as pixels, since their files hold the images before the change.
     */
    SparkFldScore scoreDerived(FldReference reference, ImageSource images, String description, InputOptions inputs) {
        return score(reference, images, description, inputs, false);
    }

    private SparkFldScore score(FldReference reference, ImageSource generated, String spec, InputOptions inputs,
                                boolean filesAsOpened) {
        Cli.message("scoring " + spec + " on Spark (" + spark.sparkContext().master() + ")");
        SparkFld fld = SparkFld.using(reference).badInput(inputs.policy())
                .partitions(partitions == null ? 0 : partitions);
        List<String> files = filesAsOpened ? new ArrayList<>() : null;
        for (int i = 0; files != null && i < generated.size(); i++) {
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
        // Images inside a container file, or made here: read here (already preprocessed), scored there as pixels.
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
        return fld.preprocessing(Preprocessing.none()).score(context.parallelize(images, context.defaultParallelism()));
    }

    @Override
    public void close() {
        spark.stop();
    }
}
