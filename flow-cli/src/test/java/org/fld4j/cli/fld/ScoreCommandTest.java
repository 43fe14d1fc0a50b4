package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.fld4j.metrics.fld.DualFld;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.DualTrainingBudget;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fld score} end to end on small PNG sets (8x8 gray): 60 real images, 30 generated ones with more noise.
 * One reference is trained with {@code fld train} (small preset, one epoch) and shared; every score is compared
 * with the library's own score of the same files.
 */
class ScoreCommandTest {

    @TempDir
    static Path dir;
    static Path real;
    static Path generated;
    static Path ref;
    static FldScore library;

    @BeforeAll
    static void trainReference() throws IOException {
        real = FldCli.writePngs(dir.resolve("real"), 60, 1, 10, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 30, 2, 40, 8);
        ref = dir.resolve("ref.fld");
        FldCli.Run train = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "-q");
        assertThat(train.code()).as(train.err()).isZero();
        library = Fld.load(ref).score(folder(generated));
    }

    static ImageSource folder(Path path) {
        return ImageSources.folder(path).build();
    }

    @Test
    void jsonHoldsTheLibrarysScoreOfTheSavedReferenceAndNothingElse() throws IOException {
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode doc = FldCli.json(run.out());
        assertThat(doc.get("command").asText()).isEqualTo("score");
        JsonNode result = doc.get("result");
        assertThat(result.get("metric").asText()).isEqualTo("fld");
        assertThat(result.get("fld").asDouble()).isEqualTo(library.value());
        assertThat(result.get("ratio").asDouble()).isEqualTo(library.ratio());
        assertThat(result.get("bpdGenerated").asDouble()).isEqualTo(library.bpdGenerated());
        assertThat(result.get("interval").get("lower").asDouble()).isEqualTo(library.interval().lower());
        assertThat(result.get("interval").get("upper").asDouble()).isEqualTo(library.interval().upper());
        // 60 real images, 20% held out: 12; all 30 generated images scored
        assertThat(result.get("realHeldOut").asInt()).isEqualTo(12);
        assertThat(result.get("generated").asInt()).isEqualTo(30);
        assertThat(result.get("reference").get("origin").asText()).isEqualTo("loaded");
        JsonNode provenance = doc.get("provenance");
        assertThat(provenance.get("preset").asText()).isEqualTo("small");
        assertThat(provenance.get("counts").get("realTraining").asInt()).isEqualTo(48);
        assertThat(provenance.get("fingerprints").get("real").asText())
                .isEqualTo(Fingerprinter.fingerprint(folder(real)).fingerprint().sha256());
        assertThat(provenance.get("fingerprints").get("generated").asText())
                .isEqualTo(Fingerprinter.fingerprint(folder(generated)).fingerprint().sha256());
        assertThat(provenance.get("options").get("reference").asText()).isEqualTo(ref.toString());
        // the progress bar went to stderr
        assertThat(run.err()).contains("scoring");
    }

    @Test
    void theSchemaRejectsAResultWithAnUnknownOrAMissingField() throws IOException {
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json", "-q");
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) FldCli.json(run.out());
        com.fasterxml.jackson.databind.node.ObjectNode result =
                (com.fasterxml.jackson.databind.node.ObjectNode) doc.get("result");
        result.put("extra", 1);
        assertThat(JsonSchemaCheck.errors(doc.toString())).isNotEmpty();
        result.remove("extra");
        JsonSchemaCheck.assertValid(doc.toString());
        result.remove("fld");
        assertThat(JsonSchemaCheck.errors(doc.toString())).isNotEmpty();
    }

    @Test
    void humanOutputIsTheTableAloneWithTheLibrarysValue() {
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("FLD").contains(String.format(java.util.Locale.ROOT, "%.4f", library.value()));
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(
                "(FLD|interval covers|ratio|bpd generated|bpd real|copy check|likelihood ratio|warning|skipped"
                        + "|reference|flow) .*"));
        assertThat(run.out()).doesNotContain("scoring").doesNotContain("images (").doesNotContain("\r");
        assertThat(run.err()).contains("scoring");
    }

    @Test
    void perImageCsvHoldsEveryImagesLibraryScore() throws IOException {
        Path csv = dir.resolve("out").resolve("scores.csv");
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--per-image",
                csv.toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(1 + 30);
        assertThat(rows.get(0)).isEqualTo("index,name,log_likelihood,bits_per_dim");
        for (int i = 0; i < 30; i++) {
            String[] cells = rows.get(i + 1).split(",");
            ImageScore expected = library.perImage().get(i);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i);
            assertThat(cells[1]).isEqualTo(String.format(java.util.Locale.ROOT, "img-%03d.png", i));
            assertThat(Double.parseDouble(cells[2])).isEqualTo(expected.logLikelihood());
            assertThat(Double.parseDouble(cells[3])).isEqualTo(expected.bitsPerDim());
        }
    }

    @Test
    void perImageNeverReplacesAnInputOrAnExistingFileUnlessForced() throws IOException {
        Path image = generated.resolve("img-000.png");
        byte[] before = Files.readAllBytes(image);
        FldCli.Run intoInput = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--per-image",
                image.toString(), "--force");
        assertThat(intoInput.code()).isEqualTo(2);
        assertThat(intoInput.err()).contains("input");
        assertThat(Files.readAllBytes(image)).isEqualTo(before);
        FldCli.Run overRef = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--per-image",
                ref.toString(), "--force");
        assertThat(overRef.code()).isEqualTo(2);

        Path existing = Files.writeString(dir.resolve("existing.csv"), "keep me");
        FldCli.Run refused = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--per-image",
                existing.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        FldCli.Run forced = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--per-image",
                existing.toString(), "--force", "-q");
        assertThat(forced.code()).isZero();
        assertThat(Files.readAllLines(existing)).hasSize(31);
    }

    @Test
    void bootstrapAndConfidenceChangeOnlyTheInterval() throws IOException {
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--bootstrap", "200",
                "--confidence", "0.9", "--json", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        ConfidenceInterval expected = Fld.load(ref).interval(200, 0.9).score(folder(generated)).interval();
        assertThat(result.get("fld").asDouble()).isEqualTo(library.value());
        assertThat(result.get("interval").get("resamples").asInt()).isEqualTo(200);
        assertThat(result.get("interval").get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(result.get("interval").get("lower").asDouble()).isEqualTo(expected.lower());
        assertThat(result.get("interval").get("upper").asDouble()).isEqualTo(expected.upper());
        assertThat(expected).isNotEqualTo(library.interval());
    }

    @Test
    void skipListsTheCorruptFileAndFailNamesIt() throws IOException {
        Path withBad = FldCli.copy(generated, dir.resolve("generated-with-bad"));
        FldCli.writeCorruptPng(withBad.resolve("bad.png"));

        FldCli.Run skip = FldCli.run("score", "--ref", ref.toString(), withBad.toString(), "--on-error", "skip",
                "--json");
        assertThat(skip.code()).as(skip.err()).isZero();
        JsonSchemaCheck.assertValid(skip.out());
        JsonNode doc = FldCli.json(skip.out());
        JsonNode skipped = doc.get("result").get("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("role").asText()).isEqualTo("generated");
        assertThat(skipped.get(0).get("input").asText()).contains("bad.png");
        assertThat(doc.get("provenance").get("counts").get("generatedSkipped").asInt()).isEqualTo(1);
        // the 30 good images are scored exactly as the clean folder is
        assertThat(doc.get("result").get("generated").asInt()).isEqualTo(30);
        assertThat(doc.get("result").get("fld").asDouble()).isEqualTo(library.value());
        assertThat(skip.err()).contains("bad.png");

        FldCli.Run fail = FldCli.run("score", "--ref", ref.toString(), withBad.toString());
        assertThat(fail.code()).isEqualTo(3);
        assertThat(fail.err()).contains("bad.png");
        assertThat(fail.out()).isEmpty();
    }

    @Test
    void aShapeMismatchNamesBothShapes() {
        Path larger = FldCli.writePngs(dir.resolve("generated-12"), 12, 3, 10, 12);
        FldCli.Run withRef = FldCli.run("score", "--ref", ref.toString(), larger.toString());
        assertThat(withRef.code()).isEqualTo(3);
        assertThat(withRef.err()).contains("1x12x12").contains("1x8x8");
        FldCli.Run withReal = FldCli.run("score", real.toString(), larger.toString(), "--no-cache", "--preset", "small");
        assertThat(withReal.code()).isEqualTo(3);
        assertThat(withReal.err()).contains("1x12x12").contains("1x8x8").doesNotContain("reference flow epoch");
        assertThat(withReal.out()).isEmpty();
    }

    @Test
    void anOddImageThatSortsFirstIsTheOneNamedOrSkippedNotTheSet() throws IOException {
        Path withOdd = FldCli.copy(generated, dir.resolve("generated-odd-first"));
        // "a-odd.png" sorts before every "img-NNN.png": 12x12 where the reference and the other 30 are 8x8
        Path oddFolder = FldCli.writePngs(dir.resolve("odd-source"), 1, 9, 10, 12);
        Files.copy(oddFolder.resolve("img-000.png"), withOdd.resolve("a-odd.png"));

        FldCli.Run fail = FldCli.run("score", "--ref", ref.toString(), withOdd.toString());
        assertThat(fail.code()).isEqualTo(3);
        assertThat(fail.err()).contains("a-odd.png").contains("12x12").doesNotContain("img-000.png");

        FldCli.Run skip = FldCli.run("score", "--ref", ref.toString(), withOdd.toString(), "--on-error", "skip",
                "--json");
        assertThat(skip.code()).as(skip.err()).isZero();
        JsonNode doc = FldCli.json(skip.out());
        assertThat(doc.get("result").get("skipped")).hasSize(1);
        assertThat(doc.get("result").get("skipped").get(0).get("input").asText()).contains("a-odd.png");
        // the 30 images that fit are scored exactly as the clean folder is
        assertThat(doc.get("result").get("fld").asDouble()).isEqualTo(library.value());
    }

    @Test
    void resizeMakesLargerGeneratedImagesFitTheReference() throws IOException {
        Path larger = FldCli.writePngs(dir.resolve("generated-12-resized"), 12, 5, 10, 12);
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), larger.toString(), "--resize", "8x8",
                "--filter", "bicubic", "--json", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode doc = FldCli.json(run.out());
        double expected = Fld.load(ref).score(ImageSources.preprocessed(folder(larger),
                Preprocessing.resizeTo(8, 8, ResizeFilter.BICUBIC))).value();
        assertThat(doc.get("result").get("fld").asDouble()).isEqualTo(expected);
        JsonNode preprocessing = doc.get("provenance").get("options").get("preprocessing");
        assertThat(preprocessing.get("size").asText()).isEqualTo("resize");
        assertThat(preprocessing.get("filter").asText()).isEqualTo("bicubic");
        assertThat(doc.get("provenance").get("options").get("resize").asText())
                .isEqualTo("bicubic: Pillow BICUBIC, Pillow 9.4.0 (Image.resize, 8-bit)");
    }

    @Test
    void tooFewImagesExitWithFour() throws IOException {
        Path allBad = Files.createDirectories(dir.resolve("all-bad"));
        FldCli.writeCorruptPng(allBad.resolve("bad.png"));
        FldCli.Run none = FldCli.run("score", "--ref", ref.toString(), allBad.toString(), "--on-error", "skip");
        assertThat(none.code()).isEqualTo(4);
        assertThat(none.err()).contains(allBad.toString());

        Path five = FldCli.writePngs(dir.resolve("real-5"), 5, 4, 10, 8);
        FldCli.Run fewReal = FldCli.run("score", five.toString(), generated.toString(), "--preset", "small",
                "--epochs", "1", "--no-cache");
        assertThat(fewReal.code()).isEqualTo(4);
        assertThat(fewReal.err()).contains("5 usable images");
    }

    @Test
    void commandLineMistakesExitWithTwo() {
        String[][] lines = {
            {"score", "--ref", ref.toString(), real.toString(), generated.toString()},
            {"score", generated.toString()},
            {"score", "--ref", ref.toString(), generated.toString(), "--dual"},
            {"score", "--ref", ref.toString(), generated.toString(), "--epochs", "3"},
            {"score", "--ref", ref.toString(), generated.toString(), "--no-cache"},
            {"score", "--ref", ref.toString(), generated.toString(), "--bootstrap", "10"},
            {"score", "--ref", ref.toString(), generated.toString(), "--generated-preset", "small"},
            {"score", real.toString(), generated.toString(), "--dual-early-stopping"},
            {"score", real.toString(), generated.toString(), "--epochs", "0"},
            {"score", real.toString(), generated.toString(), "--held-out", "1.5"},
            {"score", real.toString(), generated.toString(), "--preset", "large"},
        };
        for (String[] line : lines) {
            FldCli.Run run = FldCli.run(line);
            assertThat(run.code()).as(String.join(" ", line) + ": " + run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("fld: ").doesNotContain("reading");
        }
        assertThat(FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--dual").err())
                .contains("needs the real images");
    }

    @Test
    void resamplesBeyondTheDocumentedMaximumAreRefusedBeforeAnyWork() {
        for (String count : new String[] {"2000000000", "100001", "99"}) {
            FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--bootstrap", count);
            assertThat(run.code()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--bootstrap " + count).contains("100 to 100,000")
                    .doesNotContain("reference:");
        }
        FldCli.Run most = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--bootstrap", "100000",
                "--json", "-q");
        assertThat(most.code()).as(most.err()).isZero();
        assertThat(FldCli.json(most.out()).get("result").get("interval").get("resamples").asInt()).isEqualTo(100_000);
    }

    @Test
    void twoReferenceFlowsGiveTheLibrarysEnsembleAndSayWhatTheIntervalCovers() throws IOException {
        FldCli.Run run = FldCli.run("score", real.toString(), generated.toString(), "--flows", "2", "--preset",
                "small", "--epochs", "1", "--batch", "16", "--no-cache", "--json", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        FldScore expected = Fld.of(folder(real)).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(16)
                .referenceFlows(2).score(folder(generated));
        assertThat(result.get("fld").asDouble()).isEqualTo(expected.value());
        assertThat(result.get("interval").get("lower").asDouble()).isEqualTo(expected.interval().lower());
        assertThat(result.get("intervalCovers").asText()).isEqualTo("images-and-training");
        assertThat(result.get("referenceFlows").asInt()).isEqualTo(2);
        assertThat(result.get("flowValues")).hasSize(2);
        assertThat(result.get("flowValues").get(1).asDouble()).isEqualTo(expected.flowValues().get(1));
        assertThat(result.get("betweenFlowSd").asDouble()).isEqualTo(expected.betweenFlowSd());
        assertThat(result.get("reference").get("options").get("referenceFlows").asInt()).isEqualTo(2);

        FldCli.Run one = FldCli.run("score", "--ref", ref.toString(), generated.toString());
        assertThat(one.out()).contains("interval covers").contains("images only (one reference flow)")
                .contains("--flows 5");
        assertThat(FldCli.json(FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json", "-q")
                .out()).get("result").get("intervalCovers").asText()).isEqualTo("images");
    }

    /**
     * A generated set that is the real set copied: the reference's training images among it are flagged, the set is
     * called memorized, the per-image CSV says which images are copies, and with --ref alone the check says why it
     * did not run.
     */
    @Test
    void copiesOfTheRealImagesAreCaughtByTheCopyCheck() throws IOException {
        Path many = FldCli.writePngs(dir.resolve("many-real"), 120, 5, 10, 8);
        Path copies = FldCli.copy(many, dir.resolve("copies"));
        Path csv = dir.resolve("copies.csv");
        FldCli.Run run = FldCli.run("score", many.toString(), copies.toString(), "--preset", "small", "--epochs", "1",
                "--batch", "16", "--no-cache", "--json", "-q", "--per-image", csv.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode m = FldCli.json(run.out()).get("result").get("memorization");
        assertThat(m.get("memorized").asBoolean()).as(m.toString()).isTrue();
        // 96 of the 120 images are the reference's training images, at distance 0
        assertThat(m.get("flagged").asInt()).isBetween(96, 120);
        assertThat(m.get("checked").asInt()).isEqualTo(120);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",nearest_training_distance,nearest_training,near_copy,held_out_percentile");
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",true,")).count()).isBetween(96L, 120L);

        FldCli.Run human = FldCli.run("score", many.toString(), copies.toString(), "--preset", "small", "--epochs",
                "1", "--batch", "16", "--no-cache", "-q");
        assertThat(human.out()).contains("copy check").contains("the set copies training images");
        FldCli.Run refOnly = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "-q");
        assertThat(refOnly.out()).contains("not run (it needs the real images, not only --ref)");
        FldCli.Run skipped = FldCli.run("score", many.toString(), copies.toString(), "--preset", "small", "--epochs",
                "1", "--batch", "16", "--no-cache", "--no-memorization", "--json", "-q");
        assertThat(FldCli.json(skipped.out()).get("result").get("memorization").isNull()).isTrue();
    }

    @Test
    void dualReportsTheLibrarysDfldWithTheCachedReference() throws IOException {
        Path cache = dir.resolve("dual-cache");
        FldCli.Run run = FldCli.run("score", real.toString(), generated.toString(), "--dual", "--preset", "small",
                "--epochs", "1", "--batch", "16", "--cache-dir", cache.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        assertThat(result.get("metric").asText()).isEqualTo("dual-fld");

        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(16);
        DualFldScore expected = DualFld.of(folder(real)).options(options).score(folder(generated));
        assertThat(result.get("dfld").asDouble()).isEqualTo(expected.value());
        assertThat(result.get("j").asDouble()).isEqualTo(expected.divergence());
        assertThat(result.get("generatedHeldOut").asInt()).isEqualTo(expected.generatedCount());
        // 30 generated images: 6 held out, 24 trained on, fewer than the small preset's 500: warned
        assertThat(result.get("generatedTraining").asInt()).isEqualTo(24);
        // size-matched: the real flow trained on 24 of a 30-image subset of the 60 real images, not on 48
        assertThat(result.get("realTraining").asInt()).isEqualTo(24);
        assertThat(result.get("sizeMatched").asBoolean()).isTrue();
        assertThat(result.get("trainingBudget").asText()).isEqualTo("fixed");
        assertThat(result.get("realHeldOut").asInt()).isEqualTo(6);
        assertThat(result.get("warnings")).isNotEmpty();
        assertThat(result.get("pairs").asInt()).isEqualTo(1);
        assertThat(result.get("intervalCovers").asText()).isEqualTo("images");
        assertThat(result.get("pairDifferences")).hasSize(1);
        assertThat(result.get("pairDifferences").get(0).asDouble()).isEqualTo(expected.difference());
        try (var files = Files.list(cache)) {
            assertThat(files.toList()).hasSize(1);
        }

        // trained as references are: the library's score with early stopping
        FldCli.Run early = FldCli.run("score", real.toString(), generated.toString(), "--dual", "--preset", "small",
                "--epochs", "1", "--batch", "16", "--cache-dir", cache.toString(), "--dual-early-stopping", "--json");
        assertThat(early.code()).as(early.err()).isZero();
        JsonSchemaCheck.assertValid(early.out());
        JsonNode earlyResult = FldCli.json(early.out()).get("result");
        DualFldScore expectedEarly = DualFld.of(folder(real)).options(options)
                .trainingBudget(DualTrainingBudget.EARLY_STOPPING).score(folder(generated));
        assertThat(earlyResult.get("trainingBudget").asText()).isEqualTo("early-stopping");
        assertThat(earlyResult.get("dfld").asDouble()).isEqualTo(expectedEarly.value());
        assertThat(earlyResult.get("j").asDouble()).isEqualTo(expectedEarly.divergence());
    }

    @Test
    void dualWithSeveralFlowsScoresThatManyPairs() {
        FldCli.Run run = FldCli.run("score", real.toString(), generated.toString(), "--dual", "--preset", "small",
                "--epochs", "1", "--batch", "16", "--no-cache", "--flows", "2", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(16)
                .withReferenceFlows(2);
        DualFldScore expected = DualFld.of(folder(real)).options(options).score(folder(generated));
        assertThat(expected.pairs()).isEqualTo(2);
        assertThat(result.get("pairs").asInt()).isEqualTo(2);
        assertThat(result.get("intervalCovers").asText()).isEqualTo("images-and-training");
        assertThat(result.get("pairDifferences").get(1).asDouble()).isEqualTo(expected.pairDifferences().get(1));
        assertThat(result.get("pairJ").get(1).asDouble()).isEqualTo(expected.pairDivergences().get(1));
        assertThat(result.get("difference").asDouble()).isEqualTo(expected.difference());
        assertThat(result.get("jInterval").get("upper").asDouble()).isEqualTo(expected.divergenceInterval().upper());

        FldCli.Run human = FldCli.run("score", real.toString(), generated.toString(), "--dual", "--preset", "small",
                "--epochs", "1", "--batch", "16", "--no-cache", "--flows", "2");
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).contains("images and the training of both flows (2 pairs, difference between pairs sd")
                .contains(String.format(java.util.Locale.ROOT, "[%.4f, %.4f] (95%%)  (bits per dimension)",
                        expected.divergenceInterval().lower(), expected.divergenceInterval().upper()));
    }

    @Test
    void warningsOfSmallSetsAreInTheJsonAndOnStderr() {
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode warnings = FldCli.json(run.out()).get("result").get("warnings");
        // 30 generated and 12 held-out real images: both below 50
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).get("code").asText()).isEqualTo("SMALL_GENERATED_SET");
        assertThat(warnings.get(0).get("message").asText()).contains("only 30 generated images");
        assertThat(warnings.get(1).get("code").asText()).isEqualTo("SMALL_HELD_OUT_SET");
        assertThat(run.err()).contains("warning: only 30 generated images").contains("[SMALL_GENERATED_SET]")
                .contains("[SMALL_HELD_OUT_SET]");
        assertThat(FldCli.run("score", "--ref", ref.toString(), generated.toString(), "-q").err()).isEmpty();
    }

    @Test
    void oneGeneratedImageGetsNoIntervalButExitFour() throws IOException {
        Path one = dir.resolve("one-image");
        Files.createDirectories(one);
        Files.copy(generated.resolve("img-000.png"), one.resolve("img-000.png"));
        FldCli.Run run = FldCli.run("score", "--ref", ref.toString(), one.toString(), "--json");
        assertThat(run.code()).as(run.err()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("1 usable generated image").contains("at least 2");
    }

    @Test
    void swappedArgumentsAreWarnedAboutNotRefused() throws IOException {
        Path cache = dir.resolve("swap-cache");
        Path samples = FldCli.copy(generated, dir.resolve("samples"));
        Path realCopy = FldCli.copy(real, dir.resolve("real-images"));
        FldCli.Run run = FldCli.run("score", samples.toString(), realCopy.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "--cache-dir", cache.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode warnings = FldCli.json(run.out()).get("result").get("warnings");
        assertThat(warnings.get(0).get("code").asText()).isEqualTo("LIKELY_SWAPPED_ARGUMENTS");
        assertThat(warnings.get(0).get("message").asText()).contains(samples.toString()).contains("REAL first");
        // said before the reference is trained
        assertThat(run.err().indexOf("LIKELY_SWAPPED_ARGUMENTS")).isLessThan(run.err().indexOf("reference:"));
    }

    @Test
    void aReferenceWithNanWeightsIsBadInputNamingTheFile() throws IOException {
        Path broken = BrokenReferences.withNanWeights(ref, dir.resolve("nan-weights.fld"));
        FldCli.Run run = FldCli.run("score", "--ref", broken.toString(), generated.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(broken.toString()).doesNotContain("internal error");
    }
}
