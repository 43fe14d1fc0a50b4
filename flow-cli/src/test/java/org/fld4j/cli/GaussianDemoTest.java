package org.fld4j.cli;

import org.fld4j.cli.verify.GaussianDemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.fld4j.core.data.RandomGaussian;
import org.junit.jupiter.api.Test;

class GaussianDemoTest {

    @Test
    void shortDemoReportsTheExactEntropyAndAFlowCloseToIt() {
        GaussianDemo.Options o = new GaussianDemo.Options(4, 7, 4000, 2000, 8, Duration.ofSeconds(30));
        GaussianDemo.Result r = GaussianDemo.run(o, new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.analyticMeanLogDensity()).isEqualTo(-RandomGaussian.withSeed(4, 7).entropy());
        // sampling error of the true mean over 2000 samples: sd sqrt(D/2)/sqrt(2000) ~ 0.03
        assertThat(r.trueMeanLogDensity()).isCloseTo(r.analyticMeanLogDensity(), within(0.15));
        assertThat(r.gap()).isBetween(-0.2, 0.5);
        assertThat(GaussianDemo.report(o, r)).contains("analytic (-H(p))").contains("trained flow");
    }
}
