package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spark and ND4J work together: ND4J arrays made and summed inside {@code mapPartitions} of a local[2] job give the
 * closed-form sum, in the test's own job and in {@link ClusterCheck}'s.
 */
class SparkNd4jSmokeTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark();

    @Test
    void sumsWithNd4jInEveryPartition() {
        int n = 1000;
        List<Double> values = IntStream.range(0, n).mapToObj(i -> (double) i).toList();
        JavaRDD<Double> rdd = SPARK.context().parallelize(values, 7);
        JavaRDD<Double> partials = rdd.mapPartitions(SparkNd4jSmokeTest::sumWithNd4j);

        assertThat(partials.getNumPartitions()).isEqualTo(7);
        assertThat(partials.reduce(Double::sum)).isEqualTo(n * (n - 1) / 2.0);
        System.out.println("local[2] Spark session started in " + SPARK.startup().toMillis() + " ms");
    }

    @Test
    void theClusterCheckJobSumsInEachPartition() {
        ClusterCheck.Result result = ClusterCheck.sum(SPARK.context(), 1000, 7);

        assertThat(result.sum()).isEqualTo(499_500.0);
        assertThat(result.partials()).hasSize(7);
        assertThat(result.partials().stream().mapToInt(ClusterCheck.Partial::count).sum()).isEqualTo(1000);
        assertThat(result.executors()).hasSize(1).allMatch(e -> e.startsWith("driver/"));
    }

    private static Iterator<Double> sumWithNd4j(Iterator<Double> values) {
        List<Double> list = new ArrayList<>();
        values.forEachRemaining(list::add);
        INDArray array = Nd4j.createFromArray(list.stream().mapToDouble(Double::doubleValue).toArray());
        return List.of(array.sumNumber().doubleValue()).iterator();
    }
}
