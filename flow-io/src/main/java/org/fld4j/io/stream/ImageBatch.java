package org.fld4j.io.stream;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.fld4j.io.ImageId;
import org.fld4j.io.InputReport;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch from an {@link ImageBatchStream}: the images as an {@code [n, C, H, W]} array of integers 0..255 in the
 * requested floating-point type, which image each row is, their labels where the source has labels, and the read's
 * report as of this batch.
 */
public final class ImageBatch {

    private final INDArray images;
    private final List<ImageId> ids;
    private final int[] labels;
    private final InputReport report;

    ImageBatch(INDArray images, List<ImageId> ids, int[] labels, InputReport report) {
        this.images = Objects.requireNonNull(images, "images");
        this.ids = List.copyOf(ids);
        this.labels = labels;
        this.report = Objects.requireNonNull(report, "report");
        if (images.size(0) != ids.size()) {
            throw new IllegalArgumentException(images.size(0) + " images but " + ids.size() + " ids");
        }
    }

    /** {@code [n, C, H, W]}, integers 0..255. The array belongs to the caller. */
    public INDArray images() {
        return images;
    }

    /** The number of images in this batch. */
    public int size() {
        return ids.size();
    }

    /** Which image row {@code i} is. */
    public List<ImageId> ids() {
        return ids;
    }

    /** The label of row {@code i}, if the source carries labels. */
    public OptionalInt label(int i) {
        Objects.checkIndex(i, ids.size());
        return labels == null ? OptionalInt.empty() : OptionalInt.of(labels[i]);
    }

    /** All labels in row order, or an empty array when the source has none. */
    public int[] labels() {
        return labels == null ? new int[0] : labels.clone();
    }

    /** What the read had done up to and including this batch (skips, warnings). */
    public InputReport report() {
        return report;
    }
}
