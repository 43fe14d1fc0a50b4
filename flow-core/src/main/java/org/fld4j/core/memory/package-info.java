/**
 * Native memory of the layers: named work arrays reused across calls
 * ({@link org.fld4j.core.memory.BufferCache}), the evaluation arrays that the layers of one flow
 * share while it only scores ({@link org.fld4j.core.memory.InferenceArrays}), and freeing ND4J's
 * off-heap arrays on time ({@link org.fld4j.core.memory.NativeMemory}). The bottom of flow-core.
 */
package org.fld4j.core.memory;
