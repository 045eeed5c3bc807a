package org.jiaokan.meta;

/** Reads numbers written with Arabic digits or Chinese numerals (一百, 七十五, 二〇一九). */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    /** The value, or -1 when the string is not a number. */
    public static int parse(String s) {
        if (s.isEmpty()) return -1;
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        String t = s.replace('〇', '零').replace('○', '零').replace('兩', '二').replace('两', '二');
        if (t.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            // Digit by digit, as years are written: 二〇一九.
            int v = 0;
            for (char c : t.toCharArray()) {
                int d = DIGITS.indexOf(c);
                if (d < 0) return -1;
                v = v * 10 + d;
            }
            return v;
        }
        int total = 0;
        int digit = 0;
        for (char c : t.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
            } else if (c == '十' || c == '百' || c == '千') {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            } else {
                return -1;
            }
        }
        return total + digit;
    }
}
