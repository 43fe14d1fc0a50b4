package org.fld4j.cli.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads of pinned URLs from a server on 127.0.0.1: kept under their hash once whole and verified, not requested
 * again while the kept file verifies, and on any failure (another hash, 404, a body cut short, too many bytes)
 * nothing kept, not even a temporary file.
 */
class ReferenceDownloaderTest {

    /** The cap of these tests: 4 KiB instead of a reference's gigabytes. */
    private static final long CAP = 4096;

    @TempDir
    Path cache;
    LocalHttpServer server;
    DownloadedReferences downloads;
    ReferenceDownloader downloader;
    final List<String> messages = new ArrayList<>();
    final byte[] body = bytes(3000, 1);
    final String hash = sha256(body);

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** SHA-256 by the JDK's digest directly, not through the code under test. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = LocalHttpServer.start().serve("/ref.fld", body).serveTruncated("/cut.fld", body)
                .serve("/big.fld", bytes(5000, 2)).serveChunked("/big-chunked.fld", bytes(5000, 3));
        downloads = new DownloadedReferences(cache);
        downloader = new ReferenceDownloader(HttpClient.newHttpClient(), CAP);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PinnedUrl pinned(String path, String pin) {
        return (PinnedUrl) ReferenceLocation.parse(server.url(path) + "#sha256=" + pin);
    }

    private List<String> keptFiles() throws IOException {
        if (!Files.isDirectory(downloads.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(downloads.folder())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aGoodDownloadIsKeptUnderItsHashAndTheSecondUseMakesNoRequest() throws IOException {
        ReferenceDownloader.Fetched first = downloader.fetch(pinned("/ref.fld", hash), downloads, messages::add);
        assertThat(first.downloaded()).isTrue();
        assertThat(first.bytes()).isEqualTo(3000);
        assertThat(first.file()).isEqualTo(cache.resolve("downloads").resolve(hash + ".fld"));
        assertThat(Files.readAllBytes(first.file())).isEqualTo(body);
        assertThat(keptFiles()).containsExactly(hash + ".fld", hash + ".json");
        DownloadRecord record = downloads.entries().get(0);
        assertThat(record.source()).isEqualTo(server.url("/ref.fld") + "#sha256=" + hash);
        assertThat(record.bytes()).isEqualTo(3000);
        assertThat(record.savedAt()).isNotNull();

        ReferenceDownloader.Fetched second = downloader.fetch(pinned("/ref.fld", hash), downloads, messages::add);
        assertThat(second.downloaded()).isFalse();
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(server.requests("/ref.fld")).isEqualTo(1);
        assertThat(messages).isEmpty();
    }

    @Test
    void aKeptFileThatNoLongerVerifiesIsRemovedAndDownloadedAgain() throws IOException {
        Path file = downloader.fetch(pinned("/ref.fld", hash), downloads, messages::add).file();
        Files.write(file, bytes(3000, 9));
        ReferenceDownloader.Fetched again = downloader.fetch(pinned("/ref.fld", hash), downloads, messages::add);
        assertThat(again.downloaded()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(body);
        assertThat(server.requests("/ref.fld")).isEqualTo(2);
        assertThat(messages).singleElement().asString().contains("not to its name sha256:" + hash);
    }

    @Test
    void aServerThatStopsSendingIsGivenUpAfterTheStallTimeoutAndNothingIsKept() throws IOException {
        // the server holds the connection open for 20 s after half the body; the downloader gives up after 1 s
        server.serveStalled("/stalled.fld", body, java.time.Duration.ofSeconds(20));
        ReferenceDownloader impatient = new ReferenceDownloader(HttpClient.newHttpClient(), CAP,
                java.time.Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(pinned("/stalled.fld", hash), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining("sent nothing for 1 s after 1500 bytes")
                .hasMessageContaining("kept nothing");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(keptFiles()).isEmpty();
        // a download after it works as usual
        assertThat(impatient.fetch(pinned("/ref.fld", hash), downloads, messages::add).bytes()).isEqualTo(3000);
    }

    @Test
    void aWrongPinKeepsNothingAndNamesBothHashes() throws IOException {
        String other = sha256(new byte[] {1});
        assertThatThrownBy(() -> downloader.fetch(pinned("/ref.fld", other), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining("its SHA-256 is " + hash)
                .hasMessageContaining("the pin expects " + other).hasMessageContaining("kept nothing");
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void notFoundKeepsNothing() throws IOException {
        assertThatThrownBy(() -> downloader.fetch(pinned("/nothing.fld", hash), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404 (not found)")
                .hasMessageContaining(server.url("/nothing.fld"));
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void aBodyCutShortKeepsNothing() throws IOException {
        assertThatThrownBy(() -> downloader.fetch(pinned("/cut.fld", hash), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining(server.url("/cut.fld"))
                .hasMessageContaining("kept nothing");
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void tooLargeIsRefusedWhetherDeclaredOrNot() throws IOException {
        assertThatThrownBy(() -> downloader.fetch(pinned("/big.fld", hash), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining("5000 bytes, more than the largest reference")
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> downloader.fetch(pinned("/big-chunked.fld", hash), downloads, messages::add))
                .isInstanceOf(IOException.class).hasMessageContaining("sent more than 4096 bytes");
        assertThat(keptFiles()).isEmpty();
    }
}
