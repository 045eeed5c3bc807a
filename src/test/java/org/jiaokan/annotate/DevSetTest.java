package org.jiaokan.annotate;

import org.jiaokan.annotate.NamedEntities.Label;
import org.jiaokan.annotate.eval.BioCorpus;
import org.jiaokan.annotate.eval.SpanScores;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recogniser on the project's own development set (dev-bio.txt: news-style sentences written
 * for the project, BIO tags), with floors a little under today's scores so regressions show.
 */
class DevSetTest {

    private static final Map<Label, Double> FLOORS = Map.of(Label.PER, 0.93, Label.LOC, 0.86, Label.ORG, 0.86);

    @Test
    void scoresStayAboveTheirFloors() throws Exception {
        BioCorpus dev = BioCorpus.read(resource("dev-bio.txt"));
        NamedEntities ne = new NamedEntities(new ChineseAnnotator());
        SpanScores scores = new SpanScores();
        for (BioCorpus.Sentence s : dev.sentences()) scores.add(ne.find(s.text()), s.gold());
        for (Label l : Label.values()) {
            SpanScores.Counts c = scores.of(l);
            assertTrue(c.f1() >= FLOORS.get(l), () -> String.format("%s F1 %.3f (P %.3f R %.3f) below %.2f",
                    l, c.f1(), c.precision(), c.recall(), FLOORS.get(l)));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DevSetTest.class.getResource(name).toURI());
    }
}
