package org.fld4j.spark;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.backend.NativeThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks that a Spark master runs fld4j's native code: the doubles {@code 0 .. n-1}, in a number of partitions, are
 * summed with ND4J inside {@code mapPartitions} (one {@link INDArray} per partition, on whichever executor Spark
 * gives it), the partial sums are added on the driver, and the result is compared with the closed form
 * {@code n(n-1)/2}. It prints the sum, how long the session took to start, and the executors (id and process) that
 * ran the tasks.
 *
 * <p>Usage: {@code ClusterCheck [MASTER [N [PARTITIONS [EXECUTORS]]]]}. MASTER defaults to the environment's
 * {@code SPARK_MASTER}, then {@code local[2]}; N to 1000; PARTITIONS to 7; EXECUTORS (how many executors must take
 * part) to 0, or 2 for a {@code spark://} master. Before the job it waits up to two minutes for that many executors to
 * register. Exits with 0 when the sum is right and enough executors took part, 1 when not, 2 on bad arguments.
 * Executors get {@link SparkExecutorSettings} for a 1 GiB heap and 512 MiB of ND4J memory unless the Spark
 * configuration (system properties {@code spark.*}) says otherwise.
 */
public final class ClusterCheck {

    private static final long WAIT_FOR_EXECUTORS_MILLIS = 120_000;

    private ClusterCheck() {
    }

    /** One partition's part of the job: who summed it, how many values and their sum. */
    record Partial(String executor, long pid, int count, double sum) implements Serializable {
    }

    /** What the job found. */
    record Result(long n, double sum, List<Partial> partials) {

        double expected() {
            return n * (n - 1) / 2.0;
        }

        /** The executors that ran a task, as {@code id/pid}. */
        TreeSet<String> executors() {
            TreeSet<String> out = new TreeSet<>();
            partials.forEach(p -> out.add(p.executor() + "/" + p.pid()));
            return out;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        String master = args.length > 0 ? args[0]
                : System.getenv().getOrDefault("SPARK_MASTER", "local[2]");
        int n;
        int partitions;
        int executors;
        try {
            n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
            partitions = args.length > 2 ? Integer.parseInt(args[2]) : 7;
            executors = args.length > 3 ? Integer.parseInt(args[3]) : master.startsWith("spark://") ? 2 : 0;
        } catch (NumberFormatException e) {
            System.err.println("usage: ClusterCheck [MASTER [N [PARTITIONS [EXECUTORS]]]]: " + e.getMessage());
            return 2;
        }
        if (n < 1 || partitions < 1 || executors < 0) {
            System.err.println("usage: ClusterCheck [MASTER [N [PARTITIONS [EXECUTORS]]]]: N and PARTITIONS >= 1");
            return 2;
        }
        SparkConf conf = new SparkConf().setAppName("fld4j cluster check").setMaster(master);
        if (master.startsWith("local")) {
            // A local job talks to nothing outside this machine.
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        SparkExecutorSettings.of(512L << 20, 1L << 30).applyTo(conf);
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            out.printf(Locale.ROOT, "session: %s, started in %.1f s%n", master, seconds(start));
            if (executors > 0) {
                long waited = System.nanoTime();
                int registered = waitForExecutors(context, executors);
                out.printf(Locale.ROOT, "executors registered: %d of %d in %.1f s%n", registered, executors,
                        seconds(waited));
            }
            long job = System.nanoTime();
            Result result = sum(context, n, partitions);
            out.printf(Locale.ROOT, "sum: %.1f, expected n(n-1)/2 = %.1f, %d partitions, job %.1f s%n",
                    result.sum(), result.expected(), result.partials().size(), seconds(job));
            out.println("executors seen: " + result.executors().size() + " " + result.executors());
            boolean ok = result.sum() == result.expected() && result.partials().size() == partitions
                    && result.executors().size() >= executors;
            out.println(ok ? "OK" : "FAILED");
            return ok ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    /** Sums {@code 0 .. n-1}, in {@code partitions} partitions, with ND4J in each partition. */
    static Result sum(JavaSparkContext context, int n, int partitions) {
        List<Double> values = IntStream.range(0, n).mapToObj(i -> (double) i).toList();
        JavaRDD<Partial> partials = context.parallelize(values, partitions).mapPartitions(ClusterCheck::partial);
        List<Partial> collected = new ArrayList<>(partials.collect());
        double total = collected.stream().mapToDouble(Partial::sum).sum();
        return new Result(n, total, collected);
    }

    /** One partition: its values as one INDArray, summed by ND4J with one native thread (one per task slot). */
    static Iterator<Partial> partial(Iterator<Double> values) {
        List<Double> list = new ArrayList<>();
        values.forEachRemaining(list::add);
        SparkEnv env = SparkEnv.get();
        String executor = env == null ? "none" : env.executorId();
        if (!"driver".equals(executor) && NativeThreads.current() != 1) {
            // An executor JVM (in local mode the driver's threads are the caller's to choose).
            NativeThreads.set(1);
        }
        double sum = 0;
        if (!list.isEmpty()) {
            INDArray array = Nd4j.createFromArray(list.stream().mapToDouble(Double::doubleValue).toArray());
            sum = array.sumNumber().doubleValue();
            array.close();
        }
        return List.of(new Partial(executor, ProcessHandle.current().pid(), list.size(), sum)).iterator();
    }

    /** Waits for {@code wanted} executors (the driver not counted); returns how many registered. */
    private static int waitForExecutors(JavaSparkContext context, int wanted) {
        long deadline = System.currentTimeMillis() + WAIT_FOR_EXECUTORS_MILLIS;
        int registered = 0;
        while (System.currentTimeMillis() < deadline) {
            registered = context.sc().statusTracker().getExecutorInfos().length - 1;
            if (registered >= wanted) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return registered;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
