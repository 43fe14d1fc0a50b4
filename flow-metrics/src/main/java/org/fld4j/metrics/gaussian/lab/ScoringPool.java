package org.fld4j.metrics.gaussian.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fld4j.core.Flow;
import org.fld4j.metrics.gaussian.MultivariateGaussian;

/**
 * Scores a list of test sets on {@code workers} threads, each with its own copy of the flow (a flow
 * serialises its callers), and hands the results back in list order. At most {@code workers + 1} sets
 * are in flight or waiting to be taken, so memory stays at a few sets' log-likelihoods however long the
 * list is. A set's samples depend on its seed only, so the results are the same for any worker count.
 * Closing the pool frees the copies' work arrays.
 */
final class ScoringPool implements AutoCloseable {

    /** One test set: N samples of {@code q} drawn from {@code seed}. */
    record Job(MultivariateGaussian q, int samples, long seed) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;
    private final ThreadLocal<LogLikelihoodScorer> scorers;
    /** The workers' copies of the flow, whose work arrays {@link #close} frees. */
    private final Queue<Flow> copies = new ConcurrentLinkedQueue<>();
    private final List<Job> jobs;
    private final int window;
    private final Deque<Future<ScoredSample>> inFlight = new ArrayDeque<>();
    private int submitted;

    ScoringPool(MultivariateGaussian truth, Flow model, GaussianLabOptions options, List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
        int workers = Math.max(1, Math.min(options.workers(), this.jobs.size()));
        this.window = workers + 1;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "gaussian-lab-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(workers, factory);
        scorers = ThreadLocal.withInitial(() -> {
            Flow copy = Flow.of(model.toNetwork());
            copies.add(copy);
            return new LogLikelihoodScorer(truth, copy, options.chunkRows(), options.modelBatchSize());
        });
        fill();
    }

    private void fill() {
        while (submitted < jobs.size() && inFlight.size() < window) {
            Job job = jobs.get(submitted++);
            inFlight.add(executor.submit(() -> scorers.get().score(job.q(), job.samples(), job.seed())));
        }
    }

    /** The next set's scores, in list order; waits for them if needed. */
    ScoredSample next() {
        Future<ScoredSample> head = inFlight.poll();
        if (head == null) {
            throw new IllegalStateException("all " + jobs.size() + " test sets have been taken");
        }
        try {
            ScoredSample result = head.get();
            fill();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring a test set", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("scoring a test set failed", cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        // Safe while a worker still finishes a job: a flow's calls are serialised, and a call after the
        // release only allocates its arrays again (left to the collector then).
        copies.forEach(Flow::releaseWorkArrays);
    }
}
