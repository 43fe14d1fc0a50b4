package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reading images out of an ND4J array gives each image's values in CHW order, whether the array is
 * read in place (contiguous NCHW floats or doubles, views with an offset included) or through a copy
 * (strided views, Fortran order, other layouts; a strided view once failed there, in ND4J's slice). The
 * expected values come from indexing the array element by element.
 */
class NdArrayImagesTest {

    private static INDArray pixels(DataType type, long... shape) {
        SplittableRandom random = new SplittableRandom(3);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(256);
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(type);
    }

    private static void readsEveryImage(INDArray nchw, INDArray stored, ArrayLayout layout) {
        NdArrayImages images = new NdArrayImages(stored, layout, "test");
        int c = (int) nchw.size(1);
        int h = (int) nchw.size(2);
        int w = (int) nchw.size(3);
        double[] chw = new double[c * h * w];
        for (int i = 0; i < nchw.size(0); i++) {
            images.readValues(i, chw);
            double[] expected = new double[chw.length];
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        expected[(ch * h + y) * w + x] = nchw.getDouble(i, ch, y, x);
                    }
                }
            }
            assertThat(chw).as("image %d", i).containsExactly(expected);
        }
    }

    @Test
    void contiguousFloatAndDoubleArraysAreReadInPlace() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = pixels(type, 5, 3, 3, 4);
            readsEveryImage(a, a, ArrayLayout.NCHW);
            INDArray rows = a.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            readsEveryImage(rows, rows, ArrayLayout.NCHW);
        }
    }

    @Test
    void stridedFortranAndOtherLayoutsAreCopied() {
        INDArray a = pixels(DataType.FLOAT, 4, 3, 3, 2);
        INDArray wide = pixels(DataType.FLOAT, 4, 3, 3, 5);
        INDArray columns = wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        readsEveryImage(columns, columns, ArrayLayout.NCHW);
        INDArray gray = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2), NDArrayIndex.all(), NDArrayIndex.all());
        readsEveryImage(gray, gray, ArrayLayout.NCHW);
        INDArray fortran = a.dup('f');
        readsEveryImage(a, fortran, ArrayLayout.NCHW);
        INDArray nhwc = a.permute(0, 2, 3, 1).dup('c');
        readsEveryImage(a, nhwc, ArrayLayout.NHWC);
        INDArray bytes = a.castTo(DataType.UBYTE);
        readsEveryImage(a, bytes, ArrayLayout.NCHW);
    }
}
