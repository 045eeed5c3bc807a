package org.jiaokan.script;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import org.jiaokan.model.Script;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The script as it was told before the changes were counted on the conversions' walks: from both converted texts. */
    private static Script fromConvertedTexts(String text) {
        String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        int tradOnly = searched(sample, ScriptConverter.toSimplified(sample));
        int simpOnly = searched(sample, ScriptConverter.toTraditional(sample));
        return tradOnly > simpOnly ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    /**
     * Characters of both scripts, of words the tables convert as a whole (後/后, 乾/干, 麵/面, 裡/里), of phrases that
     * change the text's length (士多啤梨, 筆記簿型電腦), of characters whose other form is outside the BMP, and of none.
     */
    private static final String POOL = "会議议强調调买買了國国家机機關关工作人员員應应當当说說明來来源后後乾干幹发發髮面麵里裡裏士多啤梨筆記簿型電腦脑"
            + "本笔记的，。 a1\n\ud800"
            // characters whose other form is outside the BMP, in both tables: the converted text's length changes
            + "㓆㛟㑮㒓𠗣𡞵";

    private static String text(List<Integer> picks) {
        StringBuilder sb = new StringBuilder();
        for (int p : picks) sb.append(POOL.charAt(p % POOL.length()));
        return sb.toString();
    }

    @Property(tries = 3000)
    void theCountedChangesAreTheConvertedTextsDifferences(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 999) Integer> picks,
                                                         @ForAll @IntRange(min = 0, max = 40) int enough) {
        String a = text(picks);
        check(a, ScriptConverter.toSimplified(a), ScriptConverter.changesToSimplified(a, Integer.MAX_VALUE),
                ScriptConverter.changesToSimplified(a, enough), enough);
        check(a, ScriptConverter.toTraditional(a), ScriptConverter.changesToTraditional(a, Integer.MAX_VALUE),
                ScriptConverter.changesToTraditional(a, enough), enough);
    }

    /** A count made on the walk is the positions where the converted text differs, or -1 where the length changed. */
    private static void check(String a, String converted, int all, int upTo, int enough) {
        if (all < 0) {
            assertEquals(-1, upTo);
            return;
        }
        assertEquals(a.length(), converted.length(), "a count where the length changed: " + a);
        assertEquals(searched(a, converted), all, a);
        // counted until there are enough: the count itself below that; at least that many otherwise, or -1 where a word
        // whose form has another length may start in what is left after the count stopped
        if (all < enough) assertEquals(all, upTo, a);
        else assertTrue(upTo >= enough && upTo <= all || upTo == -1, a);
    }

    /** Each table's bound without the walk is a bound: where it is given, the walk's count is given and not above it. */
    @Property(tries = 3000)
    void theBoundWithoutTheWalkBoundsTheCount(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 999) Integer> picks) {
        String a = text(picks);
        bounds(a, ScriptConverter.changesToTraditionalAtMost(a), ScriptConverter.changesToTraditional(a, Integer.MAX_VALUE));
        bounds(a, ScriptConverter.changesToSimplifiedAtMost(a), ScriptConverter.changesToSimplified(a, Integer.MAX_VALUE));
    }

    private static void bounds(String a, int most, int all) {
        if (most >= 0) assertTrue(all >= 0 && all <= most, a + ": " + all + " > " + most);
    }

    /**
     * Both bounds taken in one look at each unit are each table's own; where both are given, the counts that do not look
     * again at what is left after they stop are the counts that do.
     */
    @Property(tries = 3000)
    void bothBoundsAtOnceAreEachTablesBound(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 999) Integer> picks,
                                            @ForAll @IntRange(min = 0, max = 40) int enough) {
        String a = text(picks);
        int[] both = ScriptConverter.changesAtMostBoth(a);
        assertEquals(ScriptConverter.changesToSimplifiedAtMost(a), both[0], a);
        assertEquals(ScriptConverter.changesToTraditionalAtMost(a), both[1], a);
        if (both[0] >= 0 && both[1] >= 0) {
            assertEquals(ScriptConverter.changesToSimplified(a, enough), ScriptConverter.changesToSimplifiedWithoutLengthChanges(a, enough), a);
            assertEquals(ScriptConverter.changesToTraditional(a, enough), ScriptConverter.changesToTraditionalWithoutLengthChanges(a, enough), a);
        }
    }

    /** Where the bounds tell the script, it is the one the converted texts tell. */
    @Property(tries = 3000)
    void theBoundsTellTheScriptTheConvertedTextsTell(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 999) Integer> picks) {
        String a = text(picks);
        Script bounded = ScriptDetector.byBounds(a);
        if (bounded != null) assertEquals(fromConvertedTexts(a), bounded, a);
    }

    @Property(tries = 3000)
    void theScriptIsTheOneTheConvertedTextsTell(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 999) Integer> picks) {
        String a = text(picks);
        assertEquals(fromConvertedTexts(a), ScriptDetector.detect(a), a);
    }

    /**
     * A text whose count would stop early, with a character further on whose traditional form is outside the BMP: the
     * converted text's length changes there, and the converted texts are compared another way (found by the property
     * above when the count did not look at what was left).
     */
    @Test
    void aCharacterFurtherOnThatChangesTheLengthIsSeen() {
        String a = "会".repeat(27) + "議".repeat(23) + "后了里里" + "了".repeat(15) + "议后里" + "議".repeat(5) + "了了了" + "議議議㓆";
        assertEquals(fromConvertedTexts(a), ScriptDetector.detect(a));
        assertEquals(Script.TRADITIONAL, ScriptDetector.detect(a));
    }

    @Test
    void theExampleSourcesAreToldTheirScriptAsBefore() throws IOException {
        Path sources = Path.of("tei/sources");
        int told = 0, byBounds = 0;
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(fromConvertedTexts(text), ScriptDetector.detect(text), f.toString());
                String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
                Script bounded = ScriptDetector.byBounds(sample);
                if (bounded != null) {
                    assertEquals(fromConvertedTexts(text), bounded, f.toString());
                    byBounds++;
                }
                told++;
            }
        }
        assertTrue(told >= 2, "example sources read: " + told);
        assertTrue(byBounds >= 1, "told by the bounds: " + byBounds + " of " + told);
    }
}
