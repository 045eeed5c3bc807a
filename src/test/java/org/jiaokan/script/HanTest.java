package org.jiaokan.script;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's answers are Java's script of each code point, and counts over texts are those of the code points. */
class HanTest {
    private static boolean java(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    @Test
    void everyCodePointAsJavaSaysAndEveryUnit() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) assertEquals(java(cp), Han.is(cp), Integer.toHexString(cp));
        for (int c = 0; c <= Character.MAX_VALUE; c++) assertEquals(java(c), Han.is((char) c), Integer.toHexString(c));
    }

    @Test
    void countsAndFindsAsTheCodePointsDo() {
        Random r = new Random(7);
        // Han of both planes, Latin, kana, punctuation, a pair's halves alone and in pairs
        int[] pool = {'中', '國', '〇', '々', 'a', '1', 'カ', '，', 0x20000, 0x2A6D6, 0x1F600, 0x3400, 0xFA0E, '⺀'};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(pool.length + 2);
                if (k == pool.length) sb.append('\ud840'); // a high surrogate alone
                else if (k == pool.length + 1) sb.append('\udc00'); // a low one alone
                else sb.appendCodePoint(pool[k]);
            }
            String s = sb.toString();
            long expected = s.codePoints().filter(HanTest::java).count();
            assertEquals(expected, Han.count(s), s);
            assertEquals(expected > 0, Han.any(s), s);
        }
        assertEquals(0, Han.count(""));
        assertFalse(Han.any("abc"));
        assertTrue(Han.any("a\ud840\udc00")); // U+20000
        assertEquals(1, Han.count("\ud840\udc00\ud840"));
    }
}
