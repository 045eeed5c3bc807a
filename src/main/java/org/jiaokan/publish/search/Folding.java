package org.jiaokan.publish.search;

import org.jiaokan.script.ScriptConverter;

import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalisation shared by the index and the query: NFKC, traditional→simplified folding character by
 * character (HanLP's converter on each character alone, so that the browser can apply the same table),
 * lower case, and only letters and decimal digits kept. The browser's copy of the table is written into the
 * index ({@link #table(java.util.function.IntPredicate)}), so a query folds exactly as the text did.
 */
public final class Folding {
    /**
     * The folded form of each code point of the folded ranges, found on first use: 0 where not yet found (every
     * folded form is a character, never 0). Any thread may find one; all find the same, so a plain array does,
     * and the text's every character costs a look-up without a boxed key.
     */
    private static final int[] CACHE = new int[(0x9FFF - 0x3400 + 1) + (0xFAFF - 0xF900 + 1) + (0x2A6DF - 0x20000 + 1)];
    private static volatile Map<Integer, Integer> fullTable;

    private Folding() {}

    /** The simplified form of one code point (itself when HanLP has no single-character mapping). */
    public static int fold(int cp) {
        // Only the ranges the browser's table covers (see fullTable), so that both sides fold alike.
        if (!(cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0x20000 && cp <= 0x2A6DF)) return cp;
        int slot = cp <= 0x9FFF ? cp - 0x3400 : cp <= 0xFAFF ? (0x9FFF - 0x3400 + 1) + cp - 0xF900
                : (0x9FFF - 0x3400 + 1) + (0xFAFF - 0xF900 + 1) + cp - 0x20000;
        int f = CACHE[slot];
        if (f != 0) return f;
        String s = new String(Character.toChars(cp));
        String t = ScriptConverter.toSimplified(s);
        f = t != null && t.codePointCount(0, t.length()) == 1 ? t.codePointAt(0) : cp;
        CACHE[slot] = f;
        return f;
    }

    /** Whether a code point takes part in matching (letters and decimal digits; punctuation and space do not). */
    static boolean matches(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * The matching form of a text: one entry per kept character, each with the offset of the original
     * character it comes from (UTF-16 index into {@code text}).
     */
    public static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] offsets = new int[text.length() + 4];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            String nf = isPlain(cp) ? null : Normalizer.normalize(text.substring(i, i + len), Normalizer.Form.NFKC);
            if (nf == null) {
                if (n + 2 >= offsets.length) offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2 + 8);
                n = keep(cp, i, out, offsets, n);
            } else {
                for (int j = 0; j < nf.length(); ) {
                    int c = nf.codePointAt(j);
                    j += Character.charCount(c);
                    if (n + 2 >= offsets.length) offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2 + 8);
                    n = keep(c, i, out, offsets, n);
                }
            }
            i += len;
        }
        return new Folded(out.toString(), java.util.Arrays.copyOf(offsets, n));
    }

    private static boolean isPlain(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }

    /**
     * For each code point of the BMP: its lower case where it takes part in matching, 0 where it does not, and
     * {@code SLOW} where its lower case is outside the BMP. Made once from {@link #matches} and
     * {@link Character#toLowerCase(int)}, so the answers are theirs; the text's every character then costs a
     * look-up instead of two of Java's property searches.
     */
    private static final char[] BMP_LOWER = bmpLower();
    private static final char SLOW = 0xFFFF;

    private static char[] bmpLower() {
        char[] t = new char[0x10000];
        for (int c = 0; c < 0x10000; c++) {
            if (c == SLOW || !matches(c)) continue;
            int l = Character.toLowerCase(c);
            t[c] = l <= 0xFFFF && l != 0 && l != SLOW ? (char) l : SLOW;
        }
        return t;
    }

    private static int keep(int cp, int origin, StringBuilder out, int[] offsets, int n) {
        int lower;
        char l = cp <= 0xFFFF ? BMP_LOWER[cp] : SLOW;
        if (l == 0) return n;
        if (l != SLOW) {
            lower = l;
        } else {
            if (!matches(cp)) return n;
            lower = Character.toLowerCase(cp);
        }
        int c = fold(lower);
        out.appendCodePoint(c);
        // Index by code point: the folded text is code points, the offsets array parallel to them.
        offsets[n] = origin;
        return n + 1;
    }

    /**
     * The folding table the browser needs: every traditional (or variant) character HanLP maps to a single
     * other character, where either side occurs among {@code corpusChars} (folded corpus characters), so that
     * a query typed in the other script folds to what the index holds.
     */
    public static Map<Integer, Integer> table(java.util.function.IntPredicate corpusChars) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : fullTable().entrySet()) {
            if (corpusChars.test(e.getValue())) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static Map<Integer, Integer> fullTable() {
        Map<Integer, Integer> t = fullTable;
        if (t != null) return t;
        Map<Integer, Integer> m = new TreeMap<>();
        // The same ranges as fold(int).
        int[][] ranges = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}};
        for (int[] r : ranges) {
            for (int cp = r[0]; cp <= r[1]; cp++) {
                if (!Character.isDefined(cp)) continue;
                String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                if (s.codePointCount(0, s.length()) != 1) continue;
                int f = fold(s.codePointAt(0));
                // NFKC is applied by the browser itself; the table carries only the folding.
                if (f != cp && s.codePointAt(0) == cp) m.put(cp, f);
            }
        }
        fullTable = m;
        return m;
    }

    /** A folded text: its code points and, for each, the UTF-16 offset of its original character. */
    public record Folded(String text, int[] offsets) {
        /** The folded code points. */
        public int[] codePoints() {
            return text.codePoints().toArray();
        }
    }
}
