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

    /**
     * Set phrases of political doctrine that hold a place name but name a doctrine, marked as one
     * term wherever they stand, quoted or not, so the place inside is not marked on its own
     * (中国特色社会主义, 新时代中国特色社会主义思想). A leader's name before one stays a person.
     */
    private static final List<String> DOCTRINES = List.of(
            "新时代中国特色社会主义思想", "中国特色社会主义思想", "中国特色社会主义理论体系", "中国特色社会主义制度",
            "中国特色社会主义道路", "中国特色社会主义文化", "中国特色社会主义事业", "中国特色社会主义法治体系",
            "中国特色社会主义法治道路", "中国特色社会主义政治发展道路", "中国特色社会主义", "中国特色大国外交",
            "中国式现代化");

    /** Longest title a 《…》 may hold. */
    private static final int MAX_TITLE = 80;

    void find(Analysis a, List<Candidate> out) {
        doctrines(a.text, out);
        titles(a.text, out);
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

    private static void doctrines(String s, List<Candidate> out) {
        for (int i = s.indexOf('中'); i >= 0; i = s.indexOf('中', i + 1)) {
            int from = i >= 3 && s.startsWith("新时代", i - 3) ? i - 3 : i;
            for (String d : DOCTRINES) {
                if (s.startsWith(d, from)) {
                    out.add(new Candidate(from, from + d.length(), EntityType.TERM, 0.95));
                    i = from + d.length() - 1;
                    break;
                }
            }
        }
    }

    /**
     * The title of an official document cited in 《…》 (see {@link #documentTitle}): the content,
     * brackets outside, is one title, and no name inside it is marked on its own
     * (《关于加强某市公安局建设的意见》, 《四川省社会治安综合治理条例》).
     */
    private static void titles(String s, List<Candidate> out) {
        for (int i = s.indexOf('《'); i >= 0; i = s.indexOf('《', i + 1)) {
            int depth = 0;
            for (int j = i + 1; j < s.length() && j - i <= MAX_TITLE; j++) {
                char c = s.charAt(j);
                if (c == '\n' || c == '\r') break;
                if (c == '《') depth++;
                if (c == '》' && depth-- == 0) {
                    if (j > i + 1 && documentTitle(s.substring(i + 1, j))) out.add(new Candidate(i + 1, j, EntityType.TITLE, 0.95));
                    i = j;
                    break;
                }
            }
        }
    }

    /**
     * Heads that end the title of an official document, a law or a speech (通知, 意见, 条例, 法, 讲话).
     * Books, papers, films and songs are not titles of this kind: the names in them (《邓小平文选》,
     * 《人民日报》) stay marked.
     */
    private static final List<String> DOCUMENT_HEADS = List.of(
            "通知", "意见", "决定", "决议", "办法", "规定", "条例", "法", "方案", "纲要", "规划", "报告", "公告", "通告",
            "通报", "批复", "函", "细则", "准则", "规则", "章程", "宪法", "讲话", "白皮书", "要点", "措施", "制度", "规范",
            "指引", "指南", "守则", "公约", "协定", "条约", "议定书", "声明", "公报", "纪要", "清单", "目录", "标准");

    /** A title of an official document: one that opens with 关于 or ends in a document head. */
    static boolean documentTitle(String title) {
        if (title.startsWith("关于")) return true;
        for (String h : DOCUMENT_HEADS) if (title.endsWith(h) && title.length() > h.length()) return true;
        return false;
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
