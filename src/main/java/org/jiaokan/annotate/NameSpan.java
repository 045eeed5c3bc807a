package org.jiaokan.annotate;

import java.util.Map;

/** A candidate span of a personal name with what the person recogniser knows of it, while it weighs it. */
final class NameSpan {
    final int start;
    final int end;
    /** The segmenter's name recogniser proposed the span (or the span extends one it proposed). */
    boolean fromSegmenter;
    /** A foreign name: scored by its syllables and context, not by Chinese name statistics. */
    boolean foreign;
    /** The confidence the recogniser settles on. */
    double score;
    /** A run of transliteration characters no segmenter word accounts for (阿|斯|纳尔). */
    boolean run;
    /** A lone surname with a form of address (王|大妈, 小|李). */
    boolean addressed;
    /** Confidence from the name model, 0 when the model did not propose this span. */
    double model;
    /** One of the names of a run of names with nothing between them (王军|李红|张华). */
    boolean inRun;
    /** Overlaps such a run without being one of its names: it gives way. */
    boolean overrun;
    /** Fixed confidence of a name whose shape alone speaks for it (丹尼斯·罗斯顿, 松井秀夫), 0 otherwise. */
    double shape;

    NameSpan(int start, int end) {
        this.start = start;
        this.end = end;
    }

    /** The span {@code [a, b)} of {@code spans}, made if it is not there yet. */
    static NameSpan at(Map<Long, NameSpan> spans, int a, int b) {
        return spans.computeIfAbsent(((long) a << 32) | b, k -> new NameSpan(a, b));
    }
}
