package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference card: written into the file only when there is one (files without one keep their bytes), read back
 * field for field, absent from files written before cards, checked like every other field; and the file's content
 * hash, stable from one save to the next.
 */
class ReferenceCardTest {

    @TempDir
    Path dir;

    private static final ReferenceCard CARD = new ReferenceCard(new RealSetDescription(
            "Fashion-MNIST train, first 40 images \u00e9", Preprocessing.resizeTo(4, 4, ResizeFilter.LANCZOS3)
            .withChannels(ChannelMode.GRAY)), "adamw", 1e-3, "1.0.0-M2.1", "17.0.9 (Vendor)");

    /** The golden two-flow reference with {@link #CARD}. */
    private static FldReference withCard(ReferenceCard card) {
        FldReference r = GoldenReferenceFileTest.reference();
        return new FldReference(r.members(), r.options(), r.realFingerprint(), r.realImages(), "0.9.0", card);
    }

    @Test
    void aCardIsReadBackFieldForField() throws IOException {
        Path file = dir.resolve("card.fld");
        ReferenceFiles.save(withCard(CARD), file);
        FldReference loaded = ReferenceFiles.load(file);
        assertThat(loaded.card()).contains(CARD);
        assertThat(loaded.writtenBy()).isEqualTo(org.fld4j.core.Fld4jVersion.current());
        // the card is an optional field of the same format version, not a new version
        Map<String, byte[]> entries = GoldenReferenceFileTest.entries(Files.readAllBytes(file));
        String json = new String(entries.get("reference.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"version\": 2").contains("\"filter\": \"lanczos3\"").contains("\"channels\": \"gray\"");
    }

    @Test
    void aCardRecordsThePillowResizeItsImagesWentThroughAndOldCardsSayTheyDoNot() throws IOException {
        assertThat(CARD.resampler()).isEqualTo(ResizeFilter.PILLOW_MATCH).startsWith("Pillow 9.4.0");
        Path file = dir.resolve("pillow.fld");
        ReferenceFiles.save(withCard(CARD), file);
        Map<String, byte[]> entries = GoldenReferenceFileTest.entries(Files.readAllBytes(file));
        String json = new String(entries.get("reference.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"resampler\": \"Pillow 9.4.0 (Image.resize, 8-bit)\"");
        // a card written before the field existed: the same file without it reads as "not recorded"
        Path old = dir.resolve("old.fld");
        entries.put("reference.json", json.replace(",\n    \"resampler\": \"Pillow 9.4.0 (Image.resize, 8-bit)\"", "")
                .getBytes(StandardCharsets.UTF_8));
        writeZip(old, entries);
        ReferenceCard loaded = ReferenceFiles.load(old).card().orElseThrow();
        assertThat(loaded.resamplerRecorded()).isFalse();
        assertThat(loaded.resampler()).isEmpty();
        assertThat(loaded.realSet()).isEqualTo(CARD.realSet());
    }

    private static void writeZip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    @Test
    void aCardWithoutDeclaredPreprocessingOrTextSaysSo() throws IOException {
        ReferenceCard bare = new ReferenceCard(RealSetDescription.none(), "adam", 2e-4, "unknown", "17");
        Path file = dir.resolve("bare.fld");
        ReferenceFiles.save(withCard(bare), file);
        ReferenceCard loaded = ReferenceFiles.load(file).card().orElseThrow();
        assertThat(loaded.realSet().text()).isEmpty();
        assertThat(loaded.realSet().preprocessing()).isNull();
        assertThat(loaded).isEqualTo(bare);
    }

    @Test
    void filesWrittenBeforeCardsLoadWithoutOne() throws IOException {
        // version 2 (two flows), written before cards existed
        assertThat(ReferenceFiles.load(Path.of("src/test/resources/golden/reference.fld")).card()).isEmpty();
        // version 1 (one flow), as Fld.using writes it: a flow trained elsewhere has no card either
        Path v1 = dir.resolve("v1.fld");
        Fld.using(GoldenReferenceFileTest.reference().flow(), tinyHeldOut()).save(v1);
        FldReference loaded = ReferenceFiles.load(v1);
        assertThat(loaded.referenceFlows()).isEqualTo(1);
        assertThat(loaded.card()).isEmpty();
    }

    @Test
    void aFlowTrainedElsewhereIsPublishedWithTheCardItsTrainerDeclares() throws IOException {
        FldReference golden = GoldenReferenceFileTest.reference();
        FldOptions options = golden.options().withReferenceFlows(1).withMaxEpochs(10);
        Path file = dir.resolve("published.fld");
        Fld.using(golden.flow(), FldInputs.of(tinyHeldOut()), options, CARD).save(file);
        FldReference loaded = ReferenceFiles.load(file);
        assertThat(loaded.card()).contains(CARD);
        assertThat(loaded.options().maxEpochs()).isEqualTo(10);
        // the held-out statistics are the flow's own log-likelihoods of the held-out images
        assertThat(loaded.heldOutLogLikelihoods()).containsExactly(
                golden.flow().logProb(tinyHeldOut(), options.evaluation()));
    }

    /** Three 4x4 gray images of fixed values. */
    private static org.nd4j.linalg.api.ndarray.INDArray tinyHeldOut() {
        float[] values = new float[3 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37) % 256;
        }
        return org.nd4j.linalg.factory.Nd4j.createFromArray(values).reshape(3, 1, 4, 4);
    }

    @Test
    void theSameReferenceSavesToTheSameBytesAndHash() throws IOException, InterruptedException {
        Path a = dir.resolve("a.fld");
        Path b = dir.resolve("b.fld");
        ReferenceFiles.save(withCard(CARD), a);
        Thread.sleep(2100); // past a DOS time step: the entries' fixed time stamp, not the clock, is written
        ReferenceFiles.save(withCard(CARD), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(ReferenceFileHash.of(a)).isEqualTo(ReferenceFileHash.of(b)).startsWith("sha256:").hasSize(71);
    }

    @Test
    void theHashIsTheSha256OfTheFileBytes() throws IOException {
        // FIPS 180-2's test vector: SHA-256("abc")
        Path abc = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertThat(ReferenceFileHash.of(abc))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ReferenceFileHash.hexOf("SHA256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> ReferenceFileHash.hexOf("sha256:abc")).hasMessageContaining("'sha256:abc'");
    }

    @Test
    void aBadCardIsRefusedNamingTheField() throws IOException {
        Path good = dir.resolve("good.fld");
        ReferenceFiles.save(withCard(CARD), good);
        Map<String, byte[]> entries = GoldenReferenceFileTest.entries(Files.readAllBytes(good));
        String json = new String(entries.get("reference.json"), StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.fld");
        entries.put("reference.json", json.replace("\"lanczos3\"", "\"sinc\"").getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(bad); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> ReferenceFiles.load(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.fld").hasMessageContaining("card.preprocessing.filter")
                .hasMessageContaining("\"sinc\"");
        assertThatThrownBy(() -> new RealSetDescription("two\nlines", null)).hasMessageContaining("U+000A");
    }

    @Test
    void trainingRecordsTheRecipeTheDescriptionAndTheRuntime() {
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(16).withSeed(2);
        Preprocessing none = Preprocessing.none();
        FldReference r = Fld.of(ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 30)))
                .options(options).description("thirty shirts").preprocessing(none).reference();
        ReferenceCard card = r.card().orElseThrow();
        TrainerOptions recipe = TrainerOptions.recipe(ImagePreset.SMALL);
        assertThat(card.realSet()).isEqualTo(new RealSetDescription("thirty shirts", none));
        assertThat(card.optimizer()).isEqualTo(recipe.optimizer().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(card.learningRate()).isEqualTo(recipe.learningRate());
        // the ND4J API this build depends on (the root pom's nd4j.version)
        assertThat(card.nd4jVersion()).isEqualTo("1.0.0-M2.1");
        assertThat(card.javaVersion()).startsWith(System.getProperty("java.version"));
    }
}
