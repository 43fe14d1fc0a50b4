package org.fld4j.cli.published;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 and a free port for download tests, with a few ways to answer: a whole body, a body
 * cut short of its declared length, one without a declared length, and 404 for anything else. It counts requests
 * per path; {@link #close} stops it at once.
 */
public final class LocalHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
                Thread t = new Thread(r, "local-http-handler");
                t.setDaemon(true);
                return t;
            });
    private final ConcurrentHashMap<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server with no paths (every request gets 404). */
    public static LocalHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalHttpServer local = new LocalHttpServer(server);
        server.createContext("/", exchange -> local.notFound(exchange));
        // handlers on threads of their own: a stalled answer does not hold up the next request
        server.setExecutor(local.handlers);
        server.start();
        return local;
    }

    /** {@code path} answers 200 with {@code body} and its length. */
    public LocalHttpServer serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** {@code path} answers 200 with {@code body} streamed without a declared length (chunked). */
    public LocalHttpServer serveChunked(String path, byte[] body) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** {@code path} declares {@code body}'s length but sends only its first half, then drops the connection. */
    public LocalHttpServer serveTruncated(String path, byte[] body) {
        return serveStalled(path, body, java.time.Duration.ZERO);
    }

    /**
     * {@code path} declares {@code body}'s length, sends its first half and then nothing for {@code stall} (holding
     * the connection open), then closes it.
     */
    public LocalHttpServer serveStalled(String path, byte[] body, java.time.Duration stall) {
        server.createContext(path, exchange -> {
            count(exchange);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            try {
                Thread.sleep(stall.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // closing the exchange before the declared length is sent closes the connection
            exchange.close();
        });
        return this;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        count(exchange);
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
    }

    private void count(HttpExchange exchange) {
        requests.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests made for {@code path}. */
    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** E.g. {@code http://127.0.0.1:43210/ref.fld}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
