package org.fld4j.cli.published;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.core.FlowFileLimits;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * Fetches a pinned reference URL into the downloads folder: once, and never half. The body streams into a temporary
 * file beside its final name while it is hashed and counted; it becomes {@code <sha256>.fld} (an atomic rename,
 * {@link AtomicFiles}) only when it is whole, no larger than a reference can be, and its SHA-256 is the pin. Any
 * failure (an HTTP error, a body cut short, too many bytes, another hash) removes the temporary file and keeps
 * nothing. A URL whose file is already kept, and still verifies, is not requested again.
 */
public final class ReferenceDownloader {

    /** How long to wait for a connection and for the response's headers; the body itself may take longer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long the body may send nothing before the download is given up: a slow link still makes progress, a
     * stalled server would otherwise hang the command for ever (the response timeout ends with the headers).
     */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final long maxBytes;
    private final Duration stallTimeout;

    /** A downloader that takes files up to {@link FldReference#maxFileBytes} under the loader's limits. */
    public ReferenceDownloader() {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build(), FldReference.maxFileBytes(FlowFileLimits.fromSystemProperties()), STALL_TIMEOUT);
    }

    /** A downloader with its own client and size cap (tests use a small cap). */
    ReferenceDownloader(HttpClient client, long maxBytes) {
        this(client, maxBytes, STALL_TIMEOUT);
    }

    /** A downloader with its own client, size cap and stall timeout (tests use a short one). */
    ReferenceDownloader(HttpClient client, long maxBytes, Duration stallTimeout) {
        this.client = client;
        this.maxBytes = maxBytes;
        this.stallTimeout = stallTimeout;
    }

    /**
     * What a fetch gave.
     *
     * @param file       the kept reference, {@code <sha256>.fld}
     * @param downloaded true when it was downloaded now, false when it was kept already
     * @param bytes      its size
     */
    public record Fetched(Path file, boolean downloaded, long bytes) {
    }

    /**
     * The reference of {@code url}, from {@code downloads} when it is kept there and verifies, else downloaded and
     * verified; {@code messages} hears about a kept file that was removed.
     *
     * @throws IOException naming the URL and what went wrong; nothing is kept then
     */
    public Fetched fetch(PinnedUrl url, DownloadedReferences downloads, Consumer<String> messages) throws IOException {
        var kept = downloads.verified(url.sha256(), messages);
        if (kept.isPresent()) {
            return new Fetched(kept.get(), false, Files.size(kept.get()));
        }
        HttpRequest request = HttpRequest.newBuilder(url.download()).timeout(RESPONSE_TIMEOUT).GET()
                .header("User-Agent", "fld4j/" + Fld4jVersion.current()).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the download of " + url.download() + " was interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot download " + url.download() + ": " + e, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("cannot download " + url.download() + ": the server answered HTTP "
                        + response.statusCode() + (response.statusCode() == 404 ? " (not found)" : ""));
            }
            OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                throw new IOException("cannot download " + url.download() + ": it is " + declared.getAsLong()
                        + " bytes, more than the largest reference fld4j reads (" + maxBytes + " bytes)");
            }
            Path target = downloads.file(url.sha256());
            Files.createDirectories(target.getParent());
            long[] count = new long[1];
            try (StallWatch watch = new StallWatch(body, stallTimeout)) {
                AtomicFiles.write(target, temp -> count[0] = copyVerified(body, temp, url, declared, watch));
            }
            downloads.writeRecord(url.sha256(), url.text(), count[0]);
            return new Fetched(target, true, count[0]);
        }
    }

    /** Copies the body to {@code temp}, refusing more than the cap, fewer bytes than declared, or another hash. */
    private long copyVerified(InputStream body, Path temp, PinnedUrl url, OptionalLong declared, StallWatch watch)
            throws IOException {
        MessageDigest digest = ReferenceFileHash.newDigest();
        long count = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = read(body, buffer, url, count, watch); n >= 0; n = read(body, buffer, url, count, watch)) {
                watch.progressed();
                count += n;
                if (count > maxBytes) {
                    throw new IOException("cannot download " + url.download() + ": it sent more than "
                            + maxBytes + " bytes, the largest reference fld4j reads; stopped and kept nothing");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (watch.stalled()) {
            watch.clearInterrupt();
            throw stalled(url, count);
        }
        if (declared.isPresent() && count != declared.getAsLong()) {
            throw new IOException("cannot download " + url.download() + ": the body was cut short (" + count
                    + " of " + declared.getAsLong() + " bytes); kept nothing");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(url.sha256())) {
            throw new IOException("the file at " + url.download() + " is not the pinned reference: its SHA-256 is "
                    + actual + ", the pin expects " + url.sha256() + "; kept nothing");
        }
        return count;
    }

    private IOException stalled(PinnedUrl url, long sofar) {
        return new IOException("cannot download " + url.download() + ": the server sent nothing for "
                + stallTimeout.toSeconds() + " s after " + sofar + " bytes; gave up and kept nothing");
    }

    private int read(InputStream body, byte[] buffer, PinnedUrl url, long sofar, StallWatch watch)
            throws IOException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            if (watch.stalled()) {
                watch.clearInterrupt();
                throw stalled(url, sofar);
            }
            throw new IOException("cannot download " + url.download() + ": the connection broke after " + sofar
                    + " bytes (" + e.getMessage() + "); kept nothing", e);
        }
    }
}
