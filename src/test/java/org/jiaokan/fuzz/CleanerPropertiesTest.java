package org.jiaokan.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.clean.CleaningRule;
import org.jiaokan.clean.LineContext;
import org.jiaokan.model.Block;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceLine;
import org.jiaokan.structure.StructureRecogniser;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every cleaning rule, the whole cleaner and the structure step on random lines: no exception escapes,
 * every span lies inside its line without cutting a surrogate pair, a rule's spans and the cleaner's
 * spans never overlap, and the structure step keeps every character of its lines.
 */
class CleanerPropertiesTest {
    private static final Cleaner CLEANER = new Cleaner();

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(Inputs.anyUnicode(30), Inputs.corpusText(6))
                .map(s -> s.replace("\r", "").replace("\n", ""))
                .filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<LineContext> contexts() {
        return Combinators.combine(Arbitraries.of(Script.values()), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(1, 41), Arbitraries.of(Hint.values()))
                .as((script, index, extra, hint) -> new LineContext(script, index, index + extra, hint));
    }

    @Property(tries = 300, seed = "20261205")
    void everyRuleMakesWellFormedSpans(@ForAll("lines") String line, @ForAll("contexts") LineContext ctx) {
        for (CleaningRule rule : CLEANER.rules()) {
            List<Intervention> found = rule.find(line, ctx);
            checkSpans(line, found, rule.name());
        }
    }

    @Property(tries = 300, seed = "20261206")
    void theCleanerMakesSortedDisjointSpans(@ForAll("lines") String line, @ForAll("contexts") LineContext ctx) {
        List<Intervention> found = CLEANER.clean(line, ctx);
        checkSpans(line, found, "cleaner");
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).start() <= found.get(i).start(), "sorted by start");
        }
    }

    private static void checkSpans(String line, List<Intervention> found, String who) {
        List<Intervention> seen = new ArrayList<>();
        for (Intervention iv : found) {
            String at = who + " " + iv + " in \"" + Inputs.escape(line) + "\"";
            assertTrue(iv.start() >= 0 && iv.end() <= line.length() && iv.start() < iv.end(), "inside the line: " + at);
            assertFalse(cutsPair(line, iv.start()) || cutsPair(line, iv.end()), "does not cut a surrogate pair: " + at);
            for (Intervention o : seen) assertFalse(o.overlaps(iv), "disjoint from " + o + ": " + at);
            seen.add(iv);
        }
    }

    /** Whether {@code i} falls between the two halves of a surrogate pair. */
    static boolean cutsPair(String s, int i) {
        return i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i));
    }

    @Provide
    Arbitrary<List<String>> documents() {
        return lines().list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 200, seed = "20261207")
    void theStructureStepKeepsEveryCharacter(@ForAll("documents") List<String> text, @ForAll Script script) {
        List<SourceLine> lines = text.stream().map(SourceLine::plain).toList();
        List<List<Intervention>> judged = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) judged.add(CLEANER.clean(lines.get(i), new LineContext(script, i, lines.size(), Hint.NONE)));
        List<Block> blocks = new StructureRecogniser().recognise(lines, judged);
        StringBuilder kept = new StringBuilder();
        for (Block b : blocks) kept.append(b.text());
        assertEquals(Inputs.escape(org.jiaokan.TestSupport.noSpace(String.join("", text))), Inputs.escape(org.jiaokan.TestSupport.noSpace(kept.toString())));
    }
}
