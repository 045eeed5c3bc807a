package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.JapanesePersonDictionary;
import com.hankcs.hanlp.dictionary.nr.TranslatedPersonDictionary;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.Map;

/**
 * Candidates for foreign personal names, for {@link PersonRecognizer} to weigh: the segmenter's
 * transliterations read on over the syllables it cut off, runs of transliteration syllables no
 * dictionary word accounts for, parts joined by a name dot, Japanese family and given names, and
 * transliterations right after a title. Stateless beyond the word lists it is given.
 */
final class ForeignNames {

    private final PersonRecognizer persons;
    private final Lexicons lex;
    private final RoleRecognizer roles;

    ForeignNames(PersonRecognizer persons, Lexicons lex, RoleRecognizer roles) {
        this.persons = persons;
        this.lex = lex;
        this.roles = roles;
    }

    /**
     * Characters typical of transliterated foreign names (克林顿, 叶利钦, 阿拉法特): the syllable
     * characters of the standard transliteration tables. A segmenter guess of a foreign name made
     * only of these is believed; one with other characters (a word glued on) is not.
     */
    static final String TRANSLITERATION =
            "阿埃艾爱安昂奥巴拜班邦贝本比彼毕波玻伯博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法菲费芬夫弗福"
            + "盖甘戈哥格贡古圭哈海汉豪赫黑亨华霍基吉加佳贾杰捷金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷蕾里"
            + "利莉丽连列林琳卢鲁伦罗洛马玛迈麦曼梅蒙门米密敏明姆莫默穆纳娜奈内尼涅宁纽努诺欧帕佩彭皮普齐奇"
            + "钦乔切丘萨塞桑瑟森沙莎善舍什施史斯苏索塔泰坦汤唐特提托图瓦万旺威韦维温文沃乌西希谢辛休雅亚"
            + "扬耶叶伊因英尤于约泽扎詹兹鲍尼逊娃季廖孔吕滕莲娅佐茨祖楚琴黛歇";

    /**
     * Transliterated names the segmenter cut into pieces and no context announces (阿斯|纳尔): a run
     * of three to seven syllable characters of the transliteration tables on word boundaries, with
     * no word of two or more characters of the dictionary inside it. Such runs are names more often
     * than not; places among them are caught by the place checks.
     */
    void transliterationRuns(Analysis a, Map<Long, NameSpan> spans) {
        String s = a.text;
        int i = 0;
        while (i < s.length()) {
            if (!transliterationChar(s.charAt(i)) || i > 0 && transliterationChar(s.charAt(i - 1))) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && j - i < 8 && transliterationChar(s.charAt(j))) j++;
            boolean clean = j - i >= 3 && j - i <= 7 && a.wordStart[i] && (a.wordEnd[j] || Analysis.isBreak(s, j));
            for (int k = i; clean && k < j; k++) {
                Term t = a.termAt(k);
                if (t == null || t.word.length() < 2) continue;
                String n = t.nature == null ? "" : t.nature.toString();
                if (k + t.word.length() > j || !n.startsWith("nr") && CoreDictionary.contains(t.word)) clean = false;
            }
            if (clean) {
                NameSpan sp = NameSpan.at(spans, i, j);
                sp.foreign = true;
                sp.run = true;
                // Four syllables or more after a break or a character that stands before names
                // (范德卢格特把) outweigh the Chinese reading inside, as when read on backwards.
                if (j - i >= 4 && (i == 0 || Analysis.isBreak(s, i - 1) || PersonRecognizer.functionChar(s.charAt(i - 1)))) {
                    sp.shape = Math.max(sp.shape, 0.75);
                }
            }
            i = j;
        }
    }

    /**
     * The segmenter often ends a long transliteration early (鲁宾斯|坦, 马尔凯|蒂, 阿赫梅|托夫): a
     * foreign name is also read on over the transliteration characters after it, up to a character
     * that follows names (在, 和) or one that opens a dictionary word with the next (多|次).
     */
    void extendTransliterations(Analysis a, Map<Long, NameSpan> spans) {
        String s = a.text;
        for (NameSpan sp : new ArrayList<>(spans.values())) {
            if (!sp.foreign) continue;
            int j = sp.end;
            while (j < s.length() && j - sp.start < 8 && transliterationChar(s.charAt(j)) && !PersonRecognizer.endsName(s.charAt(j))
                    && (j + 1 >= s.length() || !CoreDictionary.contains(s.substring(j, j + 2)))) {
                j++;
            }
            if (j > sp.end && (Analysis.isBreak(s, j) || persons.plausibleEnd(a, j) || a.wordStart[j])) {
                NameSpan longer = NameSpan.at(spans, sp.start, j);
                longer.foreign = true;
                longer.fromSegmenter = sp.fromSegmenter;
            }
            // And back over the syllables before it (恩|达伊西米耶, 范德|卢格特), to a break or a
            // character that stands before names (对, 和, 同).
            int i = sp.start;
            while (i > 0 && sp.end - i < 8 && transliterationChar(s.charAt(i - 1)) && !PersonRecognizer.functionChar(s.charAt(i - 1))
                    && (i < 2 || !CoreDictionary.contains(s.substring(i - 2, i)))) {
                i--;
            }
            if (i < sp.start && (i == 0 || Analysis.isBreak(s, i - 1) || PersonRecognizer.functionChar(s.charAt(i - 1)))) {
                NameSpan longer = NameSpan.at(spans, i, Math.max(sp.end, j));
                longer.foreign = true;
                longer.fromSegmenter = sp.fromSegmenter;
                // A transliteration of four syllables or more, bounded on both sides, outweighs the
                // Chinese reading the segmenter may see inside it (范德|卢格特).
                if (longer.end - longer.start >= 4) longer.shape = Math.max(longer.shape, 0.75);
            }
        }
    }

    /**
     * Names whose parts a name dot joins (丹尼斯·罗斯顿, 艾尔肯·吐尔逊, 马丁·路德·金): in Chinese
     * prose the dot between Han characters joins the parts of a foreign or minority name and little
     * else. Each part is one or more segmented words of transliteration characters, or a name or
     * unknown word of the segmenter; the name runs from the first part to the last.
     */
    void dottedNames(Analysis a, Map<Long, NameSpan> spans) {
        String s = a.text;
        for (int d = 1; d + 1 < s.length(); d++) {
            if (!nameDotAt(s, d)) continue;
            if (d >= 2 && NAME_DOTS.indexOf(s.charAt(d - 2)) >= 0) continue;
            int start = namePartStart(a, d);
            if (start < 0) continue;
            // Further parts: 马丁·路德·金.
            int end = d;
            int dot = d;
            while (true) {
                int e = namePartEnd(a, dot + 1);
                if (e < 0) break;
                end = e;
                if (e + 1 < s.length() && NAME_DOTS.indexOf(s.charAt(e)) >= 0 && Analysis.isHan(s.charAt(e + 1))) {
                    dot = e;
                    continue;
                }
                break;
            }
            if (end <= d) continue;
            NameSpan sp = NameSpan.at(spans, start, end);
            sp.foreign = true;
            sp.shape = 0.9;
            d = end;
        }
    }

    /** Start of the name part that ends at the dot at {@code d}, or -1 when no such part ends there. */
    private int namePartStart(Analysis a, int d) {
        String s = a.text;
        int i = d;
        // The segmenter's words that end at the dot, back to a word that cannot be part of a name; a
        // name word of the segmenter that ends by the dot counts whole (何塞·).
        while (i > 0 && d - i < 8) {
            String ending = a.termEndingAt(i);
            Term t = ending == null ? null : a.termAt(i - ending.length());
            if (i == d && t != null && t.nature != null && t.nature.startsWith("nr") && t.word.length() <= 4
                    && PersonRecognizer.allHan(t.word, 0, t.word.length()) && !transliterated(t.word)) {
                i -= ending.length();
                continue;
            }
            int j = i - 1;
            while (j > 0 && !a.wordStart[j]) j--;
            t = a.termAt(j);
            boolean nameWord = t != null && t.nature != null && t.nature.startsWith("nr") && j + t.word.length() <= d
                    && PersonRecognizer.allHan(t.word, 0, t.word.length());
            if (!nameWord && !namePart(a, j, s.substring(j, i), false)) break;
            i = j;
        }
        if (i == d) {
            // A word that runs on past the name (秘书长伊斯马特 as one word): the transliteration tail.
            int j = d;
            while (j > 0 && d - j < 6 && transliterationChar(s.charAt(j - 1))) j--;
            return d - j >= 2 ? j : -1;
        }
        return i;
    }

    /** End of the name part that starts at {@code i}, right after a dot, or -1. */
    private int namePartEnd(Analysis a, int i) {
        String s = a.text;
        int j = i;
        while (j < s.length() && j - i < 8 && Analysis.isHan(s.charAt(j))) {
            int k = j + 1;
            while (k < s.length() && !a.wordStart[k]) k++;
            if (!namePart(a, j, s.substring(j, k))) {
                // 艾尔肯·吐|尔逊: a lone character the segmenter split off the name word after it.
                Term next = k < s.length() ? a.termAt(k) : null;
                if (k - j > 1 || PersonRecognizer.endsName(s.charAt(j)) || next == null || next.nature == null
                        || !next.nature.startsWith("nr") || !PersonRecognizer.allHan(next.word, 0, next.word.length())) break;
                k += next.word.length();
            }
            j = k;
        }
        if (j == i) {
            while (j < s.length() && j - i < 6 && transliterationChar(s.charAt(j))) j++;
            if (j > i) return j;
            // 巴颂·素|拉|猜|上将: a run of lone characters, up to a word, a joiner or evidence.
            while (j < s.length() && j - i < 4 && Analysis.isHan(s.charAt(j)) && a.wordStart[j] && a.wordEnd[j + 1]
                    && !PersonRecognizer.endsName(s.charAt(j)) && persons.rightEvidence(a, j) == 0) {
                j++;
            }
            return j - i >= 2 && (Analysis.isBreak(s, j) || a.wordStart[j]) ? j : -1;
        }
        return j;
    }

    /** A segmented word that may be (part of) a name part: transliteration characters, a name, or no dictionary word. */
    private boolean namePart(Analysis a, int at, String w) {
        return namePart(a, at, w, true);
    }

    /** As above; with {@code unknownWords} false, a word no dictionary knows does not count (女演员|朱丽叶·). */
    private boolean namePart(Analysis a, int at, String w, boolean unknownWords) {
        if (w.isEmpty() || !PersonRecognizer.allHan(w, 0, w.length())) return false;
        // 吐尔逊|和|马丁: joiners and the characters that follow names end a name part, and so do numerals (加尼耶|七十|年代).
        if (w.length() == 1 && PersonRecognizer.endsName(w.charAt(0))) return false;
        if (w.chars().anyMatch(c -> PersonRecognizer.NUMERALS.indexOf(c) >= 0)) return false;
        Term t = a.termAt(at);
        if (t != null && t.word.equals(w) && t.nature != null) {
            String n = t.nature.toString();
            if (n.startsWith("nr")) return true;
            if (n.startsWith("ns") || n.startsWith("nt") || n.equals("w")) return false;
        }
        if (w.chars().allMatch(c -> transliterationChar((char) c))) return !PersonRecognizer.isCommonWord(w) || w.length() == 1;
        return unknownWords && !CoreDictionary.contains(w);
    }

    /**
     * Japanese names (松井秀夫, 佐藤美智子): a family name of two or three characters and a given
     * name of HanLP's Japanese name dictionary, where the family name is no common word of the core
     * dictionary (中国 and 日本 are in that dictionary too). A lone character after a Japanese family
     * name counts with an honorific after it (渡边隆先生).
     */
    void japaneseNames(Analysis a, boolean[] roleEnd, Map<Long, NameSpan> spans) {
        String s = a.text;
        for (int i = 0; i + 3 <= s.length(); i++) {
            if (!a.wordStart[i]) continue;
            boolean titledBefore = PersonRecognizer.roleBefore(s, i, roleEnd);
            if (a.insideName[i] && !titledBefore) continue;
            for (int sur = 3; sur >= 2; sur--) {
                if (i + sur >= s.length() || !PersonRecognizer.allHan(s, i, i + sur)) continue;
                String family = s.substring(i, i + sur);
                if (!japaneseFamilyName(family) && !(titledBefore && japaneseFamilyNameInContext(family))) continue;
                int best = -1;
                // 山田|先生: a title or an honorific after the family name is no given name.
                boolean addressed = lex.honorifics.longestAt(s, i + sur) > 0 || roles.titleAt(s, i + sur) > 0;
                for (int given = 3; given >= 1 && best < 0 && !addressed; given--) {
                    int j = i + sur + given;
                    if (j > s.length() || !PersonRecognizer.allHan(s, i + sur, j)) continue;
                    Character kind = JapanesePersonDictionary.get(s.substring(i + sur, j));
                    boolean evidence = titledBefore || persons.rightEvidence(a, j) > 0;
                    // Both halves unknown to the core dictionary, or evidence around the name.
                    boolean givenName = kind != null && kind == JapanesePersonDictionary.M
                            && s.substring(i + sur, j).chars().noneMatch(c -> "了的着过地得是在和与".indexOf(c) >= 0);
                    boolean named = givenName && given >= 2
                            && (evidence || japaneseFamilyName(family) && !CoreDictionary.contains(s.substring(i + sur, j)));
                    boolean vouched = given == 1 && j < s.length() && lex.honorifics.longestAt(s, j) > 0;
                    if ((named || vouched) && (persons.plausibleEnd(a, j) || a.wordStart[j] || j == s.length())) best = j;
                }
                if (best < 0 && addressed && japaneseFamilyName(family)) {
                    // 山田先生, 佐佐木部长: the family name alone, as a Chinese surname with a title.
                    NameSpan alone = NameSpan.at(spans, i, i + sur);
                    alone.foreign = true;
                    alone.shape = 0.8;
                    break;
                }
                if (best < 0) continue;
                NameSpan sp = NameSpan.at(spans, i, best);
                sp.foreign = true;
                sp.shape = titledBefore || persons.rightEvidence(a, best) > 0 ? 0.9 : 0.75;
                break;
            }
        }
    }

    /**
     * After a title, a family name of the Japanese name dictionary that the core dictionary knows
     * as a word (田中, 高村), but not chiefly as a place (日本, 中国).
     */
    private static boolean japaneseFamilyNameInContext(String w) {
        if (!japaneseFamilyEntry(w)) return false;
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr == null || !attr.hasNatureStartsWith("ns") && !attr.hasNatureStartsWith("nt");
    }

    /** A family name of HanLP's Japanese name dictionary that the core dictionary does not know as a common word. */
    private static boolean japaneseFamilyName(String w) {
        if (!japaneseFamilyEntry(w)) return false;
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr == null || attr.getNatureFrequency(Nature.nr) * 2 > attr.totalFrequency || attr.totalFrequency < 3;
    }

    /**
     * A family name of the Japanese name dictionary that is no count (两国, 四位) and opens with no
     * joiner (和|山田): the dictionary holds both.
     */
    private static boolean japaneseFamilyEntry(String w) {
        // a loop, not a stream: this is asked at every word start of every paragraph
        for (int k = 0; k < w.length(); k++) if (PersonRecognizer.NUMERALS.indexOf(w.charAt(k)) >= 0) return false;
        if (PersonRecognizer.functionChar(w.charAt(0))) return false;
        Character kind = JapanesePersonDictionary.get(w);
        return kind != null && kind == JapanesePersonDictionary.X;
    }

    /** Transliterated names right after a title (英国外交大臣里夫金德): runs of transliteration characters. */
    static void foreignFrom(Analysis a, int i, Map<Long, NameSpan> spans) {
        String s = a.text;
        int j = i;
        while (j < s.length() && j - i < 7 && transliterationChar(s.charAt(j))) j++;
        for (int b = j; b >= i + 3; b--) {
            if (!a.wordEnd[b] && !Analysis.isBreak(s, b)) continue;
            NameSpan sp = NameSpan.at(spans, i, b);
            sp.foreign = true;
            break;
        }
    }

    /**
     * Made of transliteration characters, with at most one other in a name of three or more
     * (侯赛因) and name dots between the parts (马丁·路德·金).
     */
    static boolean transliterated(String w) {
        if (w.length() < 2) return false;
        int other = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (NAME_DOTS.indexOf(c) >= 0 && k > 0 && k < w.length() - 1) continue;
            if (!transliterationChar(c)) other++;
        }
        return other == 0 || other == 1 && w.length() >= 3;
    }

    static final String NAME_DOTS = "·・•‧";

    /** A name dot at {@code k} between two Han characters (马丁·路德). */
    static boolean nameDotAt(String s, int k) {
        return k >= 1 && k + 1 < s.length() && NAME_DOTS.indexOf(s.charAt(k)) >= 0
                && Analysis.isHan(s.charAt(k - 1)) && Analysis.isHan(s.charAt(k + 1));
    }

    /** A syllable character of the transliteration tables or of HanLP's transliterated-name dictionary. */
    static boolean transliterationChar(char c) {
        return TransliterationChars.SET.get(c);
    }

    /**
     * {@link #transliterationChar}'s answers for every UTF-16 unit, made once: it is asked of most characters of every
     * paragraph, and searching the table's string and then the dictionary each time was, in JFR's samples of the
     * recogniser alone, a twentieth of the CPU time of the recogniser's own code. The dictionary is never changed after
     * HanLP loads it.
     */
    private static final class TransliterationChars {
        static final java.util.BitSet SET = new java.util.BitSet(1 << 16);

        static {
            for (int c = 0; c < 1 << 16; c++) {
                if (TRANSLITERATION.indexOf(c) >= 0
                        || Analysis.isHan((char) c) && TranslatedPersonDictionary.containsKey(String.valueOf((char) c))) {
                    SET.set(c);
                }
            }
        }
    }
}
