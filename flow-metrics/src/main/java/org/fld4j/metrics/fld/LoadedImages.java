package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.NativeMemory;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A whole image source read into memory as one {@code [N, C, H, W]} float32 array of values 0..255,
 * with each row's name and the read's report. Training needs the real set in memory anyway.
 */
record LoadedImages(INDArray images, List<String> names, InputReport report) {

    static LoadedImages read(ImageSource source, int batchSize) {
        // Each batch is copied into one array sized for the whole source as it arrives, so the set is never
        // held twice (as batches and as their concatenation); only skipped images leave it too long.
        INDArray all = null;
        int rows = 0;
        List<String> names = new ArrayList<>();
        InputReport report;
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(batchSize))) {
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                INDArray images = batch.images();
                if (all == null) {
                    long[] shape = images.shape().clone();
                    shape[0] = Math.max(source.size(), images.size(0));
                    all = Nd4j.create(images.dataType(), shape, 'c');
                }
                int n = (int) images.size(0);
                all.get(NDArrayIndex.interval(rows, rows + n)).assign(images);
                rows += n;
                NativeMemory.close(images);
                for (ImageId id : batch.ids()) {
                    names.add(id.toString());
                }
            }
            report = stream.report();
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(source.description() + " holds no usable images"
                    + (report.skipped().isEmpty() ? "" : " (" + report.skipped().size() + " skipped)"));
        }
        if (rows < all.size(0)) {
            INDArray read = all.get(NDArrayIndex.interval(0, rows)).dup('c');
            NativeMemory.close(all);
            all = read;
        }
        return new LoadedImages(all, List.copyOf(names), report);
    }

    int size() {
        return names.size();
    }

    /** {@code [C, H, W]}. */
    long[] imageShape() {
        return Arrays.copyOfRange(images.shape(), 1, 4);
    }

    /** The rows at {@code indices}, as a new array. */
    INDArray rows(int[] indices) {
        return Tensors.rows(images, indices);
    }

    List<String> names(int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(names.get(i));
        }
        return out;
    }
}
