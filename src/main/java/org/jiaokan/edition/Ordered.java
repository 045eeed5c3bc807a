package org.jiaokan.edition;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a per-item stage on all cores and hands the results on in the items' order, one at a time, on
 * the calling thread: the reduction after it (registers, listings, progress, messages) sees exactly the
 * sequence a serial run gives, so the output does not depend on the number of threads. At most sixteen
 * results per thread wait to be handed on, so memory stays bounded however many items there are; that many,
 * so that a long item at the head keeps only the calling thread waiting, not the other workers.
 */
public final class Ordered {
    /** Threads a run uses: the {@code jiaokan.threads} system property, else one per core. */
    public static int threads() {
        Integer set = Integer.getInteger("jiaokan.threads");
        return Math.max(1, set != null ? set : Runtime.getRuntime().availableProcessors());
    }

    private Ordered() {}

    /**
     * Applies {@code stage} to every item on {@code threads} threads and passes each result to
     * {@code reduce} in the items' order. An unchecked exception or error of the stage is rethrown here.
     */
    public static <T, R> void map(List<T> items, int threads, Function<T, R> stage, Consumer<R> reduce) {
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) reduce.accept(stage.apply(item));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, DAEMONS);
        try {
            int window = 16 * threads;
            Deque<Future<R>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < window) {
                    T item = items.get(next++);
                    pending.add(pool.submit(() -> stage.apply(item)));
                }
                reduce.accept(await(pending.poll()));
            }
        } finally {
            // Done, nothing is at work; failed, the stages at work are interrupted (a file being written is removed
            // as its channel closes) and waited for, so that none writes after the run has ended.
            pool.shutdownNow();
            awaitEnd(pool);
        }
    }

    /**
     * Runs every job on {@code threads} threads (on the calling thread when there is one) and waits for all;
     * the results come in the jobs' order. A job that throws ends the wait: its exception is rethrown as an
     * {@link IOException} whose cause it is.
     */
    public static <R> List<R> all(int threads, List<? extends Callable<R>> jobs) throws IOException {
        return all(threads, jobs, place -> {});
    }

    /**
     * As {@link #all(int, List)}. Once a job has thrown, the jobs not begun are skipped: each is given to
     * {@code skipped} (its place in {@code jobs}) instead of being run, where a job that is run would have done what
     * the jobs after it wait for (a document passing its place among the identifiers' claims, in the publication). The
     * jobs at work end before this does: they write files, and a run that has ended (its lock released, its JVM gone)
     * must not leave one half made.
     */
    public static <R> List<R> all(int threads, List<? extends Callable<R>> jobs, java.util.function.IntConsumer skipped) throws IOException {
        List<R> results = new ArrayList<>(jobs.size());
        if (threads <= 1 || jobs.size() <= 1) {
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    results.add(jobs.get(i).call());
                } catch (Exception e) {
                    for (int k = i + 1; k < jobs.size(); k++) skipped.accept(k);
                    throw new IOException(e);
                }
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, DAEMONS);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<R>> pending = new ArrayList<>(jobs.size());
        try {
            for (int i = 0; i < jobs.size(); i++) {
                Callable<R> job = jobs.get(i);
                int place = i;
                // Every job is taken from the queue and either run or skipped: none is cancelled unbegun, so none of
                // what the jobs after it wait for is left undone.
                pending.add(pool.submit(() -> {
                    if (failed.get()) {
                        skipped.accept(place);
                        return null;
                    }
                    try {
                        return job.call();
                    } catch (Throwable t) {
                        failed.set(true);
                        throw t;
                    }
                }));
            }
            for (Future<R> f : pending) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            failed.set(true);
            pool.shutdown();
            awaitEnd(pool);
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Waits for the jobs at work in {@code pool}, shut down, to end (stops waiting if this thread is interrupted). */
    private static void awaitEnd(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                // a long document's job: waited for
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private static final AtomicInteger COUNT = new AtomicInteger();

    /** Worker threads with the JVM's usual stack (as the main thread has), which never keep the JVM alive. */
    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(null, r, "jiaokan-worker-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
}
