package org.jiaokan.clean;

import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repair and false-alarm rates of the byte-shift repair on mojibake made by {@link MojibakeGenerator}
 * over sentences written for the purpose, in both scripts.
 */
class ByteShiftMojibakeGeneratedTest {

    private static final long[] SEEDS = {11, 23, 47};
    private final ByteShiftMojibakeRepair rule = new ByteShiftMojibakeRepair();

    /** The text with every correction applied. */
    static String corrected(String line, List<Intervention> found) {
        List<Intervention> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Intervention::start).reversed());
        StringBuilder sb = new StringBuilder(line);
        for (Intervention iv : sorted) if (iv.kind() == Kind.CORRECTION) sb.replace(iv.start(), iv.end(), iv.replacement());
        return sb.toString();
    }

    private record Rates(int total, int exact, int repairedOrFlagged, List<String> misses) {}

    private Rates measure(List<String> sentences, LineContext context) {
        return measure(sentences, context, false);
    }

    private Rates measure(List<String> sentences, LineContext context, boolean midRun) {
        int total = 0, exact = 0, handled = 0;
        List<String> misses = new ArrayList<>();
        for (long seed : SEEDS) {
            MojibakeGenerator generator = new MojibakeGenerator(seed);
            for (MojibakeGenerator.Instance in : midRun ? generator.damageAllMidRun(sentences) : generator.damageAll(sentences)) {
                total++;
                List<Intervention> found = rule.find(in.damaged(), context);
                boolean isExact = corrected(in.damaged(), found).equals(in.clean());
                boolean touched = found.stream().anyMatch(iv -> iv.start() < in.to() && in.from() < iv.end());
                if (isExact) exact++;
                if (isExact || touched) handled++;
                if (!isExact) misses.add(in.variant() + " " + in.damaged() + " -> " + corrected(in.damaged(), found)
                        + " " + found.stream().map(iv -> iv.kind() + ":" + in.damaged().substring(iv.start(), iv.end())
                        + "=" + iv.replacement()).toList());
            }
        }
        return new Rates(total, exact, handled, misses);
    }

    @Test
    void simplifiedMojibakeIsRepaired() {
        Rates r = measure(MojibakeSentences.SIMPLIFIED, Fixtures.simplified());
        report("simplified", r);
        assertTrue(r.exact() >= 0.9 * r.total(), r.exact() + "/" + r.total());
        assertEquals(r.total(), r.repairedOrFlagged());
    }

    @Test
    void traditionalMojibakeIsRepaired() {
        Rates r = measure(MojibakeSentences.TRADITIONAL, Fixtures.traditional());
        report("traditional", r);
        assertTrue(r.exact() >= 0.9 * r.total(), r.exact() + "/" + r.total());
        assertEquals(r.total(), r.repairedOrFlagged());
    }

    /**
     * Bytes also lost inside the run (one byte shown as {@code ?}, a pair shown as one {@code ?} or not
     * at all): the guesses are harder, so the bar is lower, but nearly every instance is repaired or flagged.
     */
    @Test
    void mojibakeWithBytesLostInsideTheRunIsRepairedOrFlagged() {
        Rates simplified = measure(MojibakeSentences.SIMPLIFIED, Fixtures.simplified(), true);
        Rates traditional = measure(MojibakeSentences.TRADITIONAL, Fixtures.traditional(), true);
        report("simplified, lost inside the run", simplified);
        report("traditional, lost inside the run", traditional);
        for (Rates r : List.of(simplified, traditional)) {
            assertTrue(r.exact() >= 0.3 * r.total(), r.exact() + "/" + r.total());
            assertTrue(r.repairedOrFlagged() >= 0.9 * r.total(), r.repairedOrFlagged() + "/" + r.total());
        }
    }

    @Test
    void cleanSentencesRaiseNoAlarm() {
        List<String> alarms = new ArrayList<>();
        for (String s : MojibakeSentences.SIMPLIFIED) if (!rule.find(s, Fixtures.simplified()).isEmpty()) alarms.add(s);
        for (String s : MojibakeSentences.TRADITIONAL) if (!rule.find(s, Fixtures.traditional()).isEmpty()) alarms.add(s);
        for (String s : MojibakeSentences.TRICKY) {
            if (!rule.find(s, Fixtures.simplified()).isEmpty()) alarms.add(s);
            if (!rule.find(ChineseLexicon.toTraditional(s), Fixtures.traditional()).isEmpty()) alarms.add("T " + s);
        }
        assertEquals(List.of(), alarms);
    }

    /** Work is counted in language-model evaluations: a paragraph eight times as long costs less than sixteen times as much. */
    @Test
    void repairWorkIsLinearInParagraphLength() {
        String clean = "各级公安机关要切实加强社会治安防控体系建设，确保人民群众安居乐业。";
        String damaged = "民警在巡逻?邪l现一名可疑男子，随即上前盘问，全县共排查安全隐患三百余处，讶空牡轿?。";
        String unit = clean + damaged + "价格为100€的商品，魑魅魍魉。";
        rule.find(unit, Fixtures.simplified()); // fills the caches once
        long one = work(unit.repeat(2));
        long eight = work(unit.repeat(16));
        System.out.printf("model evaluations: %d for 2 units, %d for 16 units%n", one, eight);
        assertTrue(one > 0);
        assertTrue(eight < 16 * one, one + " then " + eight);
        assertTrue(eight > 4 * one, "the long paragraph was really examined: " + one + " then " + eight);
    }

    /**
     * The pre-filter asks the model once about each Han character of a line and each question is counted (the line
     * adds its count at its end): a clean line costs as many evaluations as it has Han characters, and no more.
     */
    @Test
    void thePreFiltersQuestionsAreCountedOncePerHanCharacter() {
        String clean = "各级公安机关要切实加强社会治安防控体系建设，确保人民群众安居乐业。";
        long han = clean.chars().filter(c -> c >= 0x4e00 && c <= 0x9fff).count();
        assertEquals(han, work(clean));
        assertEquals(3 * han, work(clean + clean + clean));
    }

    /**
     * A window judged on one thread is not judged again on another: the memo is the JVM's, so a build's workers (each
     * run's threads are new) share what every one of them judged, and so do the builds of a watched edition.
     */
    @Test
    void judgedWindowsAreSharedAcrossThreads() throws Exception {
        String line = "民警在巡逻?邪l现一名可疑男子，随即上前盘问，讶空牡轿?。";
        List<List<Intervention>> found = new ArrayList<>();
        long[] evaluations = new long[2];
        for (int t = 0; t < 2; t++) {
            int round = t;
            Thread worker = new Thread(() -> {
                long before = CharBigramModel.EVALUATIONS.sum();
                found.add(rule.find(line, Fixtures.simplified()));
                evaluations[round] = CharBigramModel.EVALUATIONS.sum() - before;
            });
            worker.start();
            worker.join();
        }
        assertTrue(!found.get(0).isEmpty(), "the line was repaired: " + found.get(0));
        assertEquals(found.get(0), found.get(1));
        // The first thread may find the windows judged already (another test's line); the second must. What it
        // still asks the model is the pre-filter's question about each character, not the search's thousands.
        long judging = work(line);
        System.out.printf("model evaluations: %d judging the line, %d on the second thread%n", judging, evaluations[1]);
        assertTrue(evaluations[1] * 10 < judging, evaluations[1] + " on the second thread against " + judging + " judging the line");
    }

    private long work(String paragraph) {
        long before = CharBigramModel.EVALUATIONS.sum();
        // without the memo of judged windows, which would answer the repeated units from memory
        new ByteShiftMojibakeRepair(false).find(paragraph, Fixtures.simplified());
        return CharBigramModel.EVALUATIONS.sum() - before;
    }

    private static void report(String label, Rates r) {
        System.out.printf("%s: %d instances, %d exact (%.1f %%), %d repaired or flagged (%.1f %%)%n", label, r.total(),
                r.exact(), 100.0 * r.exact() / r.total(), r.repairedOrFlagged(), 100.0 * r.repairedOrFlagged() / r.total());
        r.misses().forEach(m -> System.out.println("  miss " + m));
    }
}
