package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.published.LocalHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published references through the command line: {@code fld score --ref} with a pinned URL served on 127.0.0.1 and
 * with {@code builtin:NAME} from a class path made by the test, and {@code fld references list, show, verify,
 * remove} on the cache they fill. One tiny reference (small preset, one epoch, 30 gray 8x8 images) is trained once.
 */
class PublishedReferencesCommandTest {

    @TempDir
    static Path dir;
    static Path real;
    static Path generated;
    static Path ref;
    static byte[] refBytes;
    static String hash;
    static LocalHttpServer server;

    @BeforeAll
    static void publish() throws Exception {
        real = FldCli.writePngs(dir.resolve("real"), 30, 3, 10, 8);
        generated = FldCli.writePngs(dir.resolve("gen"), 12, 4, 30, 8);
        ref = dir.resolve("published").resolve("tiny.fld");
        FldCli.Run trained = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "--description", "tiny waves", "-q");
        assertThat(trained.code()).as(trained.err()).isZero();
        refBytes = Files.readAllBytes(ref);
        hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(refBytes));
        server = LocalHttpServer.start().serve("/refs/tiny.fld", refBytes);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String pin) {
        return server.url("/refs/tiny.fld") + "#sha256=" + pin;
    }

    private static long files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    /** Runs {@code body} with a class path that holds built-in reference {@code tiny} (the trained one). */
    private static <T> T withBuiltin(Callable<T> body) throws Exception {
        Path classes = dir.resolve("builtin-classes");
        Path folder = classes.resolve("org/fld4j/references");
        Files.createDirectories(folder);
        Files.write(folder.resolve("tiny.fld"), refBytes);
        Files.writeString(folder.resolve("references.list"), "# built-in references of this test\ntiny\n",
                StandardCharsets.UTF_8);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            return body.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aPinnedUrlIsDownloadedOnceVerifiedAndScored() throws IOException {
        Path cache = dir.resolve("cache-url");
        FldCli.Run first = FldCli.run("score", "--ref", url(hash), generated.toString(), "--cache-dir",
                cache.toString(), "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonSchemaCheck.assertValid(first.out());
        JsonNode reference = FldCli.json(first.out()).get("result").get("reference");
        Path kept = cache.resolve("downloads").resolve(hash + ".fld");
        assertThat(reference.get("file").asText()).isEqualTo(kept.toString());
        assertThat(reference.get("card").get("contentHash").asText()).isEqualTo("sha256:" + hash);
        assertThat(reference.get("card").get("description").asText()).isEqualTo("tiny waves");
        assertThat(Files.readAllBytes(kept)).isEqualTo(refBytes);
        assertThat(first.err()).contains("downloaded (" + refBytes.length + " bytes, sha256 verified)");
        int requests = server.requests("/refs/tiny.fld");

        FldCli.Run second = FldCli.run("score", "--ref", url(hash), generated.toString(), "--cache-dir",
                cache.toString(), "--json");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(server.requests("/refs/tiny.fld")).isEqualTo(requests);
        assertThat(second.err()).contains("from the cache");
        assertThat(FldCli.json(second.out()).get("result").get("fld").asDouble())
                .isEqualTo(FldCli.json(first.out()).get("result").get("fld").asDouble());
    }

    @Test
    void unpinnedHttpsPlainHttpAndAWrongPinAreRefused() throws IOException {
        Path cache = dir.resolve("cache-refused");
        FldCli.Run unpinned = FldCli.run("score", "--ref", "https://example.org/tiny.fld", generated.toString(),
                "--cache-dir", cache.toString());
        assertThat(unpinned.code()).isEqualTo(2);
        assertThat(unpinned.err()).contains("has no pin").contains("#sha256=");
        FldCli.Run http = FldCli.run("score", "--ref", "http://example.org/tiny.fld#sha256=" + hash,
                generated.toString());
        assertThat(http.code()).isEqualTo(2);
        assertThat(http.err()).contains("plain http is refused");

        String wrong = "0".repeat(64);
        FldCli.Run mismatch = FldCli.run("score", "--ref", url(wrong), generated.toString(), "--cache-dir",
                cache.toString());
        assertThat(mismatch.code()).isEqualTo(3);
        assertThat(mismatch.err()).contains("its SHA-256 is " + hash).contains("the pin expects " + wrong);
        assertThat(files(cache.resolve("downloads"))).isZero();
    }

    @Test
    void builtinReferencesResolveFromTheClassPathAndUnknownNamesListTheKnownOnes() throws Exception {
        FldCli.Run none = FldCli.run("score", "--ref", "builtin:cifar10", generated.toString(), "--cache-dir",
                dir.resolve("cache-none").toString());
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("builtin:cifar10 is not a built-in reference")
                .contains("the built-in references are: fashion-mnist");

        Path cache = dir.resolve("cache-builtin");
        FldCli.Run unknown = withBuiltin(() -> FldCli.run("score", "--ref", "builtin:cifar10", generated.toString(),
                "--cache-dir", cache.toString()));
        assertThat(unknown.code()).isEqualTo(3);
        assertThat(unknown.err()).contains("the built-in references are: fashion-mnist, tiny");

        FldCli.Run scored = withBuiltin(() -> FldCli.run("score", "--ref", "builtin:tiny", generated.toString(),
                "--cache-dir", cache.toString(), "--json"));
        assertThat(scored.code()).as(scored.err()).isZero();
        assertThat(FldCli.json(scored.out()).get("result").get("reference").get("card").get("contentHash").asText())
                .isEqualTo("sha256:" + hash);
        FldCli.Run listed = withBuiltin(() -> FldCli.run("references", "list", "--cache-dir", cache.toString()));
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("builtin").contains("builtin:tiny").contains(hash.substring(0, 12))
                .contains("\"tiny waves\"").doesNotContain("downloaded");
        // flow-references is on fld's class path: its reference is listed even in an empty cache
        FldCli.Run listedWithout = FldCli.run("references", "list", "--cache-dir", dir.resolve("cache-none").toString(),
                "--json");
        assertThat(listedWithout.code()).as(listedWithout.err()).isZero();
        JsonSchemaCheck.assertValid(listedWithout.out());
        JsonNode onlyBuiltin = FldCli.json(listedWithout.out()).get("result").get("references");
        assertThat(onlyBuiltin).hasSize(1);
        assertThat(onlyBuiltin.get(0).get("name").asText()).isEqualTo("builtin:fashion-mnist");
        assertThat(onlyBuiltin.get(0).get("kind").asText()).isEqualTo("builtin");
        assertThat(onlyBuiltin.get(0).get("file").isNull()).isTrue();
        // not copied into the cache yet, its card is read from the published copy
        assertThat(onlyBuiltin.get(0).get("card").get("description").asText()).startsWith("Fashion-MNIST");
        assertThat(onlyBuiltin.get(0).get("card").get("imageShape").toString()).isEqualTo("[1,28,28]");
    }

    @Test
    void listShowVerifyAndRemoveTheCache() throws IOException {
        Path cache = dir.resolve("cache-manage");
        assertThat(FldCli.run("score", "--ref", url(hash), generated.toString(), "--cache-dir", cache.toString(),
                "-q").code()).isZero();
        FldCli.Run trained = FldCli.run("score", real.toString(), generated.toString(), "--cache-dir",
                cache.toString(), "--preset", "small", "--epochs", "1", "--batch", "16", "--no-memorization", "-q");
        assertThat(trained.code()).as(trained.err()).isZero();

        FldCli.Run list = FldCli.run("references", "list", "--cache-dir", cache.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("downloaded").contains(url(hash)).contains("sha256:" + hash.substring(0, 12))
                .contains(String.format(java.util.Locale.ROOT, "%,d B", refBytes.length)).contains("\"tiny waves\"")
                .contains("trained").contains("small 1x8x8, bpd ");

        FldCli.Run listJson = FldCli.run("references", "list", "--cache-dir", cache.toString(), "--json");
        assertThat(listJson.code()).as(listJson.err()).isZero();
        JsonSchemaCheck.assertValid(listJson.out());
        JsonNode listed = FldCli.json(listJson.out()).get("result").get("references");
        assertThat(listed.findValuesAsText("kind")).containsExactlyInAnyOrder("downloaded", "trained", "builtin");
        for (JsonNode r : listed) {
            if (r.get("kind").asText().equals("downloaded")) {
                assertThat(r.get("contentHash").asText()).isEqualTo("sha256:" + hash);
                assertThat(r.get("bytes").asLong()).isEqualTo(refBytes.length);
                assertThat(r.get("card").get("description").asText()).isEqualTo("tiny waves");
                assertThat(r.get("card").get("imageShape").toString()).isEqualTo("[1,8,8]");
            }
        }

        FldCli.Run show = FldCli.run("references", "show", hash.substring(0, 10), "--cache-dir", cache.toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("sha256:" + hash).contains("tiny waves");

        FldCli.Run verified = FldCli.run("references", "verify", "--cache-dir", cache.toString());
        assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("ok").contains("2 checked, 0 mismatches").contains("not checked");

        Path kept = cache.resolve("downloads").resolve(hash + ".fld");
        byte[] damaged = refBytes.clone();
        damaged[damaged.length / 2] ^= 1;
        Files.write(kept, damaged);
        FldCli.Run mismatch = FldCli.run("references", "verify", "--cache-dir", cache.toString());
        assertThat(mismatch.code()).isEqualTo(3);
        assertThat(mismatch.out()).contains("MISMATCH").contains("2 checked, 1 mismatch;");

        FldCli.Run userFile = FldCli.run("references", "remove", ref.toString(), "--cache-dir", cache.toString());
        assertThat(userFile.code()).isEqualTo(3);
        assertThat(userFile.err()).contains("is a path");
        assertThat(ref).exists();

        FldCli.Run removed = FldCli.run("references", "remove", "sha256:" + hash.substring(0, 8), "--cache-dir",
                cache.toString());
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("removed downloaded");
        assertThat(kept).doesNotExist();
        assertThat(cache.resolve("downloads").resolve(hash + ".json")).doesNotExist();
        assertThat(FldCli.run("references", "remove", hash, "--cache-dir", cache.toString()).code()).isEqualTo(3);
    }
}
