package org.jiaokan.annotate;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import org.jiaokan.model.EntityType;

import java.util.List;

/**
 * Official titles by their morphology: [generic organ] [rank prefix] office noun, e.g. 书记,
 * 常务副部长, 政法委书记, 市委常委, 公安局长. Every left extension is proposed, so a title whose organ
 * is already part of a named organisation (公安部党委|书记) still keeps its office noun.
 */
final class RoleRecognizer {

    private final Lexicons lex;

    RoleRecognizer(Lexicons lex) { this.lex = lex; }

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int k = 0; k < s.length(); k++) {
            for (int len : lex.offices.allAt(s, k)) {
                int end = k + len;
                if (!officeEndsHere(s, end)) continue;
                propose(s, k, end, out);
            }
        }
    }

    /** The longest title starting at {@code i}, or 0; used as evidence after a personal name. */
    int titleAt(String s, int i) {
        int best = 0;
        int body = lex.titleBodies.longestAt(s, i);
        for (int b : new int[] {body, 0}) {
            int p = i + b;
            int mod = lex.titleModifiers.longestAt(s, p);
            for (int m : new int[] {mod, 0}) {
                int office = lex.offices.longestAt(s, p + m);
                if (office > 0 && officeEndsHere(s, p + m + office)) best = Math.max(best, b + m + office);
            }
        }
        return best;
    }

    private void propose(String s, int k, int end, List<Candidate> out) {
        out.add(new Candidate(k, end, EntityType.ROLE, confidence(end - k, false)));
        int mod = lex.titleModifiers.longestEndingAt(s, k);
        int afterMod = k - mod;
        if (mod > 0) out.add(new Candidate(afterMod, end, EntityType.ROLE, confidence(end - afterMod, true)));
        int body = lex.titleBodies.longestEndingAt(s, afterMod);
        if (body > 0) out.add(new Candidate(afterMod - body, end, EntityType.ROLE, confidence(end - afterMod + body, true)));
    }

    /** Longer titles win ties among overlapping proposals; bare office nouns are a little less sure. */
    private static double confidence(int length, boolean qualified) {
        return (qualified ? 0.8 : 0.72) + 0.005 * length;
    }

    /**
     * Rejects office nouns that are really the start of a longer word: 委员会, 常委会, 书记处, and
     * titles in 长 that run into a word beginning with 长 (市长期 is 市 + 长期).
     */
    private static boolean officeEndsHere(String s, int end) {
        if (end >= s.length()) return true;
        char next = s.charAt(end);
        char last = s.charAt(end - 1);
        if (next == '会' && (last == '委' || last == '员')) return false;
        if (last == '记' && (next == '处' || next == '员')) return false;
        if (last == '席' && (next == '台' || next == '团')) return false;
        if (last == '长' || last == '任' || last == '委') {
            String pair = s.substring(end - 1, end + 1);
            if (CoreDictionary.contains(pair)) return false;
        }
        return true;
    }
}
