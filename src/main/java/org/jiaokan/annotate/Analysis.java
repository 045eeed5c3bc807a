package org.jiaokan.annotate;

import com.hankcs.hanlp.seg.common.Term;

import java.util.List;

/** One paragraph's simplified text with its segmentation, shared by the recognisers. */
final class Analysis {

    final String text;
    final List<Term> terms;
    /** wordStart[i]: a segmented word starts at i (or i lies inside a recognised name). */
    final boolean[] wordStart;
    /** wordEnd[i]: a segmented word ends at i (or i lies inside a recognised name). */
    final boolean[] wordEnd;

    Analysis(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
        int n = text.length();
        wordStart = new boolean[n + 1];
        wordEnd = new boolean[n + 1];
        wordStart[n] = true;
        wordEnd[0] = true;
        for (Term t : terms) {
            int a = t.offset;
            int b = a + t.word.length();
            if (a < 0 || b > n) continue;
            wordStart[a] = true;
            wordEnd[b] = true;
            // The name recognisers often glue a name to its neighbours (四川省公安厅/nt); treating
            // such a word as transparent lets the lexicon rules find the boundaries inside it.
            String nature = t.nature == null ? "" : t.nature.toString();
            if (nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt")) {
                for (int k = a + 1; k < b; k++) {
                    wordStart[k] = true;
                    wordEnd[k] = true;
                }
            }
        }
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
    }

    /** Punctuation, spaces, brackets, or a text edge: a place where a word certainly ends. */
    static boolean isBreak(String s, int i) {
        if (i < 0 || i >= s.length()) return true;
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u3000') return true;
        int t = Character.getType(c);
        return t == Character.OTHER_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.MATH_SYMBOL || t == Character.CONNECTOR_PUNCTUATION;
    }
}
