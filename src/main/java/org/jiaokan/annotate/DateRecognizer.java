package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese and ISO dates. The key is the XML Schema value TEI takes in {@code @when}: "2019-05-30",
 * "2019-05", "2019", or "--05-30" (gMonthDay) when the expression itself names no year. A year is
 * never borrowed from elsewhere in the document: the annotator sees one paragraph, and a guessed
 * year would be an unmarked editorial conjecture. Relative dates (今年, 昨天) are left alone.
 */
final class DateRecognizer {

    private static final String NUM = "[0-9０-９]";
    private static final String CN_DIGIT = "[〇零○一二三四五六七八九]";
    private static final String CN_SMALL = "[一二三四五六七八九十]";

    static final Pattern CHINESE = Pattern.compile(
            "(?<![0-9０-９])(?:(?<y>" + NUM + "{4}|" + CN_DIGIT + "{4})年(?<yd>度)?)?"
                    + "(?:(?<m>" + NUM + "{1,2}|" + CN_SMALL + "{1,3})月"
                    + "(?:(?<d>" + NUM + "{1,2}|" + CN_SMALL + "{1,3})[日号])?)?");

    private static final Pattern ISO = Pattern.compile(
            "(?<![0-9０-９])(" + NUM + "{4})([-/.])(" + NUM + "{1,2})\\2(" + NUM + "{1,2})(?![0-9０-９])"
                    + "(?:(?:[ \\u3000\\u00a0]+|T)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9]))?");

    private static final Pattern TIME = Pattern.compile("[ \\u3000\\u00a0]*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9])");

    private static final double CONFIDENCE = 0.95;

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        Matcher m = CHINESE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        // A date of this kind holds 年 or 月: a text with neither is not scanned.
        int first = s.indexOf('年') >= 0 || s.indexOf('月') >= 0 ? 0 : s.length();
        for (int from = first; nextChinese(m, s, from); from = m.end()) {
            String y = m.group("y");
            String mo = m.group("m");
            String d = m.group("d");
            if (y == null && (mo == null || d == null)) continue;   // a bare month (9月份) says too little
            int year = y == null ? -1 : number(y);
            int month = mo == null ? -1 : number(mo);
            int day = d == null ? -1 : number(d);
            if (y != null && (year < 1000 || year > 2999)) continue;
            if (mo != null && (month < 1 || month > 12)) continue;
            if (d != null && (day < 1 || day > 31)) continue;
            int end = m.end();
            String key;
            if (year > 0 && month > 0 && day > 0) {
                key = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                // A time of day after the date (2020年3月25日 18:08) belongs to the same moment.
                Matcher t = TIME.matcher(s).region(end, s.length());
                if (t.lookingAt()) {
                    int h = number(t.group(1));
                    int min = number(t.group(2));
                    int sec = t.group(3) == null ? 0 : number(t.group(3));
                    if (h < 24 && min < 60 && sec < 60) {
                        key += String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d", h, min, sec);
                        end = t.end();
                    }
                }
                out.add(new Candidate(m.start(), end, EntityType.DATE, key, CONFIDENCE, ""));
                continue;
            }
            if (year > 0 && month > 0) key = String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
            else if (year > 0) key = String.format(java.util.Locale.ROOT, "%04d", year);
            else key = String.format(java.util.Locale.ROOT, "--%02d-%02d", month, day);
            out.add(new Candidate(m.start(), end, EntityType.DATE, key, CONFIDENCE, ""));
        }
        Matcher iso = ISO.matcher(s);
        // An ISO date has a separator: a text without one has none (and is not scanned).
        boolean separator = s.indexOf('-') >= 0 || s.indexOf('/') >= 0 || s.indexOf('.') >= 0;
        while (separator && iso.find()) {
            int year = number(iso.group(1));
            int month = number(iso.group(3));
            int day = number(iso.group(4));
            if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) continue;
            String key = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            int end = iso.end(4);
            // A time of day after the date (2020-03-25 18:08:57) belongs to the same moment.
            if (iso.group(5) != null) {
                int h = number(iso.group(5));
                int min = number(iso.group(6));
                int sec = iso.group(7) == null ? 0 : number(iso.group(7));
                if (h < 24 && min < 60 && sec < 60) {
                    key += String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d", h, min, sec);
                    end = iso.end();
                }
            }
            out.add(new Candidate(iso.start(), end, EntityType.DATE, key, CONFIDENCE, ""));
        }
    }

    /**
     * Moves {@code m} (a matcher of {@link #CHINESE} over {@code s}, with transparent bounds) to the first match
     * that is not empty at or after {@code from}, and says whether there is one: what {@code m.find()} skipping
     * empty matches finds. The pattern matches the empty string everywhere, so {@code find} tries it at every
     * character; a match that is not empty begins with a numeral, so only numerals are tried, each as
     * {@code find} tries it there (the region starts at it; the look-behind sees the text before it).
     */
    static boolean nextChinese(Matcher m, String s, int from) {
        int n = s.length();
        for (int p = from; p < n; p++) {
            if (!opensChinese(s.charAt(p))) continue;
            m.region(p, n);
            if (m.lookingAt() && m.end() > p) return true;
        }
        return false;
    }

    /** The characters a match of {@link #CHINESE} that is not empty begins with: its numerals. */
    private static boolean opensChinese(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || c == '〇' || c == '零' || c == '○' || c == '十'
                || (c >= '一' && CN_NUMERALS.indexOf(c) >= 0);
    }

    private static final String CN_NUMERALS = "一二三四五六七八九";

    /** Arabic (also full-width) or Chinese numerals, positional (二〇一五) or with 十 (二十五). */
    static int number(String t) {
        boolean arabic = true;
        for (int i = 0; i < t.length(); i++) if (Character.digit(t.charAt(i), 10) < 0) arabic = false;
        if (arabic) {
            int v = 0;
            for (int i = 0; i < t.length(); i++) v = v * 10 + Character.digit(t.charAt(i), 10);
            return v;
        }
        if (t.indexOf('十') >= 0) {
            int at = t.indexOf('十');
            int tens = at == 0 ? 1 : digit(t.charAt(0));
            int units = at == t.length() - 1 ? 0 : digit(t.charAt(t.length() - 1));
            if (tens < 0 || units < 0) return -1;
            return tens * 10 + units;
        }
        int v = 0;
        for (int i = 0; i < t.length(); i++) {
            int dgt = digit(t.charAt(i));
            if (dgt < 0) return -1;
            v = v * 10 + dgt;
        }
        return v;
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '零', '○' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
