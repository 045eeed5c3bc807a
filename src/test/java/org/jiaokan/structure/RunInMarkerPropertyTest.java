package org.jiaokan.structure;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick test {@link Enumerations#runInLists} starts with (a numeral right before 是 or 要) never turns away a
 * paragraph the marker pattern finds something in.
 */
class RunInMarkerPropertyTest {

    @Provide
    Arbitrary<String> paragraphs() {
        // the numerals, both verbs, the punctuation and spaces the pattern's look-behind takes, and other characters
        return Arbitraries.strings().withChars("一二三四五六七八九十是要，,；;。：:！!？?、）) \t\n会议抓好落实百零两\u000B\f\r".toCharArray())
                .ofMinLength(0).ofMaxLength(40);
    }

    @Property(tries = 20000)
    void noMarkerIsTurnedAway(@ForAll("paragraphs") String text) {
        if (Enumerations.RUN_IN.matcher(text).find()) {
            assertTrue(Enumerations.anyMarkerVerb(text), text);
        } else {
            assertEquals(java.util.List.of(), Enumerations.runInLists(text), text);
        }
    }

    /** The scan for markers finds what the pattern's matcher finds, one after the other: the same places, the same verbs. */
    @Property(tries = 20000)
    void theScanFindsThePatternsMatches(@ForAll("paragraphs") String text) {
        StringBuilder byPattern = new StringBuilder();
        java.util.regex.Matcher m = Enumerations.RUN_IN.matcher(text);
        while (m.find()) byPattern.append(m.start()).append('-').append(m.end(1)).append(' ');
        StringBuilder byScan = new StringBuilder();
        for (long k = Enumerations.nextMarker(text, 0); k >= 0; k = Enumerations.nextMarker(text, (int) k + 1)) {
            byScan.append(k >>> 32).append('-').append((int) k).append(' ');
        }
        assertEquals(byPattern.toString(), byScan.toString(), text);
    }
}
