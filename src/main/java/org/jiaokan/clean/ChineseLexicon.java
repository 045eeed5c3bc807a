package org.jiaokan.clean;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.dictionary.py.PinyinDictionary;
import org.jiaokan.script.ScriptConverter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The language resources the cleaning rules consult (HanLP's word and pinyin dictionaries and its
 * script converter), behind a few plain questions.
 *
 * <p>HanLP loads each dictionary in the static initialiser of its class, so the data is read once,
 * on first use, and the JVM's class-initialisation lock makes that thread-safe. Nothing here is
 * touched until a rule actually needs a lookup, which keeps lines without candidates cheap.
 */
final class ChineseLexicon {

    private ChineseLexicon() {}

    /** The simplified-script form of a text (character by character where HanLP has no phrase). */
    static String toSimplified(String text) {
        return ScriptConverter.toSimplified(text);
    }

    /** The traditional-script form of a text. */
    static String toTraditional(String text) {
        return ScriptConverter.toTraditional(text);
    }

    /** True if the simplified form of {@code word} is a word of HanLP's core dictionary. */
    static boolean isWord(String simplifiedWord) {
        return CoreDictionary.contains(simplifiedWord);
    }

    /** The core dictionary's corpus frequency of a simplified word, 0 when unknown. */
    static int frequency(String simplifiedWord) {
        return CoreDictionary.getTermFrequency(simplifiedWord);
    }

    /**
     * Frequency of a simplified word for a word lattice: the core dictionary's frequency where it has
     * one; otherwise {@link #VOCABULARY_FREQUENCY} for a word of HanLP's synonym thesaurus (CoreSynonym,
     * tens of thousands of common words the core dictionary lacks or lists without frequency) and
     * {@link #NUMERAL_FREQUENCY} for a numeral (a run of Chinese numeral characters, alone or followed
     * by one common measure word); 0 when unknown.
     */
    static int latticeFrequency(String simplifiedWord) {
        int f = CoreDictionary.getTermFrequency(simplifiedWord);
        if (f > 0) return f;
        if (isNumeral(simplifiedWord)) return NUMERAL_FREQUENCY;
        return Thesaurus.WORDS.contains(simplifiedWord) ? VOCABULARY_FREQUENCY : 0;
    }

    /** Lattice frequency of a common word known only from the thesaurus. */
    static final int VOCABULARY_FREQUENCY = 20;
    /** Lattice frequency of a numeral with or without its measure word. */
    static final int NUMERAL_FREQUENCY = 200;
    private static final String NUMERALS = "一二三四五六七八九十百千万亿零两〇";
    private static final String MEASURES = "名个起人次件家处项年月日余多批位条种";

    /**
     * True for a word of two or more characters made of Chinese numeral characters, optionally ending
     * in one common measure word or approximation (名, 个, 起, 余, 多 …).
     */
    static boolean isNumeral(String word) {
        int n = word.length();
        if (n < 2) return false;
        int digits = MEASURES.indexOf(word.charAt(n - 1)) >= 0 ? n - 1 : n;
        if (digits < 1) return false;
        for (int i = 0; i < digits; i++) if (NUMERALS.indexOf(word.charAt(i)) < 0) return false;
        return true;
    }

    /** Holder so the thesaurus is read on first use only. */
    private static final class Thesaurus {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>(1 << 17);
            try (InputStream in = HanLP.class.getClassLoader().getResourceAsStream("data/dictionary/synonym/CoreSynonym.txt")) {
                if (in == null) return Set.of();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String l; (l = r.readLine()) != null; ) {
                    String[] parts = l.strip().split(" ");
                    // the first item is the category code (e.g. Hc10A06#), the others are words
                    for (int i = 1; i < parts.length; i++) {
                        String w = parts[i];
                        if (w.length() >= 2 && w.length() <= 4) words.add(w);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return words;
        }
    }

    /** The core dictionary's id of a simplified word, -1 when unknown. */
    static int wordId(String simplifiedWord) {
        return CoreDictionary.getWordID(simplifiedWord);
    }

    /** How often the word with id {@code b} follows the word with id {@code a} in HanLP's corpus (word bigram table). */
    static int followFrequency(int a, int b) {
        return a < 0 || b < 0 ? 0 : CoreBiGramTableDictionary.getBiFrequency(a, b);
    }

    /** True for a character HanLP would write differently in traditional script and that is already simplified. */
    static boolean isSimplifiedOnly(char c) {
        String s = String.valueOf(c);
        return toSimplified(s).equals(s) && !toTraditional(s).equals(s);
    }

    /**
     * All readings the pinyin dictionary knows for one character, trying its simplified form too: worked out once per
     * character (the dictionary and the conversion do not change), as each gloss of converter pinyin asks again.
     */
    static List<Pinyin> readings(char c) {
        List<Pinyin> known = READINGS.get(c);
        if (known == null) {
            known = readingsOf(c);
            READINGS.set(c, known);
        }
        return known;
    }

    /** {@link #readings} of each character asked for so far (a race makes the same list twice, and either stays). */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<List<Pinyin>> READINGS =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(0x10000);

    private static List<Pinyin> readingsOf(char c) {
        Set<Pinyin> all = new HashSet<>();
        String s = String.valueOf(c);
        addReadings(all, s);
        String simplified = toSimplified(s);
        if (!simplified.equals(s)) addReadings(all, simplified);
        return all.isEmpty() ? List.of() : List.copyOf(all);
    }

    private static void addReadings(Set<Pinyin> into, String key) {
        Pinyin[] found = PinyinDictionary.get(key);
        if (found != null) Collections.addAll(into, found);
    }

    /** True if {@code toneless} (lower case, "ü" as written) is a syllable of Mandarin pinyin. */
    static boolean isSyllable(String toneless) {
        return Syllables.ALL.contains(toneless);
    }

    /** Holder so the syllable inventory is built on first use only. */
    private static final class Syllables {
        static final Set<String> ALL = Set.copyOf(Arrays.stream(Pinyin.values())
                .map(p -> p.getPinyinWithoutTone().replace('v', 'ü'))
                .filter(s -> !s.equals("none"))
                .toList());
    }
}
