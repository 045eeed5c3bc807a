package org.jiaokan.annotate.eval;

import org.jiaokan.annotate.NamedEntities.Entity;
import org.jiaokan.annotate.NamedEntities.Label;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Exact-span precision, recall and F1 per entity type and overall: a span counts only with both ends and the type right. */
public final class SpanScores {

    /** Counts for one type. */
    public record Counts(long truePositives, long predicted, long gold) {
        public double precision() { return predicted == 0 ? 0 : truePositives / (double) predicted; }
        public double recall() { return gold == 0 ? 0 : truePositives / (double) gold; }
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<Label, long[]> counts = new EnumMap<>(Label.class);

    public SpanScores() {
        for (Label l : Label.values()) counts.put(l, new long[3]);
    }

    /** Adds one sentence's predictions and gold spans. */
    public void add(List<Entity> predicted, List<Entity> gold) {
        Set<Key> want = new HashSet<>();
        for (Entity g : gold) {
            want.add(new Key(g.start(), g.end(), g.label()));
            counts.get(g.label())[2]++;
        }
        Set<Key> seen = new HashSet<>();
        for (Entity p : predicted) {
            Key k = new Key(p.start(), p.end(), p.label());
            if (!seen.add(k)) continue;
            counts.get(p.label())[1]++;
            if (want.contains(k)) counts.get(p.label())[0]++;
        }
    }

    private record Key(int start, int end, Label label) { }

    public Counts of(Label label) {
        long[] c = counts.get(label);
        return new Counts(c[0], c[1], c[2]);
    }

    /** Micro-averaged over all types. */
    public Counts overall() {
        long tp = 0;
        long p = 0;
        long g = 0;
        for (long[] c : counts.values()) {
            tp += c[0];
            p += c[1];
            g += c[2];
        }
        return new Counts(tp, p, g);
    }
}
