package org.jiaokan.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enumerations as the speeches and circulars of these genres write them: runs of paragraphs led by
 * a dash ({@code ——抓好统筹，…}), runs of numbered paragraphs ({@code 1.} {@code 2、} {@code (1)}
 * {@code （一）} {@code 一、} {@code ①}), and enumerations inside one paragraph
 * ({@code 一是…二是…三是…}, {@code 一要…二要…}).
 */
public final class Enumerations {
    /** Numbering styles: the number is group 1 (or the circled digit itself). */
    private static final Pattern[] NUMBERED = {
            Pattern.compile("^([0-9０-９]{1,2})[.．、](?![0-9０-９])"),
            Pattern.compile("^[(（]([0-9０-９]{1,2})[)）]"),
            Pattern.compile("^[(（]([一二三四五六七八九十]{1,3})[)）]"),
            Pattern.compile("^([一二三四五六七八九十]{1,3})、"),
            Pattern.compile("^([\\u2460-\\u2473])"),
    };
    /** A dash pair and then the item's first word (a line of dashes is a rule, not an item). */
    private static final Pattern DASH = Pattern.compile("^(——|－－|--)[\\s\u3000]*[^\\s\u3000—－-]");
    /** An item marker inside a paragraph: 一是, 二要, at the start or after a punctuation mark. */
    private static final Pattern RUN_IN = Pattern.compile(
            "(?<=^|[，,；;。：:！!？?、）)\\s])([一二三四五六七八九十]{1,2})([是要])");
    /** A run-in item shorter than this (in characters) is a phrase like 一是一，二是二, not an item. */
    private static final int RUN_IN_MIN = 6;

    private Enumerations() {}

    /** True for a line led by a dash (——抓好统筹), the way speeches set out the items of a list. */
    static boolean dashLed(String line) {
        return DASH.matcher(line.strip()).find();
    }

    /**
     * The numbering of a line: its style (index into the numbering patterns) and its number, or
     * null when the line is not numbered.
     */
    static int[] numbering(String line) {
        String t = line.strip();
        for (int style = 0; style < NUMBERED.length; style++) {
            Matcher m = NUMBERED[style].matcher(t);
            if (!m.find()) continue;
            int n = number(m.group(1));
            if (n > 0) return new int[] {style, n};
        }
        return null;
    }

    /**
     * The offsets at which the items of an enumeration inside one paragraph begin (一是…二是…三是…):
     * at least two markers with the same verb, numbered one, two, … in order. Empty when the
     * paragraph holds no such enumeration. The text before the first offset is the lead-in.
     */
    public static List<Integer> runInItems(String text) {
        Matcher m = RUN_IN.matcher(text);
        List<Integer> starts = new ArrayList<>();
        String verb = null;
        while (m.find()) {
            int n = number(m.group(1));
            if (starts.isEmpty()) {
                if (n != 1) continue;
                verb = m.group(2);
                starts.add(m.start());
            } else if (n == starts.size() + 1 && m.group(2).equals(verb)) {
                starts.add(m.start());
            }
        }
        if (starts.size() < 2) return List.of();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String item = text.substring(starts.get(i), end).strip();
            if (item.codePointCount(0, item.length()) < RUN_IN_MIN) return List.of();
        }
        return List.copyOf(starts);
    }

    /** 1 to 99 for Arabic (also fullwidth) digits, Chinese numerals up to 九十九, circled ① to ⑳; 0 otherwise. */
    static int number(String s) {
        if (s.length() == 1 && s.charAt(0) >= '\u2460' && s.charAt(0) <= '\u2473') return s.charAt(0) - '\u2460' + 1;
        if (Character.isDigit(s.charAt(0))) {
            int n = 0;
            for (char c : s.toCharArray()) n = n * 10 + Character.digit(c, 10);
            return n;
        }
        String digits = "一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : 0;
        int tens = ten == 0 ? 1 : ten == 1 ? digits.indexOf(s.charAt(0)) + 1 : 0;
        int units = ten == s.length() - 1 ? 0 : ten == s.length() - 2 ? digits.indexOf(s.charAt(ten + 1)) + 1 : -1;
        return tens <= 0 || units < 0 ? 0 : tens * 10 + units;
    }
}
