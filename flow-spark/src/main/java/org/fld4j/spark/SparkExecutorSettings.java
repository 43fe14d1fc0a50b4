package org.fld4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings an executor needs to run fld4j's flows well, as configuration entries to give a
 * {@code SparkSession.builder()} or {@code spark-submit --conf}. Each says why:
 * <ul>
 *   <li>{@code spark.executorEnv.OMP_NUM_THREADS=1}: Spark runs one task per core; ND4J's native ops would
 *       otherwise start one thread per core in every task, and two tasks on a 2-core executor would each spin up
 *       two threads (4 on 2 cores, measured 3 to 5 times slower on this project's machines). Tasks also set the
 *       threads through ND4J when they start ({@link SparkFld#nativeThreadsPerTask}).</li>
 *   <li>{@code spark.executorEnv.OMP_WAIT_POLICY=PASSIVE}: idle OpenMP threads sleep instead of spinning, which
 *       steals the core the next op needs (2.6 to 4.4 times faster on 2 cores, docs/performance.md). It cannot be
 *       set from Java, only in the executor's environment.</li>
 *   <li>{@code spark.executor.memoryOverhead}: ND4J keeps its arrays off the Java heap, through JavaCPP; a cluster
 *       manager that sizes containers by heap plus overhead kills an executor whose native memory outgrows the
 *       overhead, so the overhead must hold JavaCPP's limit plus the JVM's own native needs.</li>
 *   <li>{@code spark.executor.extraJavaOptions}: JavaCPP's {@code maxbytes} (the most off-heap memory ND4J may
 *       hold) and {@code maxphysicalbytes} (the most physical memory of the whole process, heap included), so that
 *       a task that needs more fails with a clear error instead of the executor being killed; the oneDNN natives
 *       (convolutions 10 to 30 times faster than the plain build); and the {@code --add-opens} flags Spark itself
 *       needs on Java 17.</li>
 * </ul>
 */
public final class SparkExecutorSettings {

    /** The {@code --add-opens} flags Spark's own launcher gives every JVM on Java 17. */
    public static final String JAVA_17_OPENS = String.join(" ",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    /** Off-heap memory ND4J may hold per executor by default: enough for the fld-paper flow at batch 256. */
    public static final long DEFAULT_OFF_HEAP_BYTES = 2L << 30;

    private final long offHeapBytes;
    private final long executorHeapBytes;

    private SparkExecutorSettings(long offHeapBytes, long executorHeapBytes) {
        if (offHeapBytes < (64L << 20)) {
            throw new IllegalArgumentException("off-heap memory for ND4J must be at least 64 MiB, got " + offHeapBytes);
        }
        if (executorHeapBytes < (256L << 20)) {
            throw new IllegalArgumentException("executor heap must be at least 256 MiB, got " + executorHeapBytes);
        }
        this.offHeapBytes = offHeapBytes;
        this.executorHeapBytes = executorHeapBytes;
    }

    /** {@link #DEFAULT_OFF_HEAP_BYTES} off heap beside a 2 GiB executor heap. */
    public static SparkExecutorSettings defaults() {
        return new SparkExecutorSettings(DEFAULT_OFF_HEAP_BYTES, 2L << 30);
    }

    /** Settings for executors of {@code executorHeapBytes} heap whose ND4J may hold {@code offHeapBytes}. */
    public static SparkExecutorSettings of(long offHeapBytes, long executorHeapBytes) {
        return new SparkExecutorSettings(offHeapBytes, executorHeapBytes);
    }

    /** The entries, in the order they are documented. */
    public Map<String, String> entries() {
        long mib = 1L << 20;
        // The JVM's own native memory (threads, code cache, metaspace, Spark's Netty buffers) beside ND4J's arrays.
        long jvmNative = 512 * mib;
        Map<String, String> out = new LinkedHashMap<>();
        out.put("spark.executorEnv.OMP_NUM_THREADS", "1");
        out.put("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        out.put("spark.executor.memory", executorHeapBytes / mib + "m");
        out.put("spark.executor.memoryOverhead", (offHeapBytes + jvmNative) / mib + "m");
        out.put("spark.executor.extraJavaOptions", JAVA_17_OPENS
                + " -Dorg.bytedeco.javacpp.maxbytes=" + offHeapBytes
                + " -Dorg.bytedeco.javacpp.maxphysicalbytes=" + (executorHeapBytes + offHeapBytes + jvmNative)
                + " -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2");
        return out;
    }

    /** Sets every entry on {@code conf} that it does not set already (a caller's own choice wins). */
    public SparkConf applyTo(SparkConf conf) {
        entries().forEach((key, value) -> {
            if (!conf.contains(key)) {
                conf.set(key, value);
            }
        });
        return conf;
    }
}
