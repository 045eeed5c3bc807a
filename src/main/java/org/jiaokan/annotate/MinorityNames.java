package org.jiaokan.annotate;

import java.util.Map;

/**
 * Tibetan, Uyghur and Mongolian names as Chinese writes them (扎西次仁, 阿不都热合曼, 乌云其其格,
 * 阿不来提·阿不都热西提): one or more name parts of one kind, from a list of parts like a surname
 * list. Two parts or more are a name where the run stands clear on both sides; one part needs a
 * title before it or evidence after it, since single parts are often words or places (乌云, 罗布).
 */
final class MinorityNames {

    /** Most parts one name is read over. */
    private static final int MAX_PARTS = 4;

    private final Lexicons lex;
    private final PersonRecognizer persons;

    MinorityNames(PersonRecognizer persons, Lexicons lex) {
        this.persons = persons;
        this.lex = lex;
    }

    void find(Analysis a, boolean[] roleEnd, Map<Long, NameSpan> spans) {
        String s = a.text;
        for (int i = 0; i < s.length(); i++) {
            int end = -1;
            boolean titled = false;
            for (Lexicons.WordSet parts : lex.minorityNameParts) {
                if (parts.longestAt(s, i) == 0) continue;
                if (end < 0) {
                    titled = PersonRecognizer.roleBefore(s, i, roleEnd);
                    boolean clearLeft = titled || i == 0 || Analysis.isBreak(s, i - 1) || PersonRecognizer.functionChar(s.charAt(i - 1))
                            || a.wordEnd[i] && !a.insideName[i];
                    if (!clearLeft) break;
                }
                end = Math.max(end, nameEnd(a, i, parts, titled));
            }
            if (end <= i) continue;
            NameSpan sp = NameSpan.at(spans, i, end);
            sp.foreign = true;
            sp.shape = Math.max(sp.shape, end - i >= 4 ? 0.85 : 0.75);
            i = end - 1;
        }
    }

    /** End of the longest name of {@code parts} starting at {@code i} that is bounded and vouched for, or -1. */
    private int nameEnd(Analysis a, int i, Lexicons.WordSet parts, boolean titled) {
        String s = a.text;
        int end = -1;
        int count = 0;
        int j = i;
        while (count < MAX_PARTS) {
            int at = j;
            // Parts may be joined by a name dot (阿不来提·阿不都热西提).
            if (count > 0 && ForeignNames.nameDotAt(s, at)) at++;
            int len = parts.longestAt(s, at);
            if (len == 0) break;
            j = at + len;
            count++;
            // The parts mark the name's end, so a verb of speech counts even where the
            // segmenter glued its first character to the name (多吉才|让出|席).
            boolean bounded = j == s.length() || persons.plausibleEnd(a, j) || a.wordStart[j] && !a.insideName[j]
                    || lex.speechVerbs.longestAt(s, j) > 0;
            boolean vouched = count >= 2 || titled || persons.rightEvidence(a, j) > 0;
            if (bounded && vouched) end = j;
        }
        return end;
    }
}
