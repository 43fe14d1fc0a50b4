package org.fld4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainingEtaTest {

    @Test
    void theEpochLimitBoundsWhenItComesFirst() {
        // 100 of 1,000 steps in 10 s: 900 steps left at 0.1 s = 90 s, well inside a 24 h budget
        TrainingEta eta = TrainingEta.of(Duration.ofSeconds(10), 100, 1000, 10, Duration.ofHours(24));
        assertThat(eta.remaining()).isEqualTo(Duration.ofSeconds(90));
        assertThat(eta.bound()).isEqualTo("10 epochs");
        assertThat(eta.text()).isEqualTo("ends within 1m 30s (10 epochs)");
    }

    @Test
    void theBudgetBoundsWhenItComesFirst() {
        // 200 epochs of 938 steps at 0.5 s a step would take 26 h; a 1 h budget with 10 min gone leaves 50 min
        TrainingEta eta = TrainingEta.of(Duration.ofMinutes(10), 1200, 200L * 938, 200, Duration.ofHours(1));
        assertThat(eta.remaining()).isEqualTo(Duration.ofMinutes(50));
        assertThat(eta.bound()).isEqualTo("time budget");
    }

    @Test
    void beforeTheFirstStepOnlyTheBudgetIsKnownAndAnOverrunReadsZero() {
        assertThat(TrainingEta.of(Duration.ZERO, 0, 1000, 5, Duration.ofMinutes(3)).remaining())
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(TrainingEta.of(Duration.ofMinutes(4), 10, 1000, 5, Duration.ofMinutes(3)).remaining())
                .isEqualTo(Duration.ZERO);
        // all steps done: nothing left
        assertThat(TrainingEta.of(Duration.ofMinutes(1), 1000, 1000, 5, Duration.ofHours(1)).remaining())
                .isEqualTo(Duration.ZERO);
    }
}
