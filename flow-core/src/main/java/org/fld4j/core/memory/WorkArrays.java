package org.fld4j.core.memory;

import org.fld4j.core.LayerRegistry;

/**
 * A part of a flow (a layer, a conditioner, the prior, the network) that keeps work arrays: the
 * buffers a pass reuses from call to call, which hold its activations and intermediate values.
 *
 * <p>Why this exists: ND4J's CPU arrays live outside the Java heap and are freed only when their
 * Java objects are garbage-collected. Those objects are tiny, so the heap barely grows and the
 * collector may not run for a long time, while every flow that was trained or used keeps hundreds
 * of megabytes of native memory. A program that trains one flow after another (D-FLD of many
 * generated sets, say) then grows until the process is killed. Releasing the work arrays of a flow
 * that is done frees that memory at once.
 *
 * <p>Releasing frees only arrays the part allocated for itself (never parameters, their gradients or
 * arrays handed in by a caller) and forgets everything a backward pass would read, so that nothing
 * points into freed memory afterwards. The arrays are created anew, zero-filled, on the next pass;
 * results do not change. Not to be called while a pass runs on the same part.
 */
public interface WorkArrays {

    /** Frees the work arrays now, rather than when they are garbage-collected; they come back on next use. */
    void releaseWorkArrays();

    /**
     * Releases the work arrays of each part that keeps some: layers may come from outside fld4j
     * (see {@link LayerRegistry}) and need not implement this interface.
     */
    static void releaseAll(Iterable<?> parts) {
        for (Object part : parts) {
            if (part instanceof WorkArrays w) {
                w.releaseWorkArrays();
            }
        }
    }
}
