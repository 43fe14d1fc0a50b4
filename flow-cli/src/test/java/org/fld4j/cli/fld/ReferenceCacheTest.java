package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.metrics.fld.Fld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fld score REAL GEN}: the reference is trained once per real set and options, cached in {@code --cache-dir}
 * (always a temporary folder here) and reused; a changed real set, a damaged or foreign cache file and
 * {@code --no-cache} are handled as documented.
 */
class ReferenceCacheTest {

    @TempDir
    static Path dir;
    static Path real;
    static Path generated;

    @BeforeAll
    static void images() {
        real = FldCli.writePngs(dir.resolve("real"), 40, 11, 10, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 20, 12, 30, 8);
    }

    private static FldCli.Run score(Path realImages, Path cache, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("score", realImages.toString(), generated.toString(),
                "--preset", "small", "--epochs", "1", "--batch", "16", "--json"));
        if (cache != null) {
            args.add("--cache-dir");
            args.add(cache.toString());
        }
        args.addAll(List.of(more));
        FldCli.Run run = FldCli.run(args.toArray(new String[0]));
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        return run;
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aSecondScoreReusesTheCachedReference() throws IOException {
        Path cache = dir.resolve("cache-reuse");
        FldCli.Run first = score(real, cache);
        assertThat(first.err()).contains("reference: trained in").contains("cached as").contains("reference flow epoch");
        List<Path> cached = files(cache);
        assertThat(cached).hasSize(1);
        byte[] bytes = Files.readAllBytes(cached.get(0));
        FileTime modified = Files.getLastModifiedTime(cached.get(0));

        FldCli.Run second = score(real, cache);
        assertThat(second.err()).contains("reference: from the cache, " + cached.get(0))
                .doesNotContain("reference flow epoch");
        assertThat(files(cache)).isEqualTo(cached);
        assertThat(Files.readAllBytes(cached.get(0))).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(cached.get(0))).isEqualTo(modified);

        JsonNode a = FldCli.json(first.out()).get("result");
        JsonNode b = FldCli.json(second.out()).get("result");
        assertThat(a.get("reference").get("origin").asText()).isEqualTo("trained");
        assertThat(b.get("reference").get("origin").asText()).isEqualTo("cached");
        assertThat(b.get("reference").get("trainingRun").isNull()).isTrue();
        assertThat(b.get("fld").asDouble()).isEqualTo(a.get("fld").asDouble());
        // and it is the library's FLD of the cached reference
        double expected = Fld.load(cached.get(0)).score(ImageSources.folder(generated).build()).value();
        assertThat(b.get("fld").asDouble()).isEqualTo(expected);
    }

    @Test
    void oneChangedRealImageTrainsANewReference() throws IOException {
        Path cache = dir.resolve("cache-changed");
        score(real, cache);
        Path changed = FldCli.copy(real, dir.resolve("real-changed"));
        BufferedImage image = ImageIO.read(changed.resolve("img-007.png").toFile());
        image.getRaster().setSample(3, 3, 0, (image.getRaster().getSample(3, 3, 0) + 128) % 256);
        ImageIO.write(image, "png", changed.resolve("img-007.png").toFile());

        FldCli.Run again = score(changed, cache);
        assertThat(again.err()).contains("reference: trained in").doesNotContain("from the cache");
        assertThat(files(cache)).hasSize(2);
        JsonNode provenance = FldCli.json(again.out()).get("provenance");
        assertThat(provenance.get("fingerprints").get("real").asText())
                .isEqualTo(Fingerprinter.fingerprint(ImageSources.folder(changed).build()).fingerprint().sha256());
    }

    @Test
    void otherTrainingOptionsOrPreprocessingTrainANewReference() throws IOException {
        Path cache = dir.resolve("cache-options");
        score(real, cache);
        FldCli.Run otherSeed = score(real, cache, "--seed", "5");
        assertThat(otherSeed.err()).contains("reference: trained in");
        FldCli.Run cropped = score(real, cache, "--crop", "4x4");
        assertThat(cropped.err()).contains("reference: trained in");
        assertThat(FldCli.json(cropped.out()).get("result").get("reference").get("imageShape").toString())
                .isEqualTo("[1,4,4]");
        assertThat(files(cache)).hasSize(3);
        // the bootstrap is not part of the key: it changes the interval, not the flow
        FldCli.Run otherInterval = score(real, cache, "--bootstrap", "300");
        assertThat(otherInterval.err()).contains("reference: from the cache");
        assertThat(FldCli.json(otherInterval.out()).get("result").get("interval").get("resamples").asInt())
                .isEqualTo(300);
        assertThat(files(cache)).hasSize(3);
    }

    @Test
    void noCacheWritesNothing() throws IOException {
        Path cache = dir.resolve("cache-none");
        FldCli.Run run = score(real, cache, "--no-cache");
        assertThat(run.err()).contains("not cached");
        assertThat(files(cache)).isEmpty();
        JsonNode reference = FldCli.json(run.out()).get("result").get("reference");
        assertThat(reference.get("file").isNull()).isTrue();
        assertThat(reference.get("trainingRun").get("epochs").asInt()).isEqualTo(1);
    }

    @Test
    void aDamagedOrForeignCacheFileIsReplaced() throws IOException {
        Path cache = dir.resolve("cache-damaged");
        score(real, cache);
        Path file = files(cache).get(0);
        Files.writeString(file, "not a reference");
        FldCli.Run damaged = score(real, cache);
        assertThat(damaged.err()).contains("cannot be read").contains("reference: trained in");
        assertThat(Fld.load(file).reference().realFingerprint())
                .isEqualTo(Fingerprinter.fingerprint(ImageSources.folder(real).build()).fingerprint().sha256());

        // a reference of other images under this key: found out by its fingerprint, retrained and replaced
        Path otherReal = FldCli.writePngs(dir.resolve("real-other"), 40, 13, 10, 8);
        Path otherCache = dir.resolve("cache-other");
        score(otherReal, otherCache);
        Files.copy(files(otherCache).get(0), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FldCli.Run foreign = score(real, cache);
        assertThat(foreign.err()).contains("was trained on other images").contains("reference: trained in");
        assertThat(Fld.load(file).reference().realFingerprint())
                .isEqualTo(Fingerprinter.fingerprint(ImageSources.folder(real).build()).fingerprint().sha256());
    }

    @Test
    void aTruncatedOrNanCacheEntryIsRemovedAndRetrainedAndBreaksNoLaterRun() throws IOException {
        Path cache = dir.resolve("cache-broken");
        score(real, cache);
        Path file = files(cache).get(0);
        byte[] good = Files.readAllBytes(file);

        BrokenReferences.truncate(file);
        FldCli.Run truncated = score(real, cache);
        assertThat(truncated.err()).contains("cached reference " + file).contains("cannot be read")
                .contains("removed it").contains("reference: trained in");
        FldCli.Run after = score(real, cache);
        assertThat(after.err()).contains("reference: from the cache");

        Path nan = BrokenReferences.withNanWeights(file, dir.resolve("nan-copy.fld"));
        Files.copy(nan, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FldCli.Run nanRun = score(real, cache);
        assertThat(nanRun.err()).contains("cached reference " + file).contains("removed it")
                .contains("reference: trained in");
        JsonNode result = FldCli.json(nanRun.out()).get("result");
        assertThat(result.get("fld").isNumber()).isTrue();
        assertThat(score(real, cache).err()).contains("reference: from the cache");
        // the retrained entry is whole: the same seeded flow as the first (its training account differs only in the
        // time it took, so the bytes may differ in length)
        Path goodCopy = Files.write(dir.resolve("good-copy.fld"), good);
        assertThat(Fld.load(file).reference().flow().parameters().toDoubleVector())
                .containsExactly(Fld.load(goodCopy).reference().flow().parameters().toDoubleVector());
    }

    @Test
    void tempFilesOfKilledRunsAreCleanedOnStartAndTheWriterLeavesNone() throws IOException {
        Path cache = dir.resolve("cache-temps");
        Files.createDirectories(cache);
        long dead = deadPid();
        Path deadHidden = Files.writeString(cache.resolve(".abc.fld." + dead + ".5f3a.tmp"), "half");
        Path liveHidden = Files.writeString(cache.resolve(".abc.fld." + ProcessHandle.current().parent()
                .orElseThrow().pid() + ".77.tmp"), "a save in progress in another process");
        Path oldFlow = Files.writeString(cache.resolve(".fld-flow-99.tmp"), "old");
        Files.setLastModifiedTime(oldFlow, FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        Path freshFlow = Files.writeString(cache.resolve(".fld-flow-100.tmp"), "maybe a save in progress");
        Path unrelated = Files.writeString(cache.resolve("notes.txt"), "kept");
        score(real, cache);
        assertThat(deadHidden).doesNotExist();
        assertThat(liveHidden).exists();
        assertThat(oldFlow).doesNotExist();
        assertThat(freshFlow).exists();
        assertThat(unrelated).exists();
        // what the run wrote: the reference, and no temporary of its own
        assertThat(files(cache).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".fld")).count()).isEqualTo(1);
        assertThat(files(cache)).hasSize(4);
    }

    /** A process id that is not running: that of a process that has ended. */
    static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.pid();
    }
}
