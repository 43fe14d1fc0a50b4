package org.fld4j.io.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.InputReportCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source read as a stream of NCHW batches, with bounded memory.
 *
 * <p>A worker thread decodes and preprocesses images in source order and packs them into batches of 8-bit samples;
 * finished batches wait in a queue of {@link BatchOptions#prefetchBatches()} places. When the queue is full the
 * worker waits, so no more than {@code prefetchBatches + 2} batches exist at any time however large the source is.
 * The consumer thread turns each batch into an ND4J array when it takes it ({@link #next()}).
 *
 * <p>Under {@link org.fld4j.io.BadInputPolicy#FAIL} the first bad image ends the stream: {@link #hasNext()} or
 * {@link #next()} throws its {@link ImageInputException} once the batches before it have been consumed. Under SKIP
 * bad images are left out and recorded in {@link #report()}.
 *
 * <p>Always close the stream (try-with-resources); closing early stops the worker. Not for use by several consumer
 * threads at once.
 */
public final class ImageBatchStream implements Iterator<ImageBatch>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImageBatchStream.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final ImageSource source;
    private final BatchOptions options;
    private final InputReportCollector report;
    private final BlockingQueue<PendingBatch> queue;
    private final Thread worker;
    private volatile boolean closed;
    private PendingBatch head;
    private boolean finished;

    /** Starts reading {@code source}. */
    public ImageBatchStream(ImageSource source, BatchOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.report = InputReportCollector.startingFrom(source.listingReport());
        this.queue = new ArrayBlockingQueue<>(options.prefetchBatches());
        this.worker = new Thread(this::produce, "fld4j-image-decoder-" + THREAD_NUMBER.incrementAndGet());
        this.worker.setDaemon(true); // an abandoned, unclosed stream must not keep the JVM alive
        this.worker.start();
    }

    private void produce() {
        try {
            ProcessedImageReader reader = new ProcessedImageReader(source, options.preprocessing(),
                    options.expectedShape().orElse(null), report);
            // a batch never holds more images than the source lists, whatever batch size was asked for
            int capacity = Math.min(options.batchSize(), Math.max(1, source.size()));
            List<IndexedImage> current = new ArrayList<>(capacity);
            Optional<IndexedImage> next;
            while (!closed && (next = reader.next()).isPresent()) {
                current.add(next.get());
                if (current.size() == options.batchSize()) {
                    put(PendingBatch.of(current, source, report.snapshot()));
                    current = new ArrayList<>(capacity);
                }
            }
            if (!current.isEmpty() && !options.dropLast()) {
                put(PendingBatch.of(current, source, report.snapshot()));
            }
            put(PendingBatch.end());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ImageInputException e) {
            putQuietly(PendingBatch.failure(e));
        } catch (RuntimeException | Error e) {
            // Anything unexpected (the reader's set-up included) must still reach the consumer, or it would wait
            // forever.
            putQuietly(PendingBatch.failure(e));
        }
    }

    private void put(PendingBatch batch) throws InterruptedException {
        if (!closed) {
            queue.put(batch);
        }
    }

    private void putQuietly(PendingBatch batch) {
        try {
            put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether another batch follows; waits for the worker if it has not finished the batch yet.
     *
     * @throws ImageInputException under FAIL, when the next thing the worker met was a bad image
     */
    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException("stream is closed");
        }
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (head.failure() != null) {
            finished = true;
            Throwable failure = head.failure();
            head = null;
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) failure;
        }
        if (head.isEnd()) {
            finished = true;
            head = null;
            LOG.debug("read {}: {}", source.description(), report.snapshot().imagesRead());
            return false;
        }
        return true;
    }

    /** The next batch. */
    @Override
    public ImageBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches");
        }
        PendingBatch batch = head;
        head = null;
        return batch.toImageBatch(options.dataType());
    }

    /**
     * What the read has done so far: images read, skipped inputs, ignored files, warnings. Complete once
     * {@link #hasNext()} has returned false.
     */
    public InputReport report() {
        return report.snapshot();
    }

    /** Stops the worker and releases the queued batches. Safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.interrupt();
        queue.clear();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
