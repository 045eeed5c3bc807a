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
    /** The numerals of run-in markers. */
    private static final String RUN_IN_NUMERALS = "一二三四五六七八九十";
    /** An item marker inside a paragraph: 一是, 二要, at the start or after a punctuation mark (package-private for tests). */
    static final Pattern RUN_IN = Pattern.compile(
            "(?<=^|[，,；;。：:！!？?、）)\\s])([" + RUN_IN_NUMERALS + "]{1,2})([是要])");

    /**
     * The next match of {@link #RUN_IN} in {@code text} from {@code from}, as its matcher finds them one after the other
     * (the next search starting after the verb): its start in the high 32 bits, where its verb is in the low ones; -1
     * where there is none. One look at each character, and the look-behind only before a numeral, where the pattern
     * tries its look-behind at every place.
     */
    static long nextMarker(String text, int from) {
        int n = text.length();
        for (int i = from; i + 1 < n; i++) {
            if (RUN_IN_NUMERALS.indexOf(text.charAt(i)) < 0) continue;
            if (i > 0 && RUN_IN_BEFORE.indexOf(text.charAt(i - 1)) < 0) continue;
            // [numerals]{1,2} takes two where it can, then one
            if (i + 2 < n && RUN_IN_NUMERALS.indexOf(text.charAt(i + 1)) >= 0 && isMarkerVerb(text.charAt(i + 2))) {
                return (long) i << 32 | (i + 2);
            }
            if (isMarkerVerb(text.charAt(i + 1))) return (long) i << 32 | (i + 1);
        }
        return -1;
    }

    /** What may stand right before a marker's numeral in {@link #RUN_IN}'s look-behind (besides the text's start). */
    private static final String RUN_IN_BEFORE = "，,；;。：:！!？?、）) \t\n\u000B\f\r";

    private static boolean isMarkerVerb(char c) {
        return c == '是' || c == '要';
    }

    /** Whether {@code text} has 是 or 要 right after a numeral, as every match of {@link #RUN_IN} has. */
    static boolean anyMarkerVerb(String text) {
        for (int k = 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c == '是' || c == '要') && RUN_IN_NUMERALS.indexOf(text.charAt(k - 1)) >= 0) return true;
        }
        return false;
    }

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
     * One enumeration inside a paragraph (一是…二是…三是…): where its items begin, and where its last item
     * ends (the paragraph's end, or the end of the sentence before the lead-in of the next enumeration).
     */
    public record RunIn(List<Integer> starts, int end) {}

    /** Sentence ends that close the last item of an enumeration followed by another one. */
    private static final String SENTENCE_ENDS = "。！!？?；;";

    /**
     * The offsets at which the items of the enumerations inside one paragraph begin, all series in order
     * (see {@link #runInLists}). Empty when the paragraph holds no such enumeration.
     */
    public static List<Integer> runInItems(String text) {
        List<Integer> starts = new ArrayList<>();
        for (RunIn r : runInLists(text)) starts.addAll(r.starts());
        return List.copyOf(starts);
    }

    /**
     * The enumerations inside one paragraph: each at least two markers with the same verb, numbered one,
     * two, … in order. A paragraph may hold several (会议要求，…。一是…二是…。会议强调，…：一是…二是…):
     * a marker numbered one after a series of two or more starts the next series, and the last item of
     * the earlier series ends with the sentence before the next series' lead-in. The text before the first
     * series is the lead-in; text between series belongs to the paragraph.
     */
    public static List<RunIn> runInLists(String text) {
        // Every marker has a numeral right before its 是 or 要: a paragraph without one (nearly all) is done at once,
        // without the pattern's look-behind tried at each of its characters.
        if (!anyMarkerVerb(text)) return List.of();
        List<List<Integer>> series = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        char verb = 0;
        for (long marker = nextMarker(text, 0); marker >= 0; marker = nextMarker(text, (int) marker + 1)) {
            int start = (int) (marker >>> 32);
            int verbAt = (int) marker;
            int n = number(text.substring(start, verbAt));
            if (n == 1 && (current.isEmpty() || current.size() >= 2)) {
                if (current.size() >= 2) series.add(current);
                current = new ArrayList<>();
                current.add(start);
                verb = text.charAt(verbAt);
            } else if (!current.isEmpty() && n == current.size() + 1 && text.charAt(verbAt) == verb) {
                current.add(start);
            }
        }
        if (current.size() >= 2) series.add(current);
        // A series with an item too short to be one (一是一，二是二) is no enumeration; the others are
        // measured again without it, since their ends depend on their neighbours.
        while (true) {
            List<RunIn> lists = withEnds(text, series);
            int bad = -1;
            for (int i = 0; i < lists.size() && bad < 0; i++) {
                RunIn r = lists.get(i);
                for (int k = 0; k < r.starts().size(); k++) {
                    int end = k + 1 < r.starts().size() ? r.starts().get(k + 1) : r.end();
                    String item = text.substring(r.starts().get(k), end).strip();
                    if (item.codePointCount(0, item.length()) < RUN_IN_MIN) bad = i;
                }
            }
            if (bad < 0) return lists;
            series.remove(bad);
        }
    }

    private static List<RunIn> withEnds(String text, List<List<Integer>> series) {
        List<RunIn> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            List<Integer> starts = series.get(i);
            int end = text.length();
            if (i + 1 < series.size()) {
                int next = series.get(i + 1).get(0);
                int last = starts.get(starts.size() - 1);
                end = next;
                // The next series' lead-in is the sentence before it; the item ends where that sentence starts.
                for (int j = next - 2; j > last; j--) {
                    if (SENTENCE_ENDS.indexOf(text.charAt(j)) >= 0) {
                        end = j + 1;
                        break;
                    }
                }
            }
            out.add(new RunIn(List.copyOf(starts), end));
        }
        return out;
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
