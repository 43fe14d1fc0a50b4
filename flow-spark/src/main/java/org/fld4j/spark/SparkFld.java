package org.fld4j.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.units.BitsPerDim;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.InputReport;
import org.fld4j.io.decode.DecodeOptions;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.metrics.fld.FldAccumulator;
import org.fld4j.metrics.fld.FldAccumulatorState;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.TooFewImagesException;

/**
 * FLD of generated images on Apache Spark, equal bit for bit to the score one machine computes for the same images
 * with the same reference: every image is scored where its partition lies, with the noise of its own content, and
 * the partial scores merge on the driver into one {@link FldScore}.
 *
 * <pre>{@code
 * SparkFldScore result = SparkFld.using(reference)
 *         .badInput(BadInputPolicy.SKIP)
 *         .scoreFiles(spark, "hdfs:///runs/42/samples");
 * System.out.println(result.score().summary());
 * result.perImage().write().parquet("hdfs:///runs/42/fld-per-image");
 * }</pre>
 *
 * <p>The reference is broadcast once, as the bytes of its saved file, and loaded once per executor JVM and task slot
 * ({@link ExecutorReferences}). Each task scores its partition with {@link #nativeThreadsPerTask} native threads
 * (1 by default: Spark runs one task per core). The driver keeps every image's value (8 bytes per image and flow,
 * plus its name) and bootstraps the interval once. Immutable; the {@code with}-style setters return new instances.
 */
public final class SparkFld {

    /** The image files {@link #scoreFiles} reads: the formats fld4j decodes, in lower and upper case. */
    public static final String IMAGE_GLOB = "*.{png,PNG,jpg,JPG,jpeg,JPEG,bmp,BMP,gif,GIF,tif,TIF,tiff,TIFF}";

    private final FldReference reference;
    private final BadInputPolicy policy;
    private final Preprocessing preprocessing;
    private final DecodeOptions decode;
    private final int threadsPerTask;
    private final int partitions;

    private SparkFld(FldReference reference, BadInputPolicy policy, Preprocessing preprocessing, DecodeOptions decode,
                     int threadsPerTask, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 1 (or 0 to keep the input's), got " + partitions);
        }
        this.partitions = partitions;
        this.reference = Objects.requireNonNull(reference, "reference");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.decode = Objects.requireNonNull(decode, "decode");
        if (threadsPerTask < 1) {
            throw new IllegalArgumentException("nativeThreadsPerTask must be >= 1, got " + threadsPerTask);
        }
        this.threadsPerTask = threadsPerTask;
    }

    /** Scores with {@code reference}: bad images fail the job, no preprocessing, default decoding limits. */
    public static SparkFld using(FldReference reference) {
        return new SparkFld(reference, BadInputPolicy.FAIL, Preprocessing.none(), DecodeOptions.defaults(), 1, 0);
    }

    /** Scores with the reference saved in {@code file} (read on the driver, then broadcast). */
    public static SparkFld load(Path file) throws IOException {
        return using(FldReference.load(file));
    }

    /** What happens to an image that cannot be used: FAIL ends the job naming it, SKIP leaves it out and reports it. */
    public SparkFld badInput(BadInputPolicy value) {
        return new SparkFld(reference, value, preprocessing, decode, threadsPerTask, partitions);
    }

    /** How images are converted before scoring (as one machine's batch options); none by default. */
    public SparkFld preprocessing(Preprocessing value) {
        return new SparkFld(reference, policy, value, decode, threadsPerTask, partitions);
    }

    /** Decoding limits for image files (pixels, decoded bytes). */
    public SparkFld decodeOptions(DecodeOptions value) {
        return new SparkFld(reference, policy, preprocessing, value, threadsPerTask, partitions);
    }

    /** Native (ND4J) threads each task uses; in local mode the driver's own setting is restored after a job. */
    public SparkFld nativeThreadsPerTask(int value) {
        return new SparkFld(reference, policy, preprocessing, decode, value, partitions);
    }

    /**
     * Scores the images in {@code value} partitions (Spark repartitions them first), or in the input's own
     * partitions with 0 (the default). The score does not depend on it.
     */
    public SparkFld partitions(int value) {
        return new SparkFld(reference, policy, preprocessing, decode, threadsPerTask, value);
    }

    public FldReference reference() {
        return reference;
    }

    /**
     * Scores the image files under {@code paths} (folders are read recursively; any Hadoop file system: local,
     * HDFS, S3), read with Spark's {@code binaryFile} source, files matching {@link #IMAGE_GLOB}. With one folder,
     * images are named by their path relative to it, as one machine names a folder's files; otherwise by their
     * full path.
     */
    public SparkFldScore scoreFiles(SparkSession spark, String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("scoreFiles needs at least one path");
        }
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", IMAGE_GLOB).load(paths);
        String description = "image files under " + String.join(", ", paths);
        String root = paths.length == 1 ? qualifiedFolder(spark, paths[0]) : "";
        return score(ImageRows.toImages(files, root), description);
    }

    /**
     * Scores exactly the image files {@code files} (e.g. those a folder listing on one machine found), named by their
     * path relative to the folder {@code root}.
     */
    public SparkFldScore scoreFiles(SparkSession spark, String root, List<String> files) {
        if (files.isEmpty()) {
            throw new TooFewImagesException("no image files to score under " + root, 0, 1);
        }
        Dataset<Row> rows = spark.read().format("binaryFile").load(files.toArray(new String[0]));
        return score(ImageRows.toImages(rows, qualifiedFolder(spark, root)), "image files under " + root);
    }

    /** {@code path} as the binaryFile source writes its files' paths, with a trailing slash. */
    private static String qualifiedFolder(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path);
            String qualified = folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(folder)
                    .toString();
            return qualified.endsWith("/") ? qualified : qualified + "/";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the file system of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scores a table of images: either image files as Spark's {@code binaryFile} source gives them (columns
     * {@code path} and {@code content}), or decoded pixels: a {@code pixels} column (binary, CHW order, values
     * 0..255) with integer columns {@code channels}, {@code height} and {@code width}, and an optional string
     * column {@code name} ({@code pixels[i]} in row order when absent).
     */
    public SparkFldScore score(Dataset<Row> images) {
        return score(images, "Spark dataset " + images.schema().simpleString());
    }

    private SparkFldScore score(Dataset<Row> images, String description) {
        return score(ImageRows.toImages(images, ""), description);
    }

    /** Scores the images of an RDD. */
    public SparkFldScore score(JavaRDD<SparkImage> images) {
        return score(images, "Spark RDD " + images.id());
    }

    private SparkFldScore score(JavaRDD<SparkImage> given, String description) {
        JavaRDD<SparkImage> images = partitions > 0 ? given.repartition(partitions) : given;
        JavaSparkContext context = JavaSparkContext.fromSparkContext(images.context());
        Broadcast<byte[]> bytes = context.broadcast(ExecutorReferences.bytesOf(reference));
        JavaRDD<PartitionScore> parts = images.mapPartitions(new PartitionScorer(bytes, reference.identity(), policy,
                preprocessing, decode, description, threadsPerTask)).persist(StorageLevel.MEMORY_AND_DISK());
        List<PartitionScore> collected = collect(parts, context.isLocal());
        collected = new ArrayList<>(collected);
        collected.sort(Comparator.comparingInt(PartitionScore::partition));
        FldAccumulator accumulator = reference.accumulator();
        InputReport report = InputReport.empty(description);
        for (PartitionScore part : collected) {
            accumulator.merge(part.state());
            report = report.merge(part.report());
        }
        if (accumulator.count() == 0) {
            throw new TooFewImagesException(description + " holds no usable images"
                    + (report.skipped().isEmpty() ? "" : " (" + report.skipped().size() + " skipped)"), 0, 1);
        }
        FldScore score = accumulator.result(report);
        long dimension = reference.dimension();
        JavaRDD<Row> rows = parts.flatMap(part -> perImageRows(part, dimension).iterator());
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("name", DataTypes.StringType, false),
                DataTypes.createStructField("logLikelihood", DataTypes.DoubleType, false),
                DataTypes.createStructField("bitsPerDim", DataTypes.DoubleType, false),
                DataTypes.createStructField("partition", DataTypes.IntegerType, false)));
        SparkSession spark = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.builder().config(images.context().getConf()).getOrCreate();
        Dataset<Row> perImage = spark.createDataFrame(rows, schema);
        int executors = context.sc().statusTracker().getExecutorInfos().length;
        SparkRun run = new SparkRun(context.master(), context.sc().applicationId(),
                context.isLocal() ? 1 : Math.max(1, executors - 1), images.getNumPartitions());
        return new SparkFldScore(score, perImage, run);
    }

    private List<PartitionScore> collect(JavaRDD<PartitionScore> parts, boolean local) {
        // In local mode the tasks run in this JVM, whose native thread setting is process-wide: set it for the
        // job and give the caller's back. Executors of a cluster are set by their environment (SparkExecutorSettings).
        int before = NativeThreads.current();
        if (local) {
            NativeThreads.set(threadsPerTask);
        }
        try {
            return parts.collect();
        } catch (Exception e) {
            throw SparkFailures.unwrap(e);
        } finally {
            if (local) {
                NativeThreads.set(before);
            }
        }
    }

    /** The per-image rows of one partition, the same values as {@link FldScore#perImage()} gives. */
    static List<Row> perImageRows(PartitionScore part, long dimension) {
        FldAccumulatorState state = part.state();
        double[][] values = state.values();
        List<Row> rows = new ArrayList<>(state.count());
        for (int i = 0; i < state.count(); i++) {
            double sum = 0;
            for (double[] flow : values) {
                sum += flow[i];
            }
            double mean = sum / values.length;
            rows.add(RowFactory.create(state.names()[i], mean, BitsPerDim.of(mean, dimension), part.partition()));
        }
        return rows;
    }
}
