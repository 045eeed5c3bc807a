package org.jiaokan.annotate;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/** One paragraph's simplified text with its segmentation, shared by the recognisers. */
final class Analysis {

    final String text;
    final List<Term> terms;
    /** wordStart[i]: a segmented word starts at i (or i lies inside a recognised name). */
    final boolean[] wordStart;
    /** wordEnd[i]: a segmented word ends at i (or i lies inside a recognised name). */
    final boolean[] wordEnd;
    /** titleNounStart[i]: a title noun of the segmenter (总统/nnt, 外交大臣) starts at i. */
    final boolean[] titleNounStart;
    /** insidePlaceWord[i]: i lies strictly inside a place word of the dictionary (俄|罗斯). */
    final boolean[] insidePlaceWord;
    /** insideName[i]: i lies strictly inside a word the segmenter tagged as a person or place name (德|黑兰/nsf). */
    final boolean[] insideName;
    /** The segmented word that ends at / starts at an offset, or null. */
    private final String[] termEnding;
    private final Term[] termStarting;

    Analysis(String text, List<Term> segmented) {
        this.text = text;
        this.terms = trimmed(segmented);
        int n = text.length();
        wordStart = new boolean[n + 1];
        wordEnd = new boolean[n + 1];
        titleNounStart = new boolean[n + 1];
        insidePlaceWord = new boolean[n + 1];
        insideName = new boolean[n + 1];
        termEnding = new String[n + 1];
        termStarting = new Term[n + 1];
        wordStart[n] = true;
        wordEnd[0] = true;
        for (Term t : this.terms) {
            int a = t.offset;
            int b = a + t.word.length();
            if (a < 0 || b > n) continue;
            wordStart[a] = true;
            wordEnd[b] = true;
            termStarting[a] = t;
            termEnding[b] = t.word;
            String nat = t.nature == null ? "" : t.nature.toString();
            if (nat.equals("nnt") && b - a >= 2) titleNounStart[a] = true;
            if (nat.startsWith("ns") && CoreDictionary.contains(t.word)) {
                for (int k = a + 1; k < b; k++) insidePlaceWord[k] = true;
            }
            // The name recognisers often glue a name to its neighbours (四川省公安厅/nt); treating
            // such a word as transparent lets the lexicon rules find the boundaries inside it.
            String nature = t.nature == null ? "" : t.nature.toString();
            if (nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt")) {
                for (int k = a + 1; k < b; k++) {
                    wordStart[k] = true;
                    wordEnd[k] = true;
                    // Organisation guesses glue ordinary words on (中|俄边境贸易发展/nt); they cut nothing.
                    if (!nature.startsWith("nt")) insideName[k] = true;
                }
            }
        }
    }

    /** The segmented word ending at {@code i}, or null when a word runs across it. */
    String termEndingAt(int i) { return termEnding[i]; }

    /** The segmented word starting at {@code i}, or null when a word runs across it. */
    String termStartingAt(int i) { return termStarting[i] == null ? null : termStarting[i].word; }

    /** The segmented word starting at {@code i} with its part of speech, or null. */
    Term termAt(int i) { return termStarting[i]; }

    /**
     * The segmenter sometimes glues an ideographic space to a name (周喆　/nr); a mention must never
     * start or end with white space, so such words lose it here, before any recogniser sees them.
     */
    private static List<Term> trimmed(List<Term> terms) {
        List<Term> out = null;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String w = t.word;
            int a = 0;
            int b = w.length();
            while (a < b && isSpace(w.charAt(a))) a++;
            while (b > a && isSpace(w.charAt(b - 1))) b--;
            if (a == 0 && b == w.length() || a == b) {
                if (out != null) out.add(t);
                continue;
            }
            if (out == null) out = new ArrayList<>(terms.subList(0, i));
            Term inner = new Term(w.substring(a, b), t.nature);
            inner.offset = t.offset + a;
            out.add(inner);
        }
        return out == null ? terms : out;
    }

    /** White space of any kind: Java white space, Unicode space separators (U+3000, U+00A0). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isHan(char c) {
        return HAN[c];
    }

    /** The test above for every char, computed once (the recognisers ask for each character many times). */
    private static final boolean[] HAN = new boolean[0x10000];

    static {
        for (int c = 0; c < HAN.length; c++) HAN[c] = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
    }

    /** Punctuation, spaces, brackets, or a text edge: a place where a word certainly ends. */
    static boolean isBreak(String s, int i) {
        if (i < 0 || i >= s.length()) return true;
        char c = s.charAt(i);
        if (isSpace(c)) return true;
        int t = Character.getType(c);
        return t == Character.OTHER_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.MATH_SYMBOL || t == Character.CONNECTOR_PUNCTUATION;
    }
}
