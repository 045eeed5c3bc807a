package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;

import java.util.List;
import java.util.Set;

/**
 * Campaign and slogan terms: set phrases the text itself sets off in quotation marks, kept when
 * their shape marks them as slogans: a numbered slogan (四个意识, 五个坚决防止), a phrase ending in a
 * campaign head noun (枫桥经验, 雷霆行动), or a numeric abbreviation (十四五, 三同步, 一带一路). A
 * quotation listing several slogans (“五个坚决防止、两个确保”) yields one term each. The quotation
 * marks stay outside the span.
 */
final class TermRecognizer {

    private static final String OPENERS = "“「『‘\"";
    private static final String CLOSERS = "”」』’\"";
    private static final int MAX_QUOTE = 40;
    private static final String NUMERALS = "一二三四五六七八九十两双百千万";
    private static final List<String> HEADS = List.of(
            "经验", "行动", "专项行动", "工程", "活动", "战略", "战役", "攻坚战", "运动", "计划", "精神",
            "意识", "理念", "工作法", "模式", "方针");
    private static final Set<Character> SEPARATORS = Set.of('、', '，', ',', '；', ';', '/', '／');

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int i = 0; i < s.length(); i++) {
            int kind = OPENERS.indexOf(s.charAt(i));
            if (kind < 0) continue;
            char close = CLOSERS.charAt(kind);
            int j = i + 1;
            while (j < s.length() && j - i <= MAX_QUOTE && s.charAt(j) != close && s.charAt(j) != '\n') j++;
            if (j >= s.length() || s.charAt(j) != close) continue;
            int p = i + 1;
            while (p < j) {
                int q = p;
                while (q < j && !SEPARATORS.contains(s.charAt(q))) q++;
                double conf = score(s.substring(p, q));
                if (conf > 0) out.add(new Candidate(p, q, EntityType.TERM, conf));
                p = q + 1;
            }
            i = j;
        }
    }

    /** Confidence that a quoted piece is a slogan term, 0 if it does not look like one. */
    static double score(String piece) {
        int n = piece.length();
        if (n < 2 || n > 16) return 0;
        int numerals = 0;
        boolean highNumeral = false;
        for (int k = 0; k < n; k++) {
            char c = piece.charAt(k);
            if (!Analysis.isHan(c)) return 0;
            int at = NUMERALS.indexOf(c);
            if (at >= 0) {
                numerals++;
                if (at > 0) highNumeral = true;
            }
        }
        int ge = piece.indexOf('个');
        if (ge > 0 && ge + 2 < n && isNumerals(piece.substring(0, ge))) return 0.9;
        for (String h : HEADS) {
            if (n > h.length() + 1 && piece.endsWith(h)) return 0.8;
        }
        if (numerals == n) return n >= 3 ? 0.75 : 0;      // 十四五 is a term, 五一 a holiday
        if (n <= 8 && (numerals >= 2 || highNumeral)) return 0.7;
        return 0;
    }

    private static boolean isNumerals(String t) {
        for (int k = 0; k < t.length(); k++) if (NUMERALS.indexOf(t.charAt(k)) < 0) return false;
        return true;
    }
}
