package org.fld4j.core.memory;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees ND4J arrays now rather than when the garbage collector finds them: their off-heap memory is
 * invisible to the Java heap's sizing, so a loop that drops large arrays can exhaust native memory
 * long before a collection runs.
 */
public final class NativeMemory {

    private NativeMemory() {
    }

    /**
     * Frees the native memory of each array now instead of when it is garbage-collected (ND4J's CPU
     * arrays live outside the heap, see {@link WorkArrays}). Arrays ND4J does not report as
     * {@code closeable()} are left alone: views (a reshaped array counts as one, so close the array
     * that was allocated), arrays already closed and workspace arrays. Nulls are skipped. The caller
     * must be the buffers' only user: an array built over another's whole buffer looks like its owner.
     */
    public static void close(Iterable<INDArray> arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }

    /** {@link #close(Iterable)} of the given arrays. */
    public static void close(INDArray... arrays) {
        close(Arrays.asList(arrays));
    }
}
