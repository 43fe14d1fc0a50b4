package org.fld4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.decode.DecodeOptions;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.source.EncodedImageSource;
import org.fld4j.io.source.PixelImageSource;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.fld.FldAccumulator;
import org.fld4j.metrics.fld.FldReference;

/**
 * Scores one partition's images on an executor, exactly as one machine scores a set: the images become an image
 * source (files decoded from their content, or pixels), read in the reference's evaluation batches with the same
 * preprocessing, shape check and bad-input policy, and scored by an accumulator of the reference. Under FAIL the
 * first bad image ends the task with the error one machine gives; under SKIP it is left out and reported.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<SparkImage>, PartitionScore> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> referenceBytes;
    private final String identity;
    private final BadInputPolicy policy;
    private final Preprocessing preprocessing;
    private final DecodeOptions decode;
    private final String description;
    private final int threadsPerTask;

    PartitionScorer(Broadcast<byte[]> referenceBytes, String identity, BadInputPolicy policy,
                    Preprocessing preprocessing, DecodeOptions decode, String description, int threadsPerTask) {
        this.threadsPerTask = threadsPerTask;
        this.referenceBytes = referenceBytes;
        this.identity = identity;
        this.policy = policy;
        this.preprocessing = preprocessing;
        this.decode = decode;
        this.description = description;
    }

    @Override
    public Iterator<PartitionScore> call(Iterator<SparkImage> images) {
        List<String> fileNames = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        List<String> pixelNames = new ArrayList<>();
        List<UInt8Image> pixels = new ArrayList<>();
        while (images.hasNext()) {
            SparkImage image = images.next();
            if (image.isFile()) {
                fileNames.add(image.name());
                contents.add(image.content());
            } else {
                pixelNames.add(image.name());
                pixels.add(new UInt8Image(image.channels(), image.height(), image.width(), image.pixels()));
            }
        }
        SparkEnv env = SparkEnv.get();
        if (env != null && !"driver".equals(env.executorId())
                && NativeThreads.current() != threadsPerTask) {
            // An executor JVM: its native threads serve its task slots, one task each (in local mode the driver
            // sets them for the job).
            NativeThreads.set(threadsPerTask);
        }
        TaskContext task = TaskContext.get();
        int partition = task == null ? 0 : task.partitionId();
        String part = description + ", partition " + partition;
        FldReference reference = ExecutorReferences.borrow(identity, referenceBytes.value());
        try {
            FldAccumulator accumulator = reference.accumulator();
            InputReport report = InputReport.empty(part);
            if (!fileNames.isEmpty()) {
                report = report.merge(score(reference, accumulator,
                        new EncodedImageSource(part, fileNames, contents, decode, policy)));
            }
            if (!pixelNames.isEmpty()) {
                report = report.merge(score(reference, accumulator,
                        new PixelImageSource(part, pixelNames, pixels, policy)));
            }
            return List.of(new PartitionScore(partition, accumulator.state(), report)).iterator();
        } finally {
            ExecutorReferences.giveBack(identity, reference);
        }
    }

    private InputReport score(FldReference reference, FldAccumulator accumulator, ImageSource source) {
        try (ImageBatchStream stream = new ImageBatchStream(source,
                reference.scoringBatches().withPreprocessing(preprocessing))) {
            while (stream.hasNext()) {
                accumulator.add(stream.next());
            }
            return stream.report();
        }
    }
}
