package org.jiaokan.annotate;

import org.jiaokan.annotate.NamedEntities.Entity;
import org.jiaokan.annotate.NamedEntities.Label;
import org.jiaokan.annotate.eval.SpanScores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Organisations on the project's own sets of relative and generic names (区公安分局, 市政府,
 * 城关派出所), units of a body (国保大队), institutions (县人民医院) and bare bodies in lists
 * (国安局、司法局、信访局), in both scripts: dev-orgs.tsv, on whose errors the rules were developed,
 * and held-orgs.tsv, written at the same time and never read for errors. Each line is a sentence
 * and the organisations an editor marks in it, in order; spans are found in the sentence from
 * left to right. Floors sit a little under today's scores so regressions show.
 */
class RelativeOrgSetTest {

    @ParameterizedTest
    @CsvSource({"dev-orgs.tsv, 0.85, 0.85, true", "held-orgs.tsv, 0.80, 0.80, false"})
    void organisationsStayAboveTheirFloors(String file, double recallFloor, double precisionFloor, boolean showErrors) throws IOException {
        NamedEntities ne = new NamedEntities(new ChineseAnnotator());
        SpanScores scores = new SpanScores();
        List<String> misses = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t", -1);
            String text = f[0];
            List<Entity> gold = gold(text, f.length > 1 ? f[1] : "");
            List<Entity> found = ne.find(text).stream().filter(e -> e.label() == Label.ORG).toList();
            scores.add(found, gold);
            if (!found.equals(gold)) misses.add(text + " gold " + names(gold) + " found " + names(found));
        }
        SpanScores.Counts c = scores.of(Label.ORG);
        System.out.printf("%s ORG P %.3f R %.3f F1 %.3f (tp %d found %d gold %d)%n", file,
                c.precision(), c.recall(), c.f1(), c.truePositives(), c.predicted(), c.gold());
        if (showErrors) misses.forEach(m -> System.out.println("  " + m));
        assertTrue(c.recall() >= recallFloor && c.precision() >= precisionFloor, () -> String.format(
                "%s ORG P %.3f R %.3f below %.2f / %.2f:%n%s", file, c.precision(), c.recall(), precisionFloor, recallFloor,
                showErrors ? String.join("\n", misses) : "(held out: its errors are not shown)"));
    }

    /** The organisations of a line as spans, each found after the one before it (code points: the sets are all BMP). */
    private static List<Entity> gold(String text, String orgs) {
        List<Entity> out = new ArrayList<>();
        int from = 0;
        for (String o : orgs.split("\\|")) {
            if (o.isEmpty()) continue;
            int at = text.indexOf(o, from);
            if (at < 0) throw new IllegalArgumentException("not in the sentence: " + o + " in " + text);
            out.add(new Entity(at, at + o.length(), Label.ORG, o));
            from = at + o.length();
        }
        return out;
    }

    private static String names(List<Entity> es) {
        return es.stream().map(Entity::text).toList().toString();
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = RelativeOrgSetTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
