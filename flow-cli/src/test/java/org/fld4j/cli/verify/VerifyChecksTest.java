package org.fld4j.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.data.RandomGaussian;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@code fld verify} one by one, with budgets far below the command's (the command itself takes about
 * a minute), and their output forms.
 */
class VerifyChecksTest {

    @Test
    void theGaussianCheckComparesWithTheExactEntropyAndTrainingTwiceGivesTheSameNumber() {
        NativeThreads.set(1);
        GaussianDemo.Options o = new GaussianDemo.Options(2, 11, 2_000, 2_000, 6, Duration.ofMinutes(2));
        List<CheckResult> checks = GaussianChecks.run(o, true);
        CheckResult likelihood = checks.get(0);
        assertThat(likelihood.id()).isEqualTo("gaussian-likelihood");
        // the range in closed form: 4 standard errors sqrt(D / 2n) below 0, 0.05 nats per dimension above
        double standardError = Math.sqrt(2 / 2.0 / 2_000);
        assertThat(likelihood.low()).isCloseTo(-4 * standardError, within(1e-15));
        assertThat(likelihood.high()).isCloseTo(0.1 + 4 * standardError, within(1e-15));
        assertThat(likelihood.what()).contains(String.format(java.util.Locale.ROOT, "exact %.4f",
                -RandomGaussian.withSeed(2, 11).entropy()));
        assertThat(likelihood.passed()).as("gap %s", likelihood.measured()).isTrue();

        CheckResult determinism = checks.get(1);
        assertThat(determinism.id()).isEqualTo("determinism");
        assertThat(determinism.measured()).isZero();
        assertThat(determinism.passed()).isTrue();
    }

    @Test
    void theImageChecksOnABrieflyTrainedFlow() {
        List<CheckResult> checks = ImageChecks.run(new ImageBudget(1, Duration.ofMinutes(2), 7, 2, 8));
        assertThat(checks).extracting(CheckResult::id)
                .containsExactly("heldout-bpd", "fld-real", "fld-noised", "round-trip");
        // the documented ranges stay those of the documented three-epoch flow
        assertThat(checks.get(0).low()).isCloseTo(3.971, within(1e-12));
        assertThat(checks.get(0).high()).isCloseTo(4.371, within(1e-12));
        assertThat(checks.get(0).measured()).isBetween(3.0, 8.0);
        // noise makes the images less likely than real ones even under a flow trained for one epoch
        assertThat(checks.get(2).measured()).isGreaterThan(checks.get(1).measured() + 0.1);
        CheckResult roundTrip = checks.get(3);
        assertThat(roundTrip.measured()).isZero();
        assertThat(roundTrip.passed()).isTrue();
    }

    @Test
    void aValueOutsideItsRangeOrNotMeasuredFails() {
        assertThat(check("fld-real", 0.05, -0.1, 0.1).passed()).isTrue();
        assertThat(check("fld-real", 0.1, -0.1, 0.1).passed()).isTrue();
        assertThat(check("fld-real", 0.1000001, -0.1, 0.1).passed()).isFalse();
        assertThat(check("round-trip", Double.NaN, 0, 0).passed()).isFalse();
        assertThat(check("round-trip", 0, 0, 0).passed()).isTrue();
    }

    @Test
    void theJsonAndTheTextSayWhichChecksFailed() {
        List<CheckResult> checks = List.of(check("gaussian-likelihood", 0.02, -0.05, 0.25),
                check("heldout-bpd", 5.1, 3.971, 4.371), check("round-trip", Double.NaN, 0, 0));
        ObjectNode doc = JsonResults.document("verify", Provenance.builder().seed(7).build());
        VerifyJson.fill((ObjectNode) doc.get("result"), checks);
        JsonSchemaCheck.assertValid(doc.toString());
        assertThat(doc.get("result").get("passed").asBoolean()).isFalse();
        assertThat(doc.get("result").get("failed").asInt()).isEqualTo(2);
        assertThat(doc.get("result").get("checks").get(2).get("measured").isNull()).isTrue();
        assertThat(doc.get("result").get("checks").get(0).get("passed").asBoolean()).isTrue();

        String text = VerifyText.format(checks);
        assertThat(text).contains("PASS  gaussian-likelihood").contains("FAIL  heldout-bpd")
                .contains("FAIL  round-trip").contains("expected [3.9710, 4.3710]").contains("expected exactly 0")
                .endsWith("2 of 3 checks FAILED\n");
    }

    private static CheckResult check(String id, double measured, double low, double high) {
        return new CheckResult(id, "a value", measured, low, high, "", "a test range", Duration.ofMillis(5));
    }
}
