package org.jiaokan.annotate;

import java.util.Arrays;
import java.util.Map;

/**
 * Chinese names run together with nothing between them (王军李红张华陈明), as lists come out of
 * text whose spaces were lost in scraping or conversion. The segmenter reads such runs across the
 * names (王军|李红张|华陈明); here the run is split into names that each start with a surname (a
 * compound one, or a character that is a surname at least a third of the times it is used) and go
 * on with one or two characters names often use, choosing the split whose names the character
 * statistics of {@link NameModel} like best. Runs of three names or more are taken where they end
 * plausibly; two names only where a byline or parentheses frame them (记者王军李红报道).
 */
final class NameRuns {

    /** Fewest names that make a run. */
    private static final int MIN_RUN = 3;
    /** Most names one run is read over. */
    private static final int MAX_RUN = 12;
    /** Least weighted log-odds of the characters of each name in a run. */
    private static final double MIN_EMISSION = 2.0;

    private final PersonRecognizer persons;

    NameRuns(PersonRecognizer persons) {
        this.persons = persons;
    }

    /** @param knownPlace offsets inside places the lexicons vouch for: no run crosses them (吉尔吉斯斯坦) */
    void find(Analysis a, boolean[] roleEnd, boolean[] knownPlace, Map<Long, NameSpan> spans) {
        String s = a.text;
        int n = s.length();
        double[] best = new double[n + 1];
        int[] count = new int[n + 1];
        int[] back = new int[n + 1];
        boolean[] inRun = null;
        int i = 0;
        while (i < n) {
            if (!runSurnameAt(s, i)) {
                i++;
                continue;
            }
            boolean clearStart = i == 0 || Analysis.isBreak(s, i - 1) || PersonRecognizer.roleBefore(s, i, roleEnd);
            if (!clearStart && !(a.wordEnd[i] && !a.insideName[i])) {
                i++;
                continue;
            }
            int limit = Math.min(n, i + 3 * MAX_RUN);
            Arrays.fill(best, i, limit + 1, Double.NEGATIVE_INFINITY);
            best[i] = 0;
            count[i] = 0;
            for (int p = i; p < limit; p++) {
                if (best[p] == Double.NEGATIVE_INFINITY || count[p] >= MAX_RUN || !runSurnameAt(s, p)) continue;
                int sur = persons.surnameAt(s, p);
                if (sur == 0) continue;
                for (int given = 1; given <= 2; given++) {
                    int q = p + sur + given;
                    if (q > limit || !nameShaped(s, p, q, sur) || evidenceInside(a, p, q) || PersonRecognizer.any(knownPlace, p, q)) continue;
                    double x = NameModel.emission(s, p, q, sur);
                    if (x < MIN_EMISSION) continue;
                    if (best[p] + x > best[q]) {
                        best[q] = best[p] + x;
                        count[q] = count[p] + 1;
                        back[q] = p;
                    }
                }
            }
            // The longest run that ends where a word starts; two names only after a byline label or
            // in parentheses, and before a break or evidence (记者王军李红报道, （陈明赵刚）).
            boolean credit = persons.bylineBefore(s, i) >= 0 || PersonRecognizer.openParen(s, i - 1);
            int end = -1;
            for (int q = limit; q > i && end < 0; q--) {
                if (best[q] == Double.NEGATIVE_INFINITY) continue;
                boolean strongEnd = q == n || Analysis.isBreak(s, q) || persons.rightEvidence(a, q) > 0;
                if (count[q] >= MIN_RUN && (strongEnd || persons.plausibleEnd(a, q) || a.wordStart[q] && !a.insideName[q])
                        || count[q] == 2 && credit && strongEnd) {
                    end = q;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            for (int q = end; q > i; q = back[q]) {
                NameSpan sp = NameSpan.at(spans, back[q], q);
                sp.shape = Math.max(sp.shape, 0.8);
                sp.inRun = true;
            }
            if (inRun == null) inRun = new boolean[n];
            Arrays.fill(inRun, i, end, true);
            i = end;
        }
        // Other readings across a run (王军李, 江波史明龙) give way to its names.
        if (inRun == null) return;
        for (NameSpan other : spans.values()) {
            if (!other.inRun && PersonRecognizer.any(inRun, other.start, Math.min(other.end, n))) other.overrun = true;
        }
    }

    /** A title, an honorific or a verb of speech starts inside {@code s[p, q)} (钟鸣|岳主|席, 郝德|明宣|布): the run ends before it. */
    private boolean evidenceInside(Analysis a, int p, int q) {
        for (int k = p + 1; k < q; k++) {
            if (persons.evidenceAt(a.text, k)) return true;
        }
        return false;
    }

    /** A compound surname, or a character that is a surname at least a third of the times it is used (于, not 向). */
    private boolean runSurnameAt(String s, int i) {
        int sur = persons.surnameAt(s, i);
        return sur == 2 || sur == 1 && NameModel.surnameShare(s.charAt(i)) >= RUN_SURNAME_SHARE;
    }

    /** Share of surname uses a character needs to open a name in a run. */
    private static final double RUN_SURNAME_SHARE = 0.3;

    /** Given-name characters that names often use, no function character, and no common word. */
    private static boolean nameShaped(String s, int p, int q, int sur) {
        for (int k = p + sur; k < q; k++) {
            char c = s.charAt(k);
            if (!Analysis.isHan(c) || PersonRecognizer.functionChar(c) || NameModel.givenUses(c) < PersonRecognizer.MIN_GIVEN_COUNT) return false;
        }
        // 吉尔|吉斯|斯坦: syllables of the core transliteration table, unless the first is nearly always
        // a surname (李丽). The wider table of HanLP's dictionary holds too many common name characters.
        if (sur == 1 && NameModel.surnameShare(s.charAt(p)) < 0.9 && s.substring(p, q).chars().allMatch(c -> ForeignNames.TRANSLITERATION.indexOf(c) >= 0)) {
            return false;
        }
        // 周红|四人: a numeral before a measure counts; it closes no name.
        if (q < s.length() && PersonRecognizer.NAME_NUMERALS.indexOf(s.charAt(q - 1)) >= 0
                && PersonRecognizer.MEASURES.indexOf(s.charAt(q)) >= 0) {
            return false;
        }
        return !PersonRecognizer.isCommonWord(s.substring(p, q));
    }
}
