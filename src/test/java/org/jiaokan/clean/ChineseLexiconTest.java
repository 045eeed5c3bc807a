package org.jiaokan.clean;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The word lattice's vocabulary: core dictionary, synonym thesaurus and numerals. */
class ChineseLexiconTest {

    @Test
    void numeralsWithOrWithoutMeasureWordAreWords() {
        for (String w : List.of("三百", "一名", "三百余", "两千多", "十二起", "二〇二六年", "一万五千")) {
            assertTrue(ChineseLexicon.isNumeral(w), w);
            assertEquals(ChineseLexicon.NUMERAL_FREQUENCY, Math.min(ChineseLexicon.NUMERAL_FREQUENCY, ChineseLexicon.latticeFrequency(w)), w);
            assertTrue(ChineseLexicon.latticeFrequency(w) > 0, w);
        }
        for (String w : List.of("三", "名", "一名名", "名一", "三百有", "一面", "百姓")) {
            assertFalse(ChineseLexicon.isNumeral(w), w);
        }
    }

    @Test
    void thesaurusWordsMissingFromTheCoreDictionaryGetAModestFrequency() {
        // 防控 is listed by the core dictionary without frequency; the thesaurus knows it
        assertEquals(0, ChineseLexicon.frequency("防控"));
        assertEquals(ChineseLexicon.VOCABULARY_FREQUENCY, ChineseLexicon.latticeFrequency("防控"));
        // a word the core dictionary counts keeps its own frequency
        assertEquals(ChineseLexicon.frequency("防空"), ChineseLexicon.latticeFrequency("防空"));
        assertTrue(ChineseLexicon.latticeFrequency("防空") > 0);
        // characters that form no word stay unknown
        assertEquals(0, ChineseLexicon.latticeFrequency("控防"));
        assertEquals(0, ChineseLexicon.latticeFrequency("名三百"));
    }

    /**
     * Sentences written for the purpose, with a word only the thesaurus knows or a numeral with its
     * measure word where the generator damages them: wherever the damage hides that word, the repair
     * restores it, in both scripts (and most sentences come back exactly).
     */
    @Test
    void thesaurusWordsAndNumeralsInADamagedRunAreRestored() {
        List<String> simplified = List.of(
                "市公安局持续加强校园周边防控工作，确保师生安全。",
                "辖区派出所共抽调一名民警驻守检查站，全天候值守。",
                "本月共查处酒驾案件三百余起，整改隐患两千多处。");
        List<String> traditional = List.of(
                "市警察局持續加強校園周邊防控工作，確保師生安全。",
                "轄區派出所共抽調一名民警駐守檢查站，全天候值守。",
                "本月共查處酒駕案件三百餘起，整改隱患兩千多處。");
        List<String> keys = List.of("防控", "一名", "三百");
        ByteShiftMojibakeRepair rule = new ByteShiftMojibakeRepair();
        for (List<String> sentences : List.of(simplified, traditional)) {
            LineContext context = sentences == traditional ? Fixtures.traditional() : Fixtures.simplified();
            int total = 0, exact = 0, hidden = 0;
            List<String> lost = new ArrayList<>();
            for (long seed : new long[]{5, 19, 31, 83}) {
                for (MojibakeGenerator.Instance in : new MojibakeGenerator(seed).damageAll(sentences)) {
                    total++;
                    String key = keys.get(indexOf(sentences, in.clean()));
                    String got = ByteShiftMojibakeGeneratedTest.corrected(in.damaged(), rule.find(in.damaged(), context));
                    if (got.equals(in.clean())) exact++;
                    if (!in.damaged().contains(key)) {
                        hidden++;
                        if (!got.contains(key)) lost.add(in.damaged() + " -> " + got);
                    }
                }
            }
            System.out.printf("%d/%d exact, key word hidden in %d%n", exact, total, hidden);
            assertTrue(hidden >= 2, "the damage hides the key words: " + hidden);
            assertEquals(List.of(), lost);
            assertTrue(exact >= total / 2, exact + "/" + total);
        }
    }

    private static int indexOf(List<String> sentences, String clean) {
        for (int i = 0; i < sentences.size(); i++) {
            if (MojibakeGenerator.fold(sentences.get(i)).equals(MojibakeGenerator.fold(clean))) return i;
        }
        throw new AssertionError(clean);
    }
}
