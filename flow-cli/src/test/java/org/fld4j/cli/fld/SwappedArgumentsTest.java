package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When REAL and GEN look swapped: by their names, or by a small real set against a large generated one. */
class SwappedArgumentsTest {

    @Test
    void namesThatSayGeneratedForRealOrRealForGeneratedAreWarned() {
        assertThat(SwappedArguments.check("runs/gan/samples", 5000, "data/real", 60000)).isPresent();
        assertThat(SwappedArguments.check("out/fake_images", 5000, "x/y", 100)).isPresent();
        assertThat(SwappedArguments.check("a/b", 60000, "fmnist/train-images.idx3", 100)).isPresent();
        assertThat(SwappedArguments.check("gen", 10, "real", 10).orElseThrow().message())
                .contains("REAL gen is named like generated images");
    }

    @Test
    void namesInTheRightOrderOrSayingNothingAreNotWarned() {
        assertThat(SwappedArguments.check("data/real", 60000, "runs/samples", 5000)).isEmpty();
        assertThat(SwappedArguments.check("a", 100, "b", 100)).isEmpty();
        // a word inside another word is not a word: "general", "realm"
        assertThat(SwappedArguments.check("general", 100, "realm", 100)).isEmpty();
        // both kinds of word in one name decide nothing
        assertThat(SwappedArguments.check("real-vs-fake", 100, "b", 100)).isEmpty();
    }

    @Test
    void aRealSetAtMostHalfALargeGeneratedSetIsWarnedUnlessTheNamesAgree() {
        assertThat(SwappedArguments.check("a", 500, "b", 1000)).isPresent();
        assertThat(SwappedArguments.check("a", 501, "b", 1000)).isEmpty();
        assertThat(SwappedArguments.check("a", 400, "b", 999)).isEmpty();
        assertThat(SwappedArguments.check("real", 500, "generated", 1000)).isEmpty();
        assertThat(SwappedArguments.check("a", 500, "b", 1000).orElseThrow().code())
                .isEqualTo("LIKELY_SWAPPED_ARGUMENTS");
    }
}
