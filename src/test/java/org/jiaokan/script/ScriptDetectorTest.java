package org.jiaokan.script;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import org.jiaokan.model.Script;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The script of a text, and the measure of difference it is told by, where a phrase of the conversion table changes
 * the text's length: the same counts as searching the converted text character by character (the way it was
 * counted before), on texts holding such phrases, lone surrogates and characters of every kind.
 */
class ScriptDetectorTest {
    /** The count as it was made before: each character of {@code a} searched for in {@code b}. */
    private static int searched(String a, String b) {
        if (a.length() != b.length()) return Math.abs(a.length() - b.length()) + (int) a.chars().filter(c -> b.indexOf(c) < 0).count();
        int n = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) n++;
        return n;
    }

    @Property(tries = 1000)
    void theDifferenceIsTheSearchedOne(@ForAll @StringLength(max = 60) @CharRange(from = '\u4e00', to = '\u4e2f') @CharRange(from = 'a', to = 'e')
            @CharRange(from = '\ud800', to = '\ud801') @CharRange(from = '士', to = '士') @CharRange(from = '多', to = '多') String noise,
            @ForAll @StringLength(max = 30) String any) {
        // the phrases on lines of their own: a word of the table running into one from the text around it would
        // take its first characters, and the phrase would not be converted whole
        String a = noise + "\n士多啤梨\n" + any + "\n筆記簿型電腦\n" + noise;
        String simplified = ScriptConverter.toSimplified(a);
        // the phrases shorten the text by three; characters converted to ones outside the BMP may lengthen it as much
        Assume.that(a.length() != simplified.length());
        assertEquals(searched(a, simplified), ScriptDetector.differing(a, simplified));
        String traditional = ScriptConverter.toTraditional(a);
        assertEquals(searched(a, traditional), ScriptDetector.differing(a, traditional));
        assertEquals(searched(simplified, a), ScriptDetector.differing(simplified, a));
    }

    @Test
    void aLongTextWithSuchAPhraseIsToldItsScript() {
        StringBuilder hant = new StringBuilder();
        StringBuilder hans = new StringBuilder();
        while (hant.length() < 30_000) {
            hant.append("會議強調，買了士多啤梨和筆記簿型電腦的國家機關工作人員應當說明來源。");
            hans.append("会议强调，买了士多啤梨和笔记本电脑的国家机关工作人员应当说明来源。");
        }
        assertEquals(Script.TRADITIONAL, ScriptDetector.detect(hant.toString()));
        assertEquals(Script.SIMPLIFIED, ScriptDetector.detect(hans.toString()));
    }
}
