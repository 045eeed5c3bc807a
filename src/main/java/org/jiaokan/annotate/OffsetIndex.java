package org.jiaokan.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Spans of one text looked up by where they start and where they end, so that a rule asking for
 * the neighbours of each span stays linear on long paragraphs. Built once, read-only after.
 */
final class OffsetIndex<T> {

    private final List<T> all;
    private final Map<Integer, List<T>> byStart = new HashMap<>();
    private final Map<Integer, List<T>> byEnd = new HashMap<>();

    OffsetIndex(List<T> all, ToIntFunction<T> start, ToIntFunction<T> end) {
        this.all = all;
        for (T t : all) {
            byStart.computeIfAbsent(start.applyAsInt(t), k -> new ArrayList<>()).add(t);
            byEnd.computeIfAbsent(end.applyAsInt(t), k -> new ArrayList<>()).add(t);
        }
    }

    List<T> all() { return all; }

    List<T> startingAt(int start) { return byStart.getOrDefault(start, List.of()); }

    List<T> endingAt(int end) { return byEnd.getOrDefault(end, List.of()); }
}
