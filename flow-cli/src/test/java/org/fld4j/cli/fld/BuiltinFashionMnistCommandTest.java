package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.references.BuiltinReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fld score --ref builtin:fashion-mnist} on a fresh install: no network, no training, the reference from the
 * flow-references jar on the class path. The 500 test images fld4j ships are among the reference's held-out images,
 * so their bits/dim is known from the reference file itself.
 */
class BuiltinFashionMnistCommandTest {

    @TempDir
    static Path dir;
    static Path testImages;
    static FldReference reference;

    @BeforeAll
    static void copyTheShippedTestImages() throws IOException {
        testImages = dir.resolve(FashionMnistSlice.TEST_IMAGES);
        try (InputStream in = FashionMnistSlice.resource(FashionMnistSlice.TEST_IMAGES)) {
            Files.copy(in, testImages);
        }
        reference = BuiltinReference.FASHION_MNIST.load().reference();
    }

    @Test
    void scoresAgainstTheBuiltinReferenceOffline() throws IOException {
        Path cache = dir.resolve("cache");
        FldCli.Run run = FldCli.run("score", "--ref", "builtin:fashion-mnist", testImages.toString(), "--cache-dir",
                cache.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        JsonNode card = result.get("reference").get("card");
        assertThat(card.get("contentHash").asText()).isEqualTo(BuiltinReference.FASHION_MNIST.contentHash());
        assertThat(card.get("description").asText()).contains("Fashion-MNIST");
        assertThat(result.get("bpdReal").asDouble()).isCloseTo(reference.heldOutBitsPerDim(), within(1e-9));
        // the scored images are the reference's first 500 held-out images: their stored log-likelihoods give the bpd
        double meanNats = Arrays.stream(Arrays.copyOf(reference.heldOutLogLikelihoods(), FashionMnistSlice.TEST_COUNT))
                .average().orElseThrow();
        assertThat(result.get("bpdGenerated").asDouble()).isCloseTo(-meanNats / (784 * Math.log(2)), within(1e-6));
        // as text: --flows cannot change a published reference, so the hint names what would
        FldCli.Run text = FldCli.run("score", "--ref", "builtin:fashion-mnist", testImages.toString(), "--cache-dir",
                cache.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("a reference of several flows (fld train --flows 5) would add")
                .doesNotContain("; --flows 5 adds");
        try (var kept = Files.list(cache.resolve("downloads"))) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .contains(BuiltinReference.FASHION_MNIST.contentHash().substring("sha256:".length()) + ".fld");
        }
    }

    @Test
    void showAndVerifyTheBuiltinReference() {
        Path cache = dir.resolve("cache-show");
        FldCli.Run show = FldCli.run("references", "show", "builtin:fashion-mnist", "--cache-dir", cache.toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains(BuiltinReference.FASHION_MNIST.contentHash()).contains("Fashion-MNIST")
                .contains("fld-paper");
        FldCli.Run verify = FldCli.run("references", "verify", "--cache-dir", cache.toString(), "--json");
        assertThat(verify.code()).as(verify.err()).isZero();
        JsonSchemaCheck.assertValid(verify.out());
        JsonNode result = FldCli.json(verify.out()).get("result");
        assertThat(result.get("mismatches").asInt()).isZero();
        assertThat(result.get("entries").findValuesAsText("source"))
                .contains("builtin:fashion-mnist (published hash)");
    }
}
