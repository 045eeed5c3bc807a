package org.jiaokan.publish.search;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folding's table of lower cases gives, for every code point, what Java's character properties give. */
class FoldingTest {
    /** The folding of one character as defined: NFKC, then each letter or decimal digit lower-cased and folded. */
    private static String reference(int cp) {
        StringBuilder out = new StringBuilder();
        String nf = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        nf.codePoints().forEach(c -> {
            if (Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.appendCodePoint(Folding.fold(Character.toLowerCase(c)));
            }
        });
        return out.toString();
    }

    @Test
    void everyCodePointFoldsAsTheDefinitionSays() {
        int kept = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) continue;
            String expected = reference(cp);
            Folding.Folded f = Folding.fold(new String(Character.toChars(cp)));
            if (!expected.equals(f.text())) {
                assertEquals(expected, f.text(), "U+" + Integer.toHexString(cp).toUpperCase());
            }
            if (!expected.isEmpty()) kept++;
        }
        assertTrue(kept > 100_000, "letters and digits kept: " + kept);
    }

    @Test
    void aTextKeepsTheOffsetsOfItsCharacters() {
        Folding.Folded f = Folding.fold("A 國，b𠀀");
        assertEquals("a国b𠀀", f.text());
        assertEquals(4, f.offsets().length);
        assertEquals(0, f.offsets()[0]);
        assertEquals(2, f.offsets()[1]);
        assertEquals(4, f.offsets()[2]);
        assertEquals(5, f.offsets()[3]);
    }
}
