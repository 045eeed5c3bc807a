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
        return Arbitraries.strings().withChars("一二三四五六七八九十是要，,；;。：:！!？?、）) \t\n会议抓好落实百零两".toCharArray())
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
}
