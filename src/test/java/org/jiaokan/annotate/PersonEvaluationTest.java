package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Person recognition measured against the gold list seed-persons.tsv, at mention level (each
 * occurrence) and distinct-name level, per seed and overall. The seeds are run line by line as
 * they stand, noise included.
 */
class PersonEvaluationTest {

    private static ChineseAnnotator annotator;

    @BeforeAll
    static void load() { annotator = new ChineseAnnotator(); }

    /** Counts of true positives, predictions and gold items. */
    private record Score(int tp, int predicted, int gold) {
        double precision() { return predicted == 0 ? 1 : tp / (double) predicted; }
        double recall() { return gold == 0 ? 1 : tp / (double) gold; }
        Score plus(Score o) { return new Score(tp + o.tp, predicted + o.predicted, gold + o.gold); }
        String show() { return String.format("P=%.3f R=%.3f (tp %d, found %d, gold %d)", precision(), recall(), tp, predicted, gold); }
    }

    private static Map<String, Map<String, Integer>> gold() throws IOException {
        Map<String, Map<String, Integer>> gold = new TreeMap<>();
        try (InputStream in = PersonEvaluationTest.class.getResourceAsStream("seed-persons.tsv")) {
            assertNotNull(in, "seed-persons.tsv");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                gold.computeIfAbsent(f[0], k -> new HashMap<>()).merge(f[1], Integer.parseInt(f[2].trim()), Integer::sum);
            }
        }
        return gold;
    }

    @Test
    void personPrecisionAndRecallOnSeeds() throws IOException {
        assumeTrue(Seeds.available(), "seed documents not found at " + Seeds.dir());
        Map<String, Map<String, Integer>> gold = gold();
        Score mentions = new Score(0, 0, 0);
        Score names = new Score(0, 0, 0);
        for (String id : Seeds.IDS) {
            Map<String, Integer> found = new HashMap<>();
            for (String line : Seeds.lines(id)) {
                for (Mention m : annotator.annotate(line, Seeds.script(id))) {
                    if (m.type() == EntityType.PERSON) found.merge(m.text(), 1, Integer::sum);
                }
            }
            Map<String, Integer> want = gold.getOrDefault(id, Map.of());
            int tp = 0;
            for (var e : found.entrySet()) tp += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
            Score m = new Score(tp, sum(found), sum(want));
            int nameTp = (int) found.keySet().stream().filter(want::containsKey).count();
            Score n = new Score(nameTp, found.size(), want.size());
            System.out.printf("seed %s persons: mentions %s; names %s%n", id, m.show(), n.show());
            for (var e : found.entrySet()) {
                if (!want.containsKey(e.getKey())) System.out.printf("  false positive: %s x%d%n", e.getKey(), e.getValue());
            }
            for (var e : want.entrySet()) {
                if (found.getOrDefault(e.getKey(), 0) < e.getValue()) {
                    System.out.printf("  missed: %s (%d of %d found)%n", e.getKey(), found.getOrDefault(e.getKey(), 0), e.getValue());
                }
            }
            mentions = mentions.plus(m);
            names = names.plus(n);
        }
        System.out.printf("all seeds persons: mentions %s; names %s%n", mentions.show(), names.show());
        assertTrue(mentions.precision() >= 0.9, "mention precision " + mentions.show());
        assertTrue(mentions.recall() >= 0.9, "mention recall " + mentions.show());
        assertTrue(names.precision() >= 0.9, "name precision " + names.show());
        assertTrue(names.recall() >= 0.9, "name recall " + names.show());
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
