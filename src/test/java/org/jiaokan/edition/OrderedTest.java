package org.jiaokan.edition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel stage hands its results on in the items' order, on the calling thread, whatever finishes first. */
class OrderedTest {
    @Test
    void resultsComeInTheItemsOrderFromSeveralThreads() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        var workers = ConcurrentHashMap.<String>newKeySet();
        Thread caller = Thread.currentThread();
        Ordered.map(items, 4, i -> {
            workers.add(Thread.currentThread().getName());
            // later items finish sooner: the order must come from the reduction, not from the finishing times
            long until = System.nanoTime() + (200 - i) * 20_000L;
            while (System.nanoTime() < until) Thread.onSpinWait();
            return i * 2;
        }, r -> {
            assertEquals(caller, Thread.currentThread());
            seen.add(r);
        });
        assertEquals(items.stream().map(i -> i * 2).toList(), seen);
        assertTrue(workers.size() > 1, "more than one worker ran: " + workers);
    }

    @Test
    void oneThreadRunsOnTheCaller() {
        List<String> threads = new ArrayList<>();
        Ordered.map(List.of(1, 2, 3), 1, i -> Thread.currentThread().getName(), threads::add);
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName(), Thread.currentThread().getName()), threads);
    }

    @Test
    void aFailureOfTheStageReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ordered.map(List.of(1, 2, 3, 4, 5), 3, i -> {
            if (i == 4) throw new IllegalStateException("item " + i);
            return i;
        }, r -> {}));
        assertEquals("item 4", e.getMessage());
    }

    /** A job failed: the jobs at work end before the run does (they write files), and those not begun never begin. */
    @Test
    void aFailedJobLeavesNoJobAtWorkAfterTheRun() {
        java.util.concurrent.atomic.AtomicBoolean slowEnded = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger begun = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch slowBegun = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Callable<Integer>> jobs = new ArrayList<>();
        jobs.add(() -> {
            slowBegun.await();
            throw new java.io.IOException("disk full");
        });
        jobs.add(() -> {
            slowBegun.countDown();
            Thread.sleep(400);
            slowEnded.set(true);
            return 1;
        });
        for (int i = 0; i < 200; i++) {
            jobs.add(() -> {
                begun.incrementAndGet();
                Thread.sleep(5);
                return 2;
            });
        }
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Ordered.all(2, jobs));
        assertEquals("disk full", e.getCause().getMessage());
        assertTrue(slowEnded.get(), "the job at work ended before the run did");
        assertTrue(begun.get() < 50, "the jobs not begun were left: " + begun.get() + " begun");
    }

    /** As above, for the stage of map: the stage at work is interrupted and waited for. */
    @Test
    void aFailedStageLeavesNoStageAtWorkAfterTheRun() {
        java.util.concurrent.atomic.AtomicBoolean otherEnded = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch otherBegun = new java.util.concurrent.CountDownLatch(1);
        assertThrows(IllegalStateException.class, () -> Ordered.map(List.of(1, 2), 2, i -> {
            try {
                if (i == 1) {
                    otherBegun.await();
                    throw new IllegalStateException("item 1");
                }
                otherBegun.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException ex) {
                    // interrupted: what it was writing goes, then it ends
                    Thread.sleep(200);
                }
                otherEnded.set(true);
                return i;
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }, r -> {}));
        assertTrue(otherEnded.get(), "the stage at work ended before the run did");
    }

    /**
     * Jobs that wait for the ones before them ({@link org.jiaokan.publish.DocumentClaims}): after a failure the jobs not
     * begun are skipped and pass their places, so those at work that wait for them end, and so does the run.
     */
    @Test
    void jobsWaitingForSkippedOnesEnd() {
        int n = 60;
        List<java.nio.file.Path> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) docs.add(java.nio.file.Path.of("d" + i));
        org.jiaokan.publish.DocumentClaims claims = new org.jiaokan.publish.DocumentClaims(docs);
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int place = i;
            jobs.add(() -> {
                try {
                    if (place == 0) {
                        waiting.await(); // a later job waits for the claims before it
                        Thread.sleep(50);
                        throw new OutOfMemoryError("a document too large");
                    }
                    if (place == 2) waiting.countDown();
                    claims.claim(place, "id-" + place);
                    return place;
                } finally {
                    claims.pass(place);
                }
            });
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> assertThrows(java.io.IOException.class, () -> Ordered.all(3, jobs, claims::pass)));
        assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
        assertEquals(docs.get(2), claims.owner("id-2"), "the job at work claimed once the places before it were done");
    }
}
