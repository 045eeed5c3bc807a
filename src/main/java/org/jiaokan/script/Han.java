package org.jiaokan.script;

/**
 * Whether characters are of the Han script ({@link Character.UnicodeScript#HAN}), the test the readers, the cleaner and
 * the publication ask of every character of a text: for the Basic Multilingual Plane looked up in a table made once,
 * instead of Java's binary search over the script ranges at each character.
 */
public final class Han {
    /** {@code Character.UnicodeScript.of(c) == HAN} for every UTF-16 unit (a surrogate is none). */
    private static final boolean[] BMP = new boolean[0x10000];

    static {
        for (int c = 0; c < BMP.length; c++) BMP[c] = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private Han() {}

    /** Whether the code point is of the Han script. */
    public static boolean is(int codePoint) {
        return codePoint >= 0 && codePoint < BMP.length ? BMP[codePoint] : Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Whether the UTF-16 unit is a Han character of the Basic Multilingual Plane (a surrogate is not). */
    public static boolean is(char c) {
        return BMP[c];
    }

    /** The code points of the Han script in {@code s}. */
    public static int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (BMP[c]) {
                n++;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (is(Character.toCodePoint(c, s.charAt(++i)))) n++;
            }
        }
        return n;
    }

    /** Whether {@code s} holds a code point of the Han script. */
    public static boolean any(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (BMP[c]) return true;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    && is(Character.toCodePoint(c, s.charAt(++i)))) return true;
        }
        return false;
    }
}
