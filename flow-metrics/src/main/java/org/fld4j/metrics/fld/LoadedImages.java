package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fld4j.core.kernel.Tensors;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A whole image source read into memory as one {@code [N, C, H, W]} float32 array of values 0..255,
 * with each row's name and the read's report. Training needs the real set in memory anyway.
 */
record LoadedImages(INDArray images, List<String> names, InputReport report) {

    static LoadedImages read(ImageSource source, int batchSize) {
        List<INDArray> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        InputReport report;
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(batchSize))) {
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                parts.add(batch.images());
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
        INDArray all = parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
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
