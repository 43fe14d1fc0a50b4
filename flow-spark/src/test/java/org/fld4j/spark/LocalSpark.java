package org.fld4j.spark;

import org.apache.spark.sql.SparkSession;

/** A local Spark session for tests: two task slots, bound to 127.0.0.1, no web UI. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start(String name) {
        return SparkSession.builder().appName(name).master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
