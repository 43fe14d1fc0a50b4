package org.fld4j.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link OpenMpThreads}: OpenMP keeps its count per thread, so a count asked for on one thread must reach the
 * others that run flows, and a count held for a while must be given back.
 */
class OpenMpThreadsTest {

    private int requestedBefore;

    @BeforeEach
    void remember() {
        requestedBefore = OpenMpThreads.requested();
    }

    @AfterEach
    void restore() {
        OpenMpThreads.request(requestedBefore);
    }

    @Test
    void theNativeOpsAreReachable() {
        // The CPU backend of the tests has them; without them every count would silently stay OpenMP's.
        assertThat(OpenMpThreads.current()).isPositive();
    }

    @Test
    void aCountAskedForOnOneThreadReachesAFlowOnAnother() throws Exception {
        FlowNetwork net = Flow.dense(4).couplings(2).hidden(8).build().toNetwork();
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            int openMpDefault = CompletableFuture.supplyAsync(OpenMpThreads::current, fresh).get();
            int other = openMpDefault == 3 ? 5 : 3;
            OpenMpThreads.request(other);
            assertThat(OpenMpThreads.current()).isEqualTo(other);
            int[] seen = CompletableFuture.supplyAsync(() -> {
                int before = OpenMpThreads.current();
                net.logProb(Nd4j.zeros(DataType.FLOAT, 2, 4));
                return new int[] {before, OpenMpThreads.current()};
            }, fresh).get();
            assertThat(seen[0]).as("a thread that never ran a flow keeps OpenMP's default").isNotEqualTo(other);
            assertThat(seen[1]).as("after a flow ran on it").isEqualTo(other);
        } finally {
            fresh.shutdown();
        }
    }

    @Test
    void aHeldCountWinsWhileHeldAndIsGivenBack() {
        OpenMpThreads.request(2);
        int inside = OpenMpThreads.withThreads(1, () -> {
            OpenMpThreads.applyToCurrentThread();
            return OpenMpThreads.current();
        });
        assertThat(inside).isEqualTo(1);
        assertThat(OpenMpThreads.current()).isEqualTo(2);
        OpenMpThreads.applyToCurrentThread();
        assertThat(OpenMpThreads.current()).isEqualTo(2);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> OpenMpThreads.request(-1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> OpenMpThreads.withThreads(0, () -> 0)).hasMessageContaining("got 0");
    }
}
