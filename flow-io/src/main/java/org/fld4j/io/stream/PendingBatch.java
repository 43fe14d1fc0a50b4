package org.fld4j.io.stream;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch as the worker builds it: 8-bit samples, so the queue costs one byte per sample. */
record PendingBatch(byte[] samples, int count, UInt8Image first, List<ImageId> ids, int[] labels,
                    InputReport report, Throwable failure) {

    /** Samples widened per block: 64 KiB of floats, small enough to stay in the cache. */
    private static final int WIDEN_BLOCK = 16_384;

    static PendingBatch of(List<IndexedImage> images, ImageSource source, InputReport report) {
        UInt8Image first = images.get(0).image().image();
        int per = first.sampleCount();
        byte[] samples = new byte[images.size() * per];
        List<ImageId> ids = new ArrayList<>(images.size());
        int[] labels = source.label(images.get(0).index()).isPresent() ? new int[images.size()] : null;
        for (int i = 0; i < images.size(); i++) {
            UInt8Image image = images.get(i).image().image();
            if (!image.sameShape(first)) {
                // The preprocessor guarantees equal shapes; this guards the guarantee.
                throw new IllegalStateException("image " + images.get(i).image().id() + " is " + image.shapeText()
                        + " but the batch is " + first.shapeText());
            }
            image.copyTo(samples, i * per);
            ids.add(images.get(i).image().id());
            if (labels != null) {
                labels[i] = source.label(images.get(i).index()).orElse(-1);
            }
        }
        return new PendingBatch(samples, images.size(), first, ids, labels, report, null);
    }

    static PendingBatch end() {
        return new PendingBatch(null, 0, null, List.of(), null, null, null);
    }

    static PendingBatch failure(Throwable t) {
        return new PendingBatch(null, 0, null, List.of(), null, null, t);
    }

    boolean isEnd() {
        return samples == null && failure == null;
    }

    /**
     * The batch as an ND4J array of {@code type}: the 8-bit samples are widened straight into the array's own
     * (native) buffer, a block at a time, rather than into a Java array that ND4J would then copy again.
     */
    ImageBatch toImageBatch(DataType type) {
        long[] shape = {count, first.channels(), first.height(), first.width()};
        INDArray array = Nd4j.createUninitialized(type, shape, 'c');
        int block = Math.min(samples.length, WIDEN_BLOCK);
        if (type == DataType.DOUBLE) {
            DoubleBuffer target = array.data().asNioDouble();
            double[] values = new double[block];
            for (int from = 0; from < samples.length; from += block) {
                int n = Math.min(block, samples.length - from);
                for (int i = 0; i < n; i++) {
                    values[i] = samples[from + i] & 0xFF;
                }
                target.put(values, 0, n);
            }
        } else {
            FloatBuffer target = array.data().asNioFloat();
            float[] values = new float[block];
            for (int from = 0; from < samples.length; from += block) {
                int n = Math.min(block, samples.length - from);
                for (int i = 0; i < n; i++) {
                    values[i] = samples[from + i] & 0xFF;
                }
                target.put(values, 0, n);
            }
        }
        return new ImageBatch(array, ids, labels, report);
    }
}
