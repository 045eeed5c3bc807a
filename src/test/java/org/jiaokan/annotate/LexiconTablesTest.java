package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.dictionary.nr.TranslatedPersonDictionary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recognisers' lookup tables answer as the maps and string searches they stand for: a stretch of a text as its
 * substring would be looked up, word lengths by a character as a map of boxed characters answered, the
 * transliteration characters as the table's string and HanLP's dictionary answer.
 */
class LexiconTablesTest {

    /** Every stretch of {@code text}, looked up in the table and, as a substring, in the map. */
    private static <V> void sameAsMap(Map<String, V> map, String text) {
        Lexicons.RegionTable<V> table = new Lexicons.RegionTable<>(map);
        for (int from = 0; from <= text.length(); from++) {
            for (int to = from; to <= text.length(); to++) {
                assertEquals(map.get(text.substring(from, to)), table.get(text, from, to), "[" + from + ", " + to + ") of " + text);
            }
        }
    }

    @Test
    void aStretchIsFoundAsItsSubstringWouldBe() {
        Map<String, String> words = new HashMap<>();
        for (String w : List.of("公安局", "公安", "市公安局", "局", "𠮷野家", "Aa", "BB", "")) words.put(w, "<" + w + ">");
        // "Aa" and "BB" share String.hashCode(): the table must tell them apart by their characters.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        sameAsMap(words, "市公安局和公安厅，AaBBAB𠮷野家局");
        sameAsMap(Map.of(), "公安局");
    }

    @Provide
    Arbitrary<List<String>> words() {
        // few characters, so that stretches of the texts are often words, and hashes collide
        return Arbitraries.strings().withChars("甲乙丙丁AaBb").ofMinLength(1).ofMaxLength(4).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("甲乙丙丁AaBb，").ofMaxLength(24);
    }

    @Property(tries = 300)
    void anyStretchIsFoundAsItsSubstringWouldBe(@ForAll("words") List<String> words, @ForAll("texts") String text) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < words.size(); i++) map.put(words.get(i), i);
        sameAsMap(map, text);
    }

    @Property(tries = 300)
    void aWordSetAnswersAsItsWordsDo(@ForAll("words") List<String> words, @ForAll("texts") String text) {
        Lexicons.WordSet set = Lexicons.WordSet.of(words);
        Set<String> all = new HashSet<>(words);
        for (int i = 0; i <= text.length(); i++) {
            List<Integer> at = new ArrayList<>();
            int endingAt = 0;
            for (int len = text.length() - i; len >= 1; len--) if (all.contains(text.substring(i, i + len))) at.add(len);
            for (int len = i; len >= 1 && endingAt == 0; len--) if (all.contains(text.substring(i - len, i))) endingAt = len;
            assertEquals(at, set.allAt(text, i), "words at " + i + " of " + text);
            assertEquals(at.isEmpty() ? 0 : at.get(0), set.longestAt(text, i), "longest word at " + i + " of " + text);
            assertEquals(endingAt, set.longestEndingAt(text, i), "longest word ending at " + i + " of " + text);
        }
    }

    @Test
    void lengthsByCharacterAreTheMapsForEveryCharacter() {
        Map<Character, int[]> by = new HashMap<>();
        by.put('公', new int[]{4, 3, 2});
        by.put('局', new int[]{1});
        by.put('\uD842', new int[]{3}); // a high surrogate, as a word's first unit
        by.put('\0', new int[]{2});
        Lexicons.LengthsByChar table = new Lexicons.LengthsByChar(by);
        for (int c = 0; c < 1 << 16; c++) {
            int[] expected = by.get((char) c);
            int[] got = table.get((char) c);
            if (expected == null) assertEquals(0, got.length, "no lengths at U+" + Integer.toHexString(c));
            else assertArrayEquals(expected, got, "lengths at U+" + Integer.toHexString(c));
        }
        assertEquals(0, new Lexicons.LengthsByChar(Map.of()).get('公').length);
    }

    @Test
    void theGazetteerIsLookedUpByAStretchAsByItsName() {
        Lexicons lex = Lexicons.get();
        String text = "四川省成都市武侯区人民政府和北京市公安局";
        for (int from = 0; from < text.length(); from++) {
            for (int to = from + 1; to <= text.length(); to++) {
                assertEquals(lex.divisions.get(text.substring(from, to)), lex.divisionAt(text, from, to));
            }
        }
        assertTrue(lex.divisionAt(text, 0, 3) != null, "四川省 is in the gazetteer");
        assertNull(lex.divisionAt(text, 0, 0));
    }

    @Test
    void transliterationCharactersAreTheTablesAndTheDictionarysForEveryCharacter() {
        Set<Character> differ = new TreeSet<>();
        int found = 0;
        for (int c = 0; c < 1 << 16; c++) {
            boolean expected = ForeignNames.TRANSLITERATION.indexOf(c) >= 0
                    || Analysis.isHan((char) c) && TranslatedPersonDictionary.containsKey(String.valueOf((char) c));
            if (expected != ForeignNames.transliterationChar((char) c)) differ.add((char) c);
            if (expected) found++;
        }
        assertEquals(Collections.emptySet(), differ);
        assertTrue(found > ForeignNames.TRANSLITERATION.length(), "the dictionary adds characters to the table's " + found);
    }

    @Test
    void personEvidenceByCharacterIsTheDictionarysForEveryCharacter() {
        int surnames = 0;
        for (int c = 0; c < 1 << 16; c++) {
            String w = String.valueOf((char) c);
            EnumItem<NR> item = PersonDictionary.dictionary.get(w);
            int given = item == null ? 0 : item.getFrequency(NR.C) + item.getFrequency(NR.D) + item.getFrequency(NR.E);
            double share = 0;
            if (item != null) {
                int b = item.getFrequency(NR.B);
                int other = item.getFrequency(NR.K) + item.getFrequency(NR.L) + item.getFrequency(NR.M) + CoreDictionary.getTermFrequency(w);
                share = b / (double) Math.max(1, b + other);
            }
            assertEquals(given, NameModel.givenUses((char) c), "given-name uses of U+" + Integer.toHexString(c));
            assertEquals(share, NameModel.surnameShare((char) c), "surname share of U+" + Integer.toHexString(c));
            if (share >= 0.5) surnames++;
        }
        assertTrue(NameModel.surnameShare('王') >= 0.5 && NameModel.givenUses('伟') > 0 && surnames > 100, surnames + " surnames");
    }

    /** The example edition's sources as text (each file's bytes as UTF-8, which the lookups need not be valid). */
    private static List<String> exampleTexts() throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(Path.of("tei", "sources"))) {
            for (Path f : files.sorted().toList()) texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        assertTrue(texts.size() >= 5 && texts.stream().mapToInt(String::length).sum() > 10_000, "the example sources: " + texts.size());
        return texts;
    }

    /** The longest stretch the reference lookups below try: longer than any word of the lists. */
    private static final int LONGEST = 24;

    @Test
    void theRecognisersWordListsAnswerOnTheExampleSourcesAsTheirWordsDo() throws Exception {
        Lexicons lex = Lexicons.get();
        List<Lexicons.WordSet> sets = new ArrayList<>(List.of(lex.offices, lex.titleBodies, lex.titleModifiers, lex.centralOrgs,
                lex.orgPrefixes, lex.orgSuffixes, lex.orgStems, lex.mediaHeads, lex.teamHeads, lex.branchHeads, lex.missionHeads,
                lex.speechVerbs, lex.honorifics, lex.bylineLabels, lex.listIntros, lex.occupations));
        sets.addAll(lex.minorityNameParts);
        int found = 0;
        for (String text : exampleTexts()) {
            for (Lexicons.WordSet set : sets) {
                for (int i = 0; i <= text.length(); i++) {
                    List<Integer> at = new ArrayList<>();
                    int endingAt = 0;
                    for (int len = Math.min(LONGEST, text.length() - i); len >= 1; len--) if (set.contains(text.substring(i, i + len))) at.add(len);
                    for (int len = Math.min(LONGEST, i); len >= 1 && endingAt == 0; len--) if (set.contains(text.substring(i - len, i))) endingAt = len;
                    assertEquals(at, set.allAt(text, i), "words at " + i);
                    assertEquals(at.isEmpty() ? 0 : at.get(0), set.longestAt(text, i), "longest word at " + i);
                    assertEquals(endingAt, set.longestEndingAt(text, i), "longest word ending at " + i);
                    found += at.size();
                }
            }
            for (int from = 0; from < text.length(); from++) {
                for (int to = from + 1; to <= Math.min(text.length(), from + lex.longestDivisionName); to++) {
                    Lexicons.Division d = lex.divisions.get(text.substring(from, to));
                    assertEquals(d, lex.divisionAt(text, from, to), "division at [" + from + ", " + to + ")");
                    if (d != null) found++;
                }
            }
        }
        assertTrue(found > 1000, found + " words and divisions found");
    }
}
