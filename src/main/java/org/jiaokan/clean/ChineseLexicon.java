package org.jiaokan.clean;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.dictionary.py.PinyinDictionary;

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
        return HanLP.convertToSimplifiedChinese(text);
    }

    /** The traditional-script form of a text. */
    static String toTraditional(String text) {
        return HanLP.convertToTraditionalChinese(text);
    }

    /** True if the simplified form of {@code word} is a word of HanLP's core dictionary. */
    static boolean isWord(String simplifiedWord) {
        return CoreDictionary.contains(simplifiedWord);
    }

    /** The core dictionary's corpus frequency of a simplified word, 0 when unknown. */
    static int frequency(String simplifiedWord) {
        return CoreDictionary.getTermFrequency(simplifiedWord);
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

    /** All readings the pinyin dictionary knows for one character, trying its simplified form too. */
    static List<Pinyin> readings(char c) {
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
