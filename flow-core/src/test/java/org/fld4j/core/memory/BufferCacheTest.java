package org.fld4j.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BufferCacheTest {

    @Test
    void returnsTheSameArrayForTheSameNameTypeAndShape() {
        BufferCache cache = new BufferCache();
        INDArray a = cache.get("a", DataType.FLOAT, 2, 3);
        assertThat(cache.get("a", DataType.FLOAT, 2, 3)).isSameAs(a);
        assertThat(cache.get("a", DataType.DOUBLE, 2, 3)).isNotSameAs(a);
        assertThat(cache.get("a", DataType.FLOAT, 3, 2)).isNotSameAs(a);
        assertThat(cache.get("b", DataType.FLOAT, 2, 3)).isNotSameAs(a);
    }

    @Test
    void releaseFreesEveryArrayAndLaterCallsAllocateZeroFilledOnes() {
        BufferCache cache = new BufferCache();
        INDArray a = cache.get("a", DataType.FLOAT, 2, 3).assign(7);
        INDArray b = cache.get("b", DataType.DOUBLE, 5).assign(1);
        INDArray view = a.reshape(3, 2);
        cache.release();
        assertThat(a.wasClosed()).isTrue();
        assertThat(b.wasClosed()).isTrue();
        // A view shares its array's buffer, so it is freed with it: users must not keep views either.
        assertThat(view.wasClosed()).isTrue();

        INDArray again = cache.get("a", DataType.FLOAT, 2, 3);
        assertThat(again).isNotSameAs(a);
        assertThat(again.wasClosed()).isFalse();
        assertThat(again.sumNumber().doubleValue()).isZero();
        cache.release();
        cache.release();
        assertThat(again.wasClosed()).isTrue();
    }
}
