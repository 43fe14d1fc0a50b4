package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkExecutorSettingsTest {

    @Test
    void theDefaultsSizeTheOverheadForNd4jsOffHeapMemory() {
        SparkConf conf = SparkExecutorSettings.defaults().applyTo(new SparkConf(false));
        assertThat(conf.get("spark.executorEnv.OMP_NUM_THREADS")).isEqualTo("1");
        assertThat(conf.get("spark.executorEnv.OMP_WAIT_POLICY")).isEqualTo("PASSIVE");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("2048m");
        // 2 GiB off heap for ND4J plus 512 MiB for the JVM's own native memory.
        assertThat(conf.get("spark.executor.memoryOverhead")).isEqualTo("2560m");
        // The whole process: 2 GiB heap + 2 GiB off heap + 512 MiB = 4,831,838,208 bytes.
        assertThat(conf.get("spark.executor.extraJavaOptions"))
                .contains("-Dorg.bytedeco.javacpp.maxbytes=2147483648")
                .contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=4831838208")
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }

    @Test
    void aCallersOwnSettingIsKept() {
        SparkConf conf = new SparkConf(false).set("spark.executor.memory", "8g");
        SparkExecutorSettings.of(4L << 30, 8L << 30).applyTo(conf);
        assertThat(conf.get("spark.executor.memory")).isEqualTo("8g");
        assertThat(conf.get("spark.executor.memoryOverhead")).isEqualTo("4608m");
        assertThatThrownBy(() -> SparkExecutorSettings.of(1 << 20, 8L << 30))
                .hasMessageContaining("at least 64 MiB");
    }
}
