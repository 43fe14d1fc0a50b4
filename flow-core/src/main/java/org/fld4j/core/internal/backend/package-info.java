/**
 * The threads under the flows: whether the oneDNN build of ND4J's CPU natives is the one loaded in this process
 * ({@link org.fld4j.core.internal.backend.NativeBackend}), which the convolutions ask to pick their layout; OpenMP's
 * per-thread count that oneDNN uses ({@link org.fld4j.core.internal.backend.OpenMpThreads}); a batch's rows split
 * over Java threads ({@link org.fld4j.core.internal.backend.RowWorkers}); fld4j's daemon worker pools
 * ({@link org.fld4j.core.internal.backend.DaemonPool}); and a flight-recorder event around each convolution and
 * conditioner matrix product that the natives run ({@link org.fld4j.core.internal.backend.NativeCallEvent}, off
 * unless a recording enables it). Choosing the build is flow-backend-cpu's; the thread count
 * users set is {@link org.fld4j.core.backend.NativeThreads}. Internal (see {@link org.fld4j.core.internal}).
 */
package org.fld4j.core.internal.backend;
