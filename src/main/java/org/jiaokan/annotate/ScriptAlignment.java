package org.jiaokan.annotate;

import org.jiaokan.script.ScriptConverter;

/**
 * A text's simplified-script form with a map from every simplified offset back to the original,
 * so that recognition can run on simplified text and still report spans of the text as given.
 */
public final class ScriptAlignment {

    final String original;
    final String simplified;
    /** toOriginal[i] = offset in the original where simplified char i comes from; last = original length. */
    private final int[] toOriginal;

    private ScriptAlignment(String original, String simplified, int[] toOriginal) {
        this.original = original;
        this.simplified = simplified;
        this.toOriginal = toOriginal;
    }

    /**
     * Converts the whole text at once, because the converter's phrase table gets words right
     * that char-by-char conversion gets wrong (乾隆 stays, 著名 is not made 着名). Its output is
     * aligned code point by code point with the input when their counts agree, which is the
     * normal case; otherwise the text is converted one code point at a time, which is always
     * alignable.
     */
    public static ScriptAlignment of(String text) {
        String whole = keepSimplifiedForms(text, ScriptConverter.toSimplified(text));
        if (whole.codePointCount(0, whole.length()) == text.codePointCount(0, text.length())) {
            int[] map = new int[whole.length() + 1];
            int i = 0;
            int j = 0;
            while (j < whole.length()) {
                int sLen = Character.charCount(whole.codePointAt(j));
                for (int k = 0; k < sLen; k++) map[j + k] = i;
                j += sLen;
                i += Character.charCount(text.codePointAt(i));
            }
            map[whole.length()] = text.length();
            return new ScriptAlignment(text, whole, map);
        }
        StringBuilder sb = new StringBuilder(text.length());
        int[] map = new int[text.length() * 2 + 1];
        int i = 0;
        while (i < text.length()) {
            int oLen = Character.charCount(text.codePointAt(i));
            String piece = ScriptConverter.toSimplified(text.substring(i, i + oLen));
            if (sb.length() + piece.length() >= map.length) map = java.util.Arrays.copyOf(map, map.length * 2);
            for (int k = 0; k < piece.length(); k++) map[sb.length() + k] = i;
            sb.append(piece);
            i += oLen;
        }
        map[sb.length()] = text.length();
        return new ScriptAlignment(text, sb.toString(), java.util.Arrays.copyOf(map, sb.length() + 1));
    }

    /**
     * Characters that the converter changes although the simplified standard keeps them for some
     * uses: 乾 (乾坤, 萧乾), 於 (the surname 於), 徵 (宫商角徵羽), 夥. In a text that is otherwise
     * simplified they are left as written, so 萧乾 is not made 萧干.
     */
    static final String KEPT_IN_SIMPLIFIED = "乾於徵夥";

    private static String keepSimplifiedForms(String text, String converted) {
        if (converted.length() != text.length()) return converted;
        boolean otherChanges = false;
        boolean kept = false;
        for (int k = 0; k < text.length() && !otherChanges; k++) {
            if (text.charAt(k) == converted.charAt(k)) continue;
            if (KEPT_IN_SIMPLIFIED.indexOf(text.charAt(k)) >= 0) kept = true;
            else otherChanges = true;
        }
        if (otherChanges || !kept) return converted;
        return text;
    }

    /**
     * The simplified form of a personal name at {@code [start, end)} of the simplified text, with
     * the characters of {@link #KEPT_IN_SIMPLIFIED} as the original has them: in a name 於 and 乾
     * are what they are (於立新, 蕭乾 → 萧乾), whatever the script around them.
     */
    String nameKey(int start, int end) {
        String key = simplified.substring(start, end);
        if (simplified.length() != original.length()) return key;
        StringBuilder sb = null;
        for (int k = start; k < end; k++) {
            char o = original.charAt(k);
            if (o == simplified.charAt(k) || KEPT_IN_SIMPLIFIED.indexOf(o) < 0) continue;
            if (sb == null) sb = new StringBuilder(key);
            sb.setCharAt(k - start, o);
        }
        return sb == null ? key : sb.toString();
    }

    /** The simplified-script form of the text. */
    public String simplified() { return simplified; }

    /** Original offset of a simplified start offset. */
    public int originalStart(int simplifiedStart) { return toOriginal[simplifiedStart]; }

    /**
     * Original offset of a simplified end offset (exclusive). A simplified end inside the
     * expansion of one original code point is moved to that code point's end.
     */
    public int originalEnd(int simplifiedEnd) {
        if (simplifiedEnd >= simplified.length()) return original.length();
        int o = toOriginal[simplifiedEnd];
        if (simplifiedEnd > 0 && toOriginal[simplifiedEnd - 1] == o) {
            return o + Character.charCount(original.codePointAt(o));
        }
        return o;
    }
}
