package org.fld4j.spark;

import java.time.Duration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local Spark session for tests: two task slots, bound to 127.0.0.1, no web UI. Registered as a static extension
 * ({@code @RegisterExtension static final LocalSpark SPARK = new LocalSpark();}) it starts one session before the
 * test class's tests and stops it after them; {@link #start} gives a session to stop by hand.
 */
final class LocalSpark implements BeforeAllCallback, AfterAllCallback {

    private SparkSession session;
    private Duration startup = Duration.ZERO;

    static SparkSession start(String name) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        long start = System.nanoTime();
        session = start(context.getRequiredTestClass().getSimpleName());
        startup = Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /** The test class's session. */
    SparkSession session() {
        if (session == null) {
            throw new IllegalStateException("no session: register LocalSpark as a static extension");
        }
        return session;
    }

    /** The session's context, for RDDs. */
    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** How long the session took to start. */
    Duration startup() {
        return startup;
    }
}
