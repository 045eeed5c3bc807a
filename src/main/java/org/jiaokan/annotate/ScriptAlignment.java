package org.jiaokan.annotate;

import com.hankcs.hanlp.HanLP;

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
        String whole = HanLP.convertToSimplifiedChinese(text);
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
            String piece = HanLP.convertToSimplifiedChinese(text.substring(i, i + oLen));
            if (sb.length() + piece.length() >= map.length) map = java.util.Arrays.copyOf(map, map.length * 2);
            for (int k = 0; k < piece.length(); k++) map[sb.length() + k] = i;
            sb.append(piece);
            i += oLen;
        }
        map[sb.length()] = text.length();
        return new ScriptAlignment(text, sb.toString(), java.util.Arrays.copyOf(map, sb.length() + 1));
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
