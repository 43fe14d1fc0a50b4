package org.fld4j.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.core.memory.NativeMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TensorsTest {

    /** Value {@code 1000 r + c} at row r, column c: every copied value names where it came from. */
    private static INDArray numbered(DataType type, int rows, int columns) {
        double[][] v = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                v[r][c] = 1000 * r + c;
            }
        }
        return Nd4j.createFromArray(v).castTo(type);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void copiesAColumnBlockIntoAnotherColumnBlock(DataType type) {
        INDArray source = numbered(type, 7, 10);
        INDArray target = Nd4j.zeros(type, 7, 9);
        Tensors.copy(source.get(NDArrayIndex.all(), NDArrayIndex.interval(6, 10)),
                target.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6)));
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 9; c++) {
                double expected = c >= 2 && c < 6 ? 1000 * r + (c + 4) : 0;
                assertThat(target.getDouble(r, c)).as("row %d column %d", r, c).isEqualTo(expected);
            }
        }
    }

    @Test
    void copiesRowBlocksAndWholeMatricesAndSingleColumns() {
        INDArray source = numbered(DataType.FLOAT, 6, 5);
        INDArray whole = Nd4j.zeros(DataType.FLOAT, 6, 5);
        Tensors.copy(source, whole);
        assertThat(whole).isEqualTo(source);

        INDArray rows = Nd4j.zeros(DataType.FLOAT, 2, 5);
        Tensors.copy(source.get(NDArrayIndex.interval(3, 5), NDArrayIndex.all()), rows);
        assertThat(rows.getDouble(0, 4)).isEqualTo(3004);
        assertThat(rows.getDouble(1, 0)).isEqualTo(4000);

        INDArray column = Nd4j.zeros(DataType.FLOAT, 6, 1);
        Tensors.copy(source.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 3)), column);
        for (int r = 0; r < 6; r++) {
            assertThat(column.getDouble(r, 0)).isEqualTo(1000 * r + 2);
        }
    }

    @Test
    void fallsBackForOtherLayoutsAndTypes() {
        INDArray source = numbered(DataType.DOUBLE, 4, 3);
        INDArray transposed = Nd4j.zeros(DataType.FLOAT, 3, 4).transpose();
        Tensors.copy(source, transposed);
        assertThat(transposed.getDouble(3, 2)).isEqualTo(3002);
    }

    @Test
    void rejectsDifferentShapes() {
        assertThatThrownBy(() -> Tensors.copy(Nd4j.zeros(3, 4), Nd4j.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 4]").hasMessageContaining("[4, 3]");
    }

    @Test
    void closeFreesArraysThatOwnTheirBufferAndLeavesViewsAlone() {
        INDArray owner = numbered(DataType.FLOAT, 4, 3);
        INDArray base = numbered(DataType.FLOAT, 4, 3);
        INDArray view = base.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        NativeMemory.close(owner, view, null);
        assertThat(owner.wasClosed()).isTrue();
        assertThat(base.wasClosed()).isFalse();
        assertThat(base.getDouble(3, 2)).isEqualTo(3002);
        // Closing twice is harmless.
        NativeMemory.close(owner);
    }

    @Test
    void rowsAreCopiedIntoANewArrayThatCloseCanFree() {
        INDArray images = numbered(DataType.FLOAT, 5, 12).reshape(5, 3, 2, 2);
        INDArray picked = Tensors.rows(images, new int[] {4, 1});
        assertThat(picked.shape()).containsExactly(2, 3, 2, 2);
        assertThat(picked.getDouble(0, 2, 1, 1)).isEqualTo(4011);
        assertThat(picked.getDouble(1, 0, 0, 0)).isEqualTo(1000);
        assertThat(picked.closeable()).isTrue();
        NativeMemory.close(picked);
        assertThat(picked.wasClosed()).isTrue();
        assertThat(images.wasClosed()).isFalse();
    }

    /** Column sums against a double loop, for the Java path (contiguous float32) and ND4J's (views, float64). */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sumsOverTheBatchLikeADoubleLoop(DataType type) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[][] v = new double[37][29];
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-2, 2);
            }
        }
        INDArray x = Nd4j.createFromArray(v).castTo(type);
        INDArray wide = Nd4j.create(type, 37, 40);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 34)).assign(x);
        for (INDArray input : new INDArray[] {x, view}) {
            INDArray out = Nd4j.create(type, 29);
            Tensors.sumOverBatch(input, out);
            for (int j = 0; j < 29; j++) {
                double expected = 0;
                for (double[] row : v) {
                    expected += type == DataType.FLOAT ? (float) row[j] : row[j];
                }
                assertThat(out.getDouble(j)).isCloseTo(expected, org.assertj.core.api.Assertions.within(
                        type == DataType.FLOAT ? 2e-5 : 1e-12));
            }
        }
    }
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void copiesColumnsBetweenContiguousMatricesAndViews(DataType type) {
        INDArray source = numbered(type, 5, 8);
        INDArray target = Nd4j.zeros(type, 5, 6);
        Tensors.copyColumns(source, 5, target, 1, 3);
        // A view as the source takes the fallback through views; its columns count from the view.
        INDArray view = source.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 8));
        Tensors.copyColumns(view, 0, target, 4, 2);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 6; c++) {
                double expected = c >= 1 && c < 4 ? 1000 * r + c + 4 : c >= 4 ? 1000 * r + c - 3 : 0;
                assertThat(target.getDouble(r, c)).as("row %d column %d", r, c).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> Tensors.copyColumns(source, 6, target, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[5, 8]");
    }

    /**
     * Per-sample sums, Java path (contiguous) and ND4J's (a view), against libnd4j's own {@code Sum} of the
     * values in double: to the last bit, since the log-likelihoods of saved flows are pinned to the bit.
     */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void sumsEachSampleToTheBitOfLibnd4jsSum(DataType type) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (long[] shape : new long[][] {{1, 3}, {7, 50}, {64, 17}, {3, 2, 5, 7}, {2, 3, 32, 32}}) {
            double[] v = new double[Math.toIntExact(org.nd4j.common.util.ArrayUtil.prodLong(shape))];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian() * Math.exp(3 * random.nextGaussian());
            }
            INDArray x = Nd4j.createFromArray(v).reshape(shape).castTo(type);
            int[] dims = new int[shape.length - 1];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = d + 1;
            }
            INDArray expected = Nd4j.create(DataType.DOUBLE, shape[0]);
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.reduce.same.Sum(x.castTo(DataType.DOUBLE), expected, dims));
            INDArray wide = Nd4j.create(type, shape[0], x.length() / shape[0] + 3);
            INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 2 + x.length() / shape[0]))
                    .assign(x.reshape(shape[0], x.length() / shape[0]));
            for (INDArray input : new INDArray[] {x, view}) {
                INDArray out = Nd4j.create(DataType.DOUBLE, shape[0]);
                Tensors.sumPerSample(input, out, new org.fld4j.core.memory.BufferCache(), "scratch");
                assertThat(out.toDoubleVector()).as(java.util.Arrays.toString(shape)).containsExactly(expected.toDoubleVector());
            }
        }
    }
}
