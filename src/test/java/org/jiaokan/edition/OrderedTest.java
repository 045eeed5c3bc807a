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
}
