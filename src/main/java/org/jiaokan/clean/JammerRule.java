package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds anti-scraping "jammer" strings that forum software hides in posts (runs of short random
 * ASCII tokens) and whole lines of stray punctuation, and marks them as {@code surplus}.
 *
 * <p>Forum jammers (Discuz! is the common source) are made of tokens of one to three printable ASCII
 * characters, a letter or bracket followed by a digit or punctuation mark, joined by single spaces.
 * They may touch the surrounding Chinese text without a space. A run is accepted only when it looks
 * random: most tokens mix letters with digits or punctuation, several punctuation marks occur, and the
 * token shapes vary, which rules out lists ({@code A. B. C.}), formulas ({@code x = 1, y = 2}) and English.
 */
public final class JammerRule implements CleaningRule {

    static final String REASON = "jammer";
    static final String STRAY_REASON = "stray-mark";

    private static final int MAX_TOKEN = 3;
    private static final int MIN_TOKENS = 3;
    private static final int HIGH_TOKENS = 5;

    @Override
    public String name() { return "jammer"; }

    @Override
    public String description() {
        return "Anti-scraping jammer strings (runs of short random ASCII tokens) and lines of stray punctuation "
                + "are kept as surplus with reason \"jammer\" or \"stray-mark\".";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        Intervention stray = strayMark(line);
        if (stray != null) {
            out.add(stray);
            return out;
        }
        List<int[]> tokens = tokens(line);
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j + 1 < tokens.size() && joined(line, tokens.get(j), tokens.get(j + 1))) j++;
            judgeChain(line, tokens.subList(i, j + 1), out);
            i = j + 1;
        }
        return out;
    }

    /** Maximal runs of printable ASCII no longer than a jammer token; longer runs are content and split chains. */
    private static List<int[]> tokens(String line) {
        List<int[]> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            if (!isPrintableAscii(line.charAt(i))) { i++; continue; }
            int start = i;
            while (i < n && isPrintableAscii(line.charAt(i))) i++;
            if (i - start <= MAX_TOKEN) tokens.add(new int[]{start, i});
            else tokens.add(new int[]{start, i, 1}); // too long: a chain breaker
        }
        return tokens;
    }

    private static boolean joined(String line, int[] a, int[] b) {
        return a.length == 2 && b.length == 2 && b[0] == a[1] + 1 && isGap(line.charAt(a[1]));
    }

    private void judgeChain(String line, List<int[]> chain, List<Intervention> out) {
        if (chain.isEmpty() || chain.get(0).length != 2) return;
        int from = 0;
        int to = chain.size();
        // Numbers with units and words at the edges are the text the jammer was inserted next to.
        while (from < to && contentLike(text(line, chain.get(from)))) from++;
        while (to > from && contentLike(text(line, chain.get(to - 1)))) to--;
        List<String> toks = new ArrayList<>();
        for (int k = from; k < to; k++) toks.add(text(line, chain.get(k)));
        if (toks.size() < MIN_TOKENS) return;
        int start = chain.get(from)[0];
        int end = chain.get(to - 1)[1];
        boolean wholeLine = line.substring(0, start).isBlank() && line.substring(end).isBlank();
        if (!looksRandom(toks, wholeLine ? 1 : 2)) return;
        int[] span = widen(line, start, end);
        Cert cert = toks.size() >= HIGH_TOKENS ? Cert.HIGH : Cert.MEDIUM;
        out.add(new Intervention(span[0], span[1], Kind.SURPLUS, "", REASON, cert, name()));
    }

    /**
     * Takes in the whitespace that only exists because of the jammer, so that the regularised reading
     * does not keep a double space: the leading gap of a run that ends the line, the trailing gap
     * of a run that starts the line or sits between two gaps.
     */
    private static int[] widen(String line, int start, int end) {
        int s = start;
        int e = end;
        int afterGap = e;
        while (afterGap < line.length() && isSpace(line.charAt(afterGap))) afterGap++;
        int beforeGap = s;
        while (beforeGap > 0 && isSpace(line.charAt(beforeGap - 1))) beforeGap--;
        if (afterGap == line.length()) {
            s = beforeGap;
            e = afterGap;
        } else if (beforeGap == 0 || (beforeGap < s && afterGap > e)) {
            s = beforeGap == 0 ? 0 : s;
            e = afterGap;
        }
        return new int[]{s, e};
    }

    static boolean looksRandom(List<String> toks) {
        return looksRandom(toks, 2);
    }

    /**
     * @param minGlued how many tokens must glue a letter or digit to another class; a run that is a
     *                 whole line of its own needs only one, since no text around it could be a formula
     */
    static boolean looksRandom(List<String> toks, int minGlued) {
        int n = toks.size();
        if (n < MIN_TOKENS) return false;
        int junk = 0;
        int wordish = 0;
        int glued = 0;
        Set<Character> marks = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (String t : toks) {
            boolean hasMark = false;
            for (char c : t.toCharArray()) {
                if (!Character.isLetterOrDigit(c)) { hasMark = true; marks.add(c); }
            }
            if (hasMark || letterThenDigit(t)) junk++;
            if (glued(t)) glued++;
            if (contentLike(t)) wordish++;
            shapes.add(shape(t));
        }
        // Formulas (x = 1, y = 2) mix marks too, but never glue a letter or digit to one in several tokens.
        return junk * 2 >= n && junk >= 2
                && glued >= minGlued
                && marks.size() >= 2
                && shapes.size() * 2 >= n
                && wordish * 4 <= n;
    }

    /** Short words ("OK", "APP") and numbers with a unit ("5G", "12", "5%") are text, not jammer. */
    static boolean contentLike(String t) {
        if (t.length() < 2) return false;
        if (Character.isDigit(t.charAt(0))) return true;
        for (char c : t.toCharArray()) if (!Character.isLetter(c)) return false;
        return true;
    }

    /**
     * A letter or digit glued to something of another class ({@code w)}, {@code ~8}, {@code b4}): the
     * shape of random jammer tokens, whichever of letters, digits or marks the generator drew.
     */
    private static boolean glued(String t) {
        if (t.length() < 2) return false;
        boolean letter = false, digit = false, mark = false;
        for (char c : t.toCharArray()) {
            if (Character.isLetter(c)) letter = true;
            else if (Character.isDigit(c)) digit = true;
            else mark = true;
        }
        return (letter && (digit || mark)) || (digit && mark);
    }

    private static boolean letterThenDigit(String t) {
        return t.length() == 2 && Character.isLetter(t.charAt(0)) && Character.isDigit(t.charAt(1));
    }

    private static String shape(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (char c : t.toCharArray()) sb.append(Character.isLetter(c) ? 'a' : Character.isDigit(c) ? '9' : c);
        return sb.toString();
    }

    /** A line holding nothing but one to three punctuation marks (a "|" left by a page layout). */
    private Intervention strayMark(String line) {
        int s = 0;
        int e = line.length();
        while (s < e && isSpace(line.charAt(s))) s++;
        while (e > s && isSpace(line.charAt(e - 1))) e--;
        if (e == s || e - s > MAX_TOKEN) return null;
        for (int k = s; k < e; k++) {
            char c = line.charAt(k);
            // "*" alone is a section break or a redaction, not layout debris.
            boolean mark = (isPrintableAscii(c) && !Character.isLetterOrDigit(c) && c != '*') || c == '｜';
            if (!mark) return null;
        }
        return new Intervention(s, e, Kind.SURPLUS, "", STRAY_REASON, Cert.HIGH, name());
    }

    private static String text(String line, int[] t) { return line.substring(t[0], t[1]); }

    private static boolean isPrintableAscii(char c) { return c > 0x20 && c < 0x7f; }

    private static boolean isGap(char c) { return c == ' ' || c == '\u00a0'; }

    private static boolean isSpace(char c) { return c == ' ' || c == '\u00a0' || c == '\u3000' || c == '\t'; }
}
