package org.fld4j.core.image;

import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The committed Fashion-MNIST slice as [N, 1, 28, 28] arrays of pixel values 0..255. */
final class SliceImages {

    private SliceImages() {
    }

    static INDArray train() {
        return all(FashionMnistSlice.train());
    }

    static INDArray test() {
        return all(FashionMnistSlice.test());
    }

    private static INDArray all(ImageSource source) {
        try (ImageBatchStream batches = new ImageBatchStream(source, BatchOptions.of(source.size()))) {
            return batches.next().images();
        }
    }
}
