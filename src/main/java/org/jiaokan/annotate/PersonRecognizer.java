package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.model.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal names, in four families of candidates that one scoring settles:
 * <ul>
 * <li>Chinese names: the segmenter's name recogniser, spans next to evidence (a title or a calling
 * before, 同志, a title or a speech verb after, a byline label, a closing parenthesised credit),
 * and at every surname the readings of one or two more characters that {@link NameModel} scores
 * from general person-role and word statistics. A candidate must start with a surname; its
 * given-name characters must be ones names use; words the core dictionary knows as common words
 * lose; context evidence wins. Two-character names need context or clear boundaries on both sides
 * unless their given name is a character only names use (牛犇).</li>
 * <li>Foreign names, proposed by {@link ForeignNames}: the segmenter's transliterations, read on
 * over the syllables it cut off (萨|马兰奇, 鲁宾斯|坦); runs of transliteration syllables no
 * dictionary word accounts for; parts joined by a name dot (丹尼斯·罗斯顿); Japanese family and
 * given names of HanLP's Japanese name dictionary (松井秀夫).</li>
 * <li>Addressed surnames: a surname followed by a title or form of address (江主席, 王大妈, 小李,
 * 上官厂长) is marked alone, as the usual annotation convention has it.</li>
 * <li>Lists: names joined by 、 or 和 to an accepted name are accepted with less evidence.</li>
 * </ul>
 * Readings whose shape rules a name out are dropped whatever their score: inside a known place, a
 * counting numeral, a hamlet name, a particle at the end, a title inside.
 */
final class PersonRecognizer {

    private static final double BASE_SEGMENTER = 0.35;
    private static final double BASE_RULE = 0.1;
    /** Uses in HanLP's person corpus below which a character does not count as a given-name character. */
    static final int MIN_GIVEN_COUNT = 30;

    /**
     * Characters that may follow a name in running text (王某在会上, 李某和, 张某的): a name ending
     * before one of them is cut in a plausible place even without other evidence.
     */
    static final String AFTER_NAME = "在是的和与及等对向同为也都就已将从把被到于又还曾今昨日所以";

    private final Lexicons lex;
    private final RoleRecognizer roles;
    private final ForeignNames foreign;
    private final MinorityNames minorities;
    private final NameRuns runs;

    PersonRecognizer(Lexicons lex, RoleRecognizer roles) {
        this.lex = lex;
        this.roles = roles;
        this.foreign = new ForeignNames(this, lex, roles);
        this.minorities = new MinorityNames(this, lex);
        this.runs = new NameRuns(this);
    }

    /** @param roleCandidates title candidates of the same text: a title right before a name is evidence */
    void find(Analysis a, List<Candidate> roleCandidates, List<Candidate> placeCandidates, double threshold, List<Candidate> out) {
        String s = a.text;
        boolean[] roleEnd = new boolean[s.length() + 1];
        for (Candidate r : roleCandidates) roleEnd[r.end()] = true;
        // The segmenter's own title nouns (总统/nnt, 外交大臣, 领导人) speak for a name just as ours do.
        for (Term t : a.terms) if (isTitleNoun(t)) roleEnd[t.offset + t.word.length()] = true;
        // 歌唱家|鄂秀兰, 果农|望春生: a calling in apposition, where the segmenter ends a word after it.
        for (int e = 2; e <= s.length(); e++) {
            int len = lex.occupations.longestEndingAt(s, e);
            // 孙子周|强: the segmenter may glue the calling to the name after it.
            if (len > 0 && (a.wordEnd[e] || startsName(a, e - len) && chiefSurnameAt(s, e)) && a.wordStart[e - len]
                    && e < s.length() && Analysis.isHan(s.charAt(e))) roleEnd[e] = true;
        }
        Map<Long, NameSpan> spans = new LinkedHashMap<>();
        for (int ti = 0; ti < a.terms.size(); ti++) {
            Term t = a.terms.get(ti);
            if (t.nature == null) continue;
            String n = t.nature.toString();
            if ((n.startsWith("nr") || n.equals("nz")) && addressedSurname(a, t, spans)) continue;
            if (n.equals("nr") || n.equals("nr1") || n.equals("nr2")) {
                int b = t.offset + nameLength(s, t);
                NameSpan.at(spans, t.offset, b).fromSegmenter = true;
                // 向|蒯永强: the segmenter glued a preposition to the name after it.
                if (t.word.length() >= 3 && BEFORE_NAME.indexOf(t.word.charAt(0)) >= 0 && surnameAt(s, t.offset + 1) > 0) {
                    NameSpan.at(spans, t.offset + 1, b).fromSegmenter = true;
                }
                // Most names have three characters, and the segmenter often gives a two-character
                // name's third character to the next word (沈国|放在 for 沈国放|在) or leaves it
                // alone (邓亚|萍|以); it is taken when the name then ends plausibly.
                // A two-character name the dictionary knows (李鹏, 巴金) stays as it is.
                int sur = surnameAt(s, t.offset);
                if (sur > 0 && t.word.length() == sur + 1 && b < s.length() && Analysis.isHan(s.charAt(b))
                        && !CoreDictionary.contains(t.word)
                        && rightEvidence(a, b) == 0 && (plausibleEnd(a, b + 1) || a.wordStart[b] && a.wordEnd[b + 1])
                        && givenRatio(s.charAt(b)) >= 0.5 && NameModel.givenUses(s.charAt(b)) >= MIN_GIVEN_COUNT
                        && !functionWordAt(a, b)) {
                    NameSpan.at(spans, t.offset, b + 1).fromSegmenter = true;
                }
            }
            // 卢日科|夫|市长: a three-character name word, a syllable and a title is a transliteration
            // the segmenter cut; a Chinese name does not take a fourth character before a title.
            if (n.equals("nr") && t.word.length() == 3 && ti + 1 < a.terms.size() && ForeignNames.transliterated(t.word)) {
                Term next = a.terms.get(ti + 1);
                int b = t.offset + 3;
                if (next.offset == b && next.word.length() == 1 && ForeignNames.transliterationChar(next.word.charAt(0))
                        && surnameAt(s, t.offset) != 2 && rightEvidence(a, b + 1) > 0) {
                    NameSpan sp = NameSpan.at(spans, t.offset, b + 1);
                    sp.fromSegmenter = true;
                    sp.foreign = true;
                }
            }
            if (t.word.length() >= 4 && !n.startsWith("nr")) knownNameInside(t, spans);
            if (n.equals("nrf") && ForeignNames.transliterated(t.word)) {
                NameSpan sp = NameSpan.at(spans, t.offset, t.offset + t.word.length());
                sp.fromSegmenter = true;
                sp.foreign = true;
            }
            // The segmenter cuts long transliterations (普里|马科夫, 萨|马兰奇): a short piece of
            // transliteration characters that is no common word joins the name after it.
            if ((n.startsWith("nr")) && ti > 0 && ForeignNames.transliterated(t.word)) {
                Term prev = a.terms.get(ti - 1);
                if (prev.word.length() <= 2 && prev.offset + prev.word.length() == t.offset
                        && prev.word.chars().allMatch(c -> ForeignNames.transliterationChar((char) c))
                        && !isCommonWord(prev.word) && t.word.length() + prev.word.length() >= 3) {
                    NameSpan sp = NameSpan.at(spans, prev.offset, t.offset + t.word.length());
                    sp.fromSegmenter = true;
                    sp.foreign = true;
                    // Four syllables or more (萨|马兰奇) outweigh the Chinese reading of the second piece.
                    if (sp.end - sp.start >= 4) sp.shape = Math.max(sp.shape, 0.75);
                }
            }
        }
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && (roleBefore(s, i, roleEnd) || bylineBefore(s, i) >= 0 || openParen(s, i - 1))) {
                spansFrom(s, i, spans);
                if (roleBefore(s, i, roleEnd)) ForeignNames.foreignFrom(a, i, spans);
            }
            if (i > 0 && rightEvidence(a, i) > 0) spansTo(s, i, spans);
        }
        foreign.transliterationRuns(a, spans);
        foreign.extendTransliterations(a, spans);
        foreign.dottedNames(a, spans);
        foreign.japaneseNames(a, roleEnd, spans);
        minorities.find(a, roleEnd, spans);
        boolean[] knownPlace = knownPlaces(a, placeCandidates);
        runs.find(a, roleEnd, knownPlace, spans);
        boolean[] titled = titledSurnames(a, spans);
        modelSpans(a, placeCandidates, titled, spans);
        List<NameSpan> all = new ArrayList<>(spans.values());
        for (NameSpan sp : all) {
            // 江主席, 李先生: the surname alone is the mention; no longer reading starts there.
            if (sp.overrun || titled[sp.start] && !sp.addressed || !sp.addressed && implausible(a, sp, titled, knownPlace, roleEnd)) {
                sp.score = 0;
                continue;
            }
            sp.score = Math.max(sp.shape, Math.max(sp.model, score(a, sp, roleEnd)));
        }
        // Names listed with an accepted name (甲、乙和丙) share its standing. Neighbours are looked
        // up by offset: a long paragraph has many spans.
        OffsetIndex<NameSpan> index = new OffsetIndex<>(all, sp -> sp.start, sp -> sp.end);
        // A dotted name stands at least as high as any of its parts (罗宾 alone is a known name,
        // 罗宾·卡特赖特 the whole one).
        // So does a transliteration of four syllables or more over a Chinese reading of its start
        // made of the same syllables (韦德里纳 over 韦德里, 鲁宾斯坦 over 鲁宾).
        for (NameSpan sp : all) {
            if (sp.score <= 0) continue;
            boolean dotted = hasNameDot(s, sp.start, sp.end);
            boolean longForeign = sp.foreign && sp.end - sp.start >= 4 && ForeignNames.transliterated(s.substring(sp.start, sp.end));
            if (!dotted && !longForeign) continue;
            for (int k = sp.start; k < sp.end; k++) {
                for (NameSpan part : index.startingAt(k)) {
                    if (part.end > sp.end || part == sp) continue;
                    if (dotted || k == sp.start && ForeignNames.transliterated(s.substring(part.start, part.end))) sp.score = Math.max(sp.score, part.score);
                }
            }
        }
        for (int round = 0; round < 2; round++) {
            for (NameSpan sp : all) {
                if (sp.score >= threshold || sp.score < threshold - 0.3) continue;
                if (listedWithAccepted(s, sp, index, threshold)) sp.score += 0.3;
            }
        }
        for (NameSpan sp : all) {
            if (afterQuantity(s, sp.start)) continue;
            out.add(new Candidate(sp.start, sp.end, EntityType.PERSON, Math.max(0, Math.min(1, sp.score))));
        }
    }

    /** A name dot between two Han characters lies inside {@code s[i, j)}. */
    static boolean hasNameDot(String s, int i, int j) {
        for (int k = i + 1; k < j - 1; k++) if (ForeignNames.nameDotAt(s, k)) return true;
        return false;
    }

    /** Characters that join names in a list (甲、乙和丙). */
    static final String JOINERS = "、和与及";

    /** A character that follows names or joins them (在, 的, 和): a name ends before it. */
    static boolean endsName(char c) {
        return JOINERS.indexOf(c) >= 0 || AFTER_NAME.indexOf(c) >= 0;
    }

    /** A character that stands before or after names, or joins them (和, 由, 在): no name starts with it. */
    static boolean functionChar(char c) {
        return BEFORE_NAME.indexOf(c) >= 0 || endsName(c);
    }

    /**
     * Places a lexicon vouches for (gazetteer, core dictionary, compounds, short forms): a name
     * lying wholly inside one is the place (吉隆坡, 新西兰), however name-like its characters.
     */
    private static boolean[] knownPlaces(Analysis a, List<Candidate> placeCandidates) {
        boolean[] known = new boolean[a.text.length()];
        for (Candidate c : placeCandidates) {
            if (c.confidence() < 0.7) continue;
            for (int k = c.start(); k < c.end(); k++) known[k] = true;
        }
        for (Term t : a.terms) {
            if (t.nature == null || !t.nature.toString().startsWith("ns") || t.word.length() < 2) continue;
            CoreDictionary.Attribute attr = CoreDictionary.get(t.word);
            if (attr == null || attr.getNatureFrequency(com.hankcs.hanlp.corpus.tag.Nature.nr) * 2 > attr.totalFrequency) continue;
            for (int k = t.offset; k < t.offset + t.word.length() && k < known.length; k++) known[k] = true;
        }
        return known;
    }

    /** Measure words and time nouns after a numeral (一比二, 十八户, 五场, 一夜): the numeral counts, it names no one. */
    static final String MEASURES = "比分名户位个次天场年月日人条项件届岁元米夜局盘轮号层国";
    /** Numerals that may close a reading only where no measure follows (王一 but not 战成一|比). */
    static final String NAME_NUMERALS = "一二三四五六七八九十百千万两";
    /** Place heads after 家 (黄家湾, 王家庄) and settlement words after a reading (柳树湾|村). */
    private static final String HAMLET_HEADS = "湾村庄沟坪营寨屯桥洼坡岭埠店";
    private static final String SETTLEMENTS = "村镇乡屯寨庄";

    /**
     * Readings whose shape rules a name out: inside a known place, holding a surname that a form of
     * address claims (向|周主任), a numeral that counts (连胜五|场), or a hamlet name (黄家湾, 柳树湾|村).
     */
    private boolean implausible(Analysis a, NameSpan sp, boolean[] titled, boolean[] knownPlace, boolean[] roleEnd) {
        String s = a.text;
        int i = sp.start;
        int j = sp.end;
        boolean inside = true;
        for (int k = i; k < j && inside; k++) inside = k < knownPlace.length && knownPlace[k];
        if (inside) return true;
        // 尼赫|鲁总理: a title inside a span closes the name before it.
        for (int k = i + 1; k < j; k++) {
            int t = roles.titleAt(s, k);
            if (t > 0 && k + t <= j) return true;
        }
        boolean vouched = roleBefore(s, i, roleEnd) || rightEvidence(a, j) > 0 || bylineBefore(s, i) >= 0;
        // 在明斯克举行, 攻占了马扎里沙里夫, 袭击了达吉斯坦的: where one goes or what one takes is a place.
        if (sp.foreign && !vouched && (locativeBefore(a, i) || placeWordAfter(s, j) && !partnerBefore(s, i, j))) return true;
        if (sp.foreign || sp.shape > 0) return false;
        for (int k = i + 1; k < j; k++) if (titled[k]) return true;
        // 孙子周: a calling ends inside the span, so the name starts after it.
        for (int k = i + 2; k < j; k++) if (roleEnd[k]) return true;
        // 一|万多名, 第一|位女村: a reading right after a numeral is a quantity.
        if (i > 0 && NUMERALS.indexOf(s.charAt(i - 1)) >= 0) return true;
        if (j < s.length() && NAME_NUMERALS.indexOf(s.charAt(j - 1)) >= 0
                && (MEASURES.indexOf(s.charAt(j)) >= 0 || NAME_NUMERALS.indexOf(s.charAt(j)) >= 0 || NUMERALS.indexOf(s.charAt(j)) >= 0)) {
            return true;
        }
        for (int k = i + 1; k < j; k++) {
            if (NAME_NUMERALS.indexOf(s.charAt(k)) >= 0 && k + 1 < s.length() && MEASURES.indexOf(s.charAt(k + 1)) >= 0) return true;
        }
        // 高兴地, 看着: names do not end in a structural or aspect particle.
        if (j - i >= 3 && "地得着了过们".indexOf(s.charAt(j - 1)) >= 0) return true;
        // 向廖红, 对王军: a preposition that is seldom a surname, before a character that chiefly is one.
        if (j - i == 3 && BEFORE_NAME.indexOf(s.charAt(i)) >= 0 && NameModel.surnameShare(s.charAt(i)) < 0.5 && chiefSurnameAt(s, i + 1)) return true;
        int sur = surnameAt(s, i);
        if (sur > 0 && sur < j - i) {
            String given = s.substring(i + sur, j);
            // 向|客人, 曾|多次, 方|永远: a character seldom a surname before a common word is no name.
            if (given.length() == 2 && sur == 1 && NameModel.surnameShare(s.charAt(i)) < 0.5 && CoreDictionary.getTermFrequency(given) >= 20
                    && !knownName(s.substring(i, j))) {
                return true;
            }
        }
        // 李子, 杨树, 高铁: a two-character common word is a name only with a title or honorific beside it.
        // A very common one (陆军|司令) not even with a title.
        if (j - i == 2) {
            String word = s.substring(i, j);
            int frequency = CoreDictionary.getTermFrequency(word);
            boolean addressed = j < s.length() && lex.honorifics.longestAt(s, j) > 0 || bylineBefore(s, i) >= 0;
            if ((!vouched && frequency >= 10 || !addressed && frequency >= 30) && isCommonWord(word) && !knownName(word)) return true;
        }
        if (j - i >= 3 && s.charAt(j - 2) == '家' && HAMLET_HEADS.indexOf(s.charAt(j - 1)) >= 0) return true;
        return j < s.length() && SETTLEMENTS.indexOf(s.charAt(j)) >= 0 && roles.titleAt(s, j) == 0
                && (j + 1 >= s.length() || !isCommonWord(s.substring(j, j + 2)) || s.charAt(j) == '村');
    }

    /** Verbs of going, staying and taking whose object is a place (在, 赴, 抵达, 攻占), as the segmenter's word before {@code i}. */
    private static final java.util.Set<String> LOCATIVES = java.util.Set.of(
            "在", "于", "到", "赴", "抵", "抵达", "前往", "飞抵", "来到", "离开", "途经", "经过", "访问", "袭击", "攻占",
            "进入", "撤出", "位于", "来自", "驻");

    static boolean locativeBefore(Analysis a, int i) {
        String w = a.termEndingAt(i);
        if (w != null && LOCATIVES.contains(w)) return true;
        // 袭击了|达吉斯坦: the same verbs with the aspect particle.
        if (i < 2 || a.text.charAt(i - 1) != '了') return false;
        w = a.termEndingAt(i - 1);
        return w != null && w.length() >= 2 && LOCATIVES.contains(w);
    }

    /** Words after a name that make it a place (卡拉巴赫|问题 is not among them: people have problems too). */
    private static final List<String> PLACE_WORDS_AFTER = List.of(
            "地区", "边疆区", "群岛", "之间", "一带", "境内", "附近", "举行", "召开", "首都", "市", "州", "省", "岛", "港", "湾");

    /** 同|科尔涅耶娃|举行会谈: after 同, 与 or 跟, the one who holds a meeting is a person, not where it is held. */
    private static boolean partnerBefore(String s, int i, int j) {
        return i > 0 && "同与跟".indexOf(s.charAt(i - 1)) >= 0 && (s.startsWith("举行", j) || s.startsWith("召开", j));
    }

    private static boolean placeWordAfter(String s, int j) {
        for (String w : PLACE_WORDS_AFTER) if (s.startsWith(w, j)) return true;
        return false;
    }

    /** Numerals, after which 余/多/来/几 mean "more than" (300余万元, 十多人), not a surname. */
    static final String NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十百千万萬两兩";

    /** True where a span opens with an approximation particle right after a number (300余万元). */
    private static boolean afterQuantity(String s, int start) {
        if (start == 0 || NUMERALS.indexOf(s.charAt(start - 1)) < 0) return false;
        return "余多来几餘幾來".indexOf(s.charAt(start)) >= 0;
    }

    /** Name-model log-odds a span needs to be proposed without any other evidence. */
    private static final double MODEL_THRESHOLD = 5.0;
    /** Log-odds a reading needs less when the segmenter's name recogniser found the same span. */
    private static final double SEGMENTER_AGREES = 2.0;
    /** Log-odds taken off a reading that cuts a Chinese name the segmenter found (向王建 across 王建国). */
    private static final double NAME_CUT = 4.0;

    /**
     * {@code s[i, j)} overlaps a Chinese name of the segmenter without holding all of it.
     * {@code names[k]} is the end of the segmenter's Chinese name that starts at {@code k}, or 0.
     */
    private static boolean cutsSegmenterName(int[] names, int i, int j) {
        // A name word that starts inside the span and runs past it, or one that starts before it and reaches in.
        for (int k = Math.max(0, i - MAX_NAME_WORD); k < j && k < names.length; k++) {
            int b = names[k];
            if (b == 0 || b <= i) continue;
            if (k < i || b > j) return true;
        }
        return false;
    }

    /**
     * {@code s[i, j)} runs past the segmenter's name starting at {@code i} over a word the segmenter
     * read as a function word of its own (石磊|才/d|是, 吴斌|刚/d|从, 孟强|一/m|进门): its name
     * recogniser, which has seen such words after names, ended the name there.
     */
    private static boolean extendsOverFunctionWord(Analysis a, int[] names, int i, int j) {
        int end = i < names.length ? names[i] : 0;
        if (end <= i || j <= end) return false;
        for (int k = end; k < j; ) {
            Term t = a.termAt(k);
            if (t == null) return false;
            if (functionWordAt(a, k)) return true;
            k += t.word.length();
        }
        return false;
    }

    /**
     * The segmenter reads a one-character function word of its own at {@code k} (才/d, 刚/d, 对/p).
     * Numerals are left out: 金泳三 and 李谷一 end in one.
     */
    private static boolean functionWordAt(Analysis a, int k) {
        Term t = a.termAt(k);
        return t != null && t.word.length() == 1 && t.nature != null && FUNCTION_NATURES.indexOf(t.nature.toString().charAt(0)) >= 0;
    }

    /** First letters of the segmenter's parts of speech for function words: adverbs, prepositions, conjunctions, particles, pronouns. */
    private static final String FUNCTION_NATURES = "dpcury";

    /** Longest Chinese name word of the segmenter looked back for. */
    private static final int MAX_NAME_WORD = 8;

    /** The end of the segmenter's Chinese name (nature nr, two characters or more) starting at each offset, or 0. */
    private int[] segmenterNames(Analysis a) {
        int[] names = new int[a.text.length()];
        for (Term t : a.terms) {
            if (t.nature == null || !t.nature.toString().equals("nr") || t.word.length() < 2) continue;
            // 祝贺马|建华: a name word that opens with a common word glued a verb to a surname; it is no name to protect.
            if (t.word.length() == 3 && isCommonWord(t.word.substring(0, 2))) continue;
            // 钱由范|明: a preposition inside that names seldom use (unlike 和 in 江和平) is no given name.
            if (t.word.length() == 3 && functionChar(t.word.charAt(1)) && NameModel.givenUses(t.word.charAt(1)) < MIN_GIVEN_COUNT) continue;
            int start = t.offset;
            // 向周丽: the preposition glued before the surname is not part of the name to protect.
            if (t.word.length() == 3 && BEFORE_NAME.indexOf(t.word.charAt(0)) >= 0 && chiefSurnameAt(a.text, start + 1)) start++;
            if (start >= 0 && start < names.length) names[start] = t.offset + nameLength(a.text, t);
        }
        return names;
    }

    /**
     * Length of the name in a segmenter name word: a three-character word ending in a joiner right
     * before another surname (韩冬和|冯雪, 黄英和|陈丽) is a two-character name and the joiner.
     */
    private int nameLength(String s, Term t) {
        int n = t.word.length();
        int end = t.offset + n;
        return n == 3 && joinerAt(s, end - 1) && chiefSurnameAt(s, end) ? 2 : n;
    }

    /** Log-odds taken off a name that would overlap a place the place recogniser found (长江, 江苏). */
    private static final double PLACE_OVERLAP = 4.0;

    /**
     * At every surname, the name model's best reading (surname + one or two characters), when its
     * log-odds clear {@link #MODEL_THRESHOLD}, or that less {@link #SEGMENTER_AGREES} where the
     * segmenter found the same name. Candidates overlap freely here; the annotator keeps the most
     * confident, so the confidence grows with the log-odds.
     */
    private void modelSpans(Analysis a, List<Candidate> placeCandidates, boolean[] titled, Map<Long, NameSpan> spans) {
        String s = a.text;
        boolean[] inPlace = null;
        boolean[] foreignAt = null;
        int[] names = segmenterNames(a);
        List<double[]> found = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (!Analysis.isHan(s.charAt(i)) || titled[i]) continue;
            int sur = surnameAt(s, i);
            if (sur == 0) continue;
            if (inPlace == null) {
                // Places found, and foreign names the segmenter found (戈尔巴乔夫 holds no 巴乔夫):
                // a name rarely overlaps either.
                inPlace = new boolean[s.length()];
                for (Candidate c : placeCandidates) {
                    if (c.confidence() < ChineseAnnotator.MIN_CONFIDENCE) continue;
                    for (int k = c.start(); k < c.end(); k++) inPlace[k] = true;
                }
                for (Term t : a.terms) {
                    if (t.nature == null || t.word.length() < 3) continue;
                    String n = t.nature.toString();
                    if (!n.equals("nrf") && !n.equals("nrj") && !n.startsWith("ns")) continue;
                    for (int k = t.offset; k < t.offset + t.word.length() && k < s.length(); k++) inPlace[k] = true;
                }
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestEnd = -1;
            for (int given = 1; given <= 2; given++) {
                int j = i + sur + given;
                if (j > s.length() || !allHan(s, i, j)) break;
                double x = NameModel.score(a, i, j, sur);
                for (int k = i; k < j; k++) {
                    if (inPlace[k]) {
                        x -= PLACE_OVERLAP;
                        break;
                    }
                }
                if (cutsSegmenterName(names, i, j)) x -= NAME_CUT;
                if (extendsOverFunctionWord(a, names, i, j)) x -= NAME_CUT;
                if (x > best) {
                    best = x;
                    bestEnd = j;
                }
            }
            // The segmenter's own name recogniser proposing the same span is independent evidence.
            // A foreign name there (齐默尔|曼, 石井良|子) takes the segmenter's piece of it as its own.
            if (foreignAt == null) foreignAt = foreignMask(s, spans);
            double need = bestEnd > 0 && names[i] == bestEnd && !any(foreignAt, i, bestEnd)
                    && chiefSurnameAt(s, i) && commonInNames(s, i + sur, bestEnd) && !nounAfter(a, bestEnd)
                    ? MODEL_THRESHOLD - SEGMENTER_AGREES : MODEL_THRESHOLD;
            if (best >= need) found.add(new double[] {best, i, bestEnd, need});
            // 牛犇, 施湉: a surname and a character that only names use is a reading the rules weigh.
            int one = i + sur + 1;
            if (one <= s.length() && allHan(s, i, one) && NameModel.nameOnly(s.charAt(one - 1))) NameSpan.at(spans, i, one);
        }
        // Readings that overlap (王建国 and 建国, 向王建 and 王建国): the one with higher log-odds stands.
        found.sort((x, y) -> Double.compare(y[0], x[0]));
        boolean[] used = new boolean[s.length()];
        for (double[] f : found) {
            int i = (int) f[1];
            int j = (int) f[2];
            boolean free = true;
            for (int k = i; k < j && free; k++) free = !used[k];
            if (!free) continue;
            for (int k = i; k < j; k++) used[k] = true;
            NameSpan.at(spans, i, j).model = 0.5 + 0.4 * (1 - Math.exp(-(f[0] - f[3]) / 4));
        }
    }

    /**
     * A common noun starts at {@code j} (石太|输油管道): what stands before it modifies it more often
     * than it names a person. Titles, honorifics and names after names do not count.
     */
    private boolean nounAfter(Analysis a, int j) {
        Term t = a.termAt(j);
        if (t == null || t.nature == null || t.word.length() < 2) return false;
        String n = t.nature.toString();
        if (!n.startsWith("n") || n.startsWith("nr") || n.startsWith("ns") || n.equals("nnt") || n.equals("nnd")) return false;
        return rightEvidence(a, j) == 0 && lex.occupations.longestAt(a.text, j) == 0;
    }

    /** Every character of {@code s[a, b)} is one names often use (弛, seen ten times in names, is not). */
    private static boolean commonInNames(String s, int a, int b) {
        for (int k = a; k < b; k++) if (NameModel.givenUses(s.charAt(k)) < MIN_GIVEN_COUNT) return false;
        return true;
    }

    /** Offsets covered by a foreign or Japanese name proposed so far. */
    private static boolean[] foreignMask(String s, Map<Long, NameSpan> spans) {
        boolean[] mask = new boolean[s.length()];
        for (NameSpan sp : spans.values()) {
            if (sp.foreign || sp.shape > 0) java.util.Arrays.fill(mask, sp.start, Math.min(sp.end, s.length()), true);
        }
        return mask;
    }

    static boolean any(boolean[] mask, int i, int j) {
        for (int k = i; k < j; k++) if (mask[k]) return true;
        return false;
    }

    /**
     * Surnames followed by a title or a form of address (江主席, 李部长, 王老师, 张总): the usual
     * annotation convention marks the surname alone, and no longer name starts there. The
     * character must be chiefly a surname (not 向 or 于, mostly prepositions) and stand clear of
     * the word before it.
     */
    private boolean[] titledSurnames(Analysis a, Map<Long, NameSpan> spans) {
        String s = a.text;
        boolean[] titled = new boolean[s.length() + 1];
        for (int i = 0; i + 1 < s.length(); i++) {
            // 欧阳教授, 上官厂长: a compound surname is addressed whole.
            int sur = surnameAt(s, i);
            // ... where a character follows it; else its first character is taken alone, if it is a surname itself.
            if (sur == 2 && i + 3 > s.length()) sur = lex.singleSurnames.get(s.charAt(i)) ? 1 : 0;
            if (sur == 0) continue;
            // A character often something else (谷, 查, 区) counts as a surname only where a name may start.
            boolean weak = sur == 1 && NameModel.surnameShare(s.charAt(i)) < 0.5;
            if (weak && (!(clearLeft(s, i) || i > 0 && "的老".indexOf(s.charAt(i - 1)) >= 0)
                    || BEFORE_NAME.indexOf(s.charAt(i)) >= 0 || AFTER_NAME.indexOf(s.charAt(i)) >= 0)) continue;
            if (i > 0 && (!a.wordStart[i] || isCommonWord(s.substring(i - 1, i + 1)))) continue;
            // 乌克|兰总统, 九|江某: the character ends a place or a foreign name, not a surname.
            if (a.insidePlaceWord[i] || a.insideName[i] && !startsName(a, i)) continue;
            // 钟鸣|岳主席: the character may close a name that starts one or two characters before.
            if (sur == 1 && closesName(a, i)) continue;
            // 敬老院, 古老: the surname and its form of address make a word of the dictionary.
            Term t = a.termAt(i);
            if (t != null && t.word.length() > sur && t.nature != null && !t.nature.startsWith("nr") && isCommonWord(t.word)) continue;
            int b = i + sur;
            int len = Math.max(roles.titleAt(s, b), lex.honorifics.longestAt(s, b));
            if (len == 0) len = addressFormAt(s, b);
            if (len == 0 || weak && len < 2 || weak && isCommonWord(s.substring(i, i + 2))) continue;
            for (int k = i; k < i + sur; k++) titled[k] = true;
            NameSpan.at(spans, i, i + sur).addressed = true;
            i += sur - 1;
        }
        return titled;
    }

    /**
     * A surname one or two characters before {@code i} opens a name that {@code i} would close: the
     * characters between are no word with the one before them (钟鸣|岳, but not 省委|王 or 的|王).
     */
    private boolean closesName(Analysis a, int i) {
        String s = a.text;
        for (int back = 1; back <= 2; back++) {
            int k = i - back;
            if (k < 0 || !allHan(s, k, i) || surnameAt(s, k) == 0 || NameModel.surnameShare(s.charAt(k)) < 0.3) continue;
            if (k > 0 && Analysis.isHan(s.charAt(k - 1)) && !a.wordEnd[k]) continue;
            if (isCommonWord(s.substring(k, i + 1)) || back == 2 && isCommonWord(s.substring(k, i))) continue;
            if (NameModel.givenUses(s.charAt(i)) < MIN_GIVEN_COUNT || back == 2 && NameModel.givenUses(s.charAt(k + 1)) < MIN_GIVEN_COUNT) continue;
            return true;
        }
        return false;
    }

    /** A segmenter word of a personal name starts at {@code i}. */
    private static boolean startsName(Analysis a, int i) {
        Term t = a.termAt(i);
        return t != null && t.nature != null && t.nature.startsWith("nr");
    }

    /** Length of a form of address starting at {@code b} (大妈, 先生; 总 or 老 only where no word runs on), or 0. */
    private static int addressFormAt(String s, int b) {
        for (String f : ADDRESS_FORMS) {
            if (!s.startsWith(f, b)) continue;
            if (f.length() == 1 && b + 2 <= s.length() && CoreDictionary.contains(s.substring(b, b + 2))) continue;
            return f.length();
        }
        return 0;
    }

    /** Forms of address after a surname (王大妈, 李先生): the surname alone stands for the person. */
    private static final String[] ADDRESS_FORMS = {
        "先生", "女士", "小姐", "太太", "夫人", "老师", "师傅", "大夫", "医生", "大妈", "大爷", "大娘", "大婶", "大嫂",
        "大姐", "大哥", "大叔", "阿姨", "奶奶", "爷爷", "老汉", "老太", "婆婆", "伯伯", "叔叔", "同志", "支书", "法官", "参赞", "秘书", "老总", "记者", "会计", "老板", "警官", "检察官", "工程师", "导演", "指导",
        "村长", "经理", "教练", "律师", "护士", "班长", "排长", "连长", "营长", "嫂", "老", "总", "某"};

    /**
     * A segmenter word that is a surname with a form of address (王大妈, 李先生) or 小/老 before a
     * surname (小李, 老张): the surname alone is the person's mention, as in the usual annotation
     * convention for such forms. Returns true when {@code t} was such a word.
     */
    private boolean addressedSurname(Analysis a, Term t, Map<Long, NameSpan> spans) {
        String w = t.word;
        if (knownName(w)) return false;   // 老舍 is a writer's name, not 老 + 舍
        if (w.length() == 2 && (w.charAt(0) == '小' || w.charAt(0) == '老') && surnameRatio(w.substring(1)) >= 0.5) {
            NameSpan.at(spans, t.offset + 1, t.offset + 2).addressed = true;
            return true;
        }
        if (w.length() >= 2 && surnameRatio(w.substring(0, 1)) >= 0.5 && lex.surnames.contains(w.substring(0, 1))) {
            String rest = w.substring(1);
            for (String f : ADDRESS_FORMS) {
                if (rest.equals(f)) {
                    NameSpan.at(spans, t.offset, t.offset + 1).addressed = true;
                    return true;
                }
            }
        }
        return false;
    }

    /** Length of the surname starting at {@code i}: 2 for a compound one, 1, or 0. */
    int surnameAt(String s, int i) {
        if (i >= s.length()) return 0;
        // no string is made where no surname of that length begins with the character
        char c = s.charAt(i);
        if (i + 2 <= s.length() && lex.compoundSurnameFirsts.get(c) && lex.surnames.contains(s.substring(i, i + 2))) return 2;
        return lex.singleSurnames.get(c) ? 1 : 0;
    }

    /** A surname starts at {@code i} that is chiefly a surname (周, 陈; not 向 or 明), or a compound one. */
    boolean chiefSurnameAt(String s, int i) {
        int sur = surnameAt(s, i);
        return sur == 2 || sur == 1 && NameModel.surnameShare(s.charAt(i)) >= 0.5;
    }

    private void spansFrom(String s, int i, Map<Long, NameSpan> spans) {
        int sur = surnameAt(s, i);
        if (sur == 0) return;
        for (int given = 1; given <= 2; given++) {
            int b = i + sur + given;
            if (b <= s.length() && allHan(s, i, b)) NameSpan.at(spans, i, b);
        }
    }

    private void spansTo(String s, int b, Map<Long, NameSpan> spans) {
        for (int len = 2; len <= 4; len++) {
            int i = b - len;
            if (i < 0 || !allHan(s, i, b)) continue;
            int sur = surnameAt(s, i);
            if (sur > 0 && len - sur >= 1 && len - sur <= 2) NameSpan.at(spans, i, b);
        }
    }

    static boolean allHan(String s, int a, int b) {
        for (int k = a; k < b; k++) if (!Analysis.isHan(s.charAt(k))) return false;
        return true;
    }

    private static boolean isTitleNoun(Term t) {
        return t.nature != null && t.nature.toString().equals("nnt") && t.word.length() >= 2;
    }

    private double score(Analysis a, NameSpan sp, boolean[] roleEnd) {
        String s = a.text;
        if (sp.foreign) return foreignScore(a, sp, roleEnd);
        if (sp.addressed) return 0.7;
        String name = s.substring(sp.start, sp.end);
        int sur = surnameAt(s, sp.start);
        if (sur == 0 || sur >= name.length() || name.length() > 4) return 0;
        String given = name.substring(sur);
        double score = sp.fromSegmenter ? BASE_SEGMENTER : BASE_RULE;

        double context = 0;
        if (roleBefore(s, sp.start, roleEnd)) context += 0.35;
        if (bylineBefore(s, sp.start) >= 0) context += 0.4;
        if (openParen(s, sp.start - 1) && closingCredit(s, sp.end)) context += 0.4;
        if (introBefore(s, sp.start)) context += 0.2;
        context += rightEvidence(a, sp.end);
        score += Math.min(context, 0.6);

        boolean clean = true;
        double worst = 1;
        for (int k = 0; k < given.length(); k++) {
            char c = given.charAt(k);
            worst = Math.min(worst, givenRatio(c));
            // Rarely seen in names at all: not proof against a name, but no proof for one either.
            if (NameModel.rareInNames(c)) clean = false;
        }
        if (worst < 0.3) {
            score -= 0.3;
            clean = false;
        }
        // A name does not start inside a word (责|任级级 is 责任 + 级级).
        if (sp.start > 0 && isCommonWord(s.substring(sp.start - 1, sp.start + 1))) {
            score -= 0.3;
            clean = false;
        }
        if (a.insidePlaceWord[sp.start]) {
            score -= 0.4;
            clean = false;
        }
        if (isCommonWord(name)) {
            score -= 0.4;
            clean = false;
        }
        if (name.length() >= 3 && isCommonWord(name.substring(0, 2))) {
            score -= 0.3;
            clean = false;
        }
        // 周强今|年: a last character that opens a word found after names far more often than the
        // character closes a given name.
        if (given.length() == 2 && NameModel.opensWordAfterName(s, sp.end - 1)) {
            score -= 0.3;
            clean = false;
        }
        // A given name that is a word (长河, 建设) counts against a name only after a character that
        // is not chiefly a surname (高, 方); after 邬 or 聂 it is just a given name.
        if (given.length() == 2 && isCommonWord(given)) {
            if (sur != 1 || NameModel.surnameShare(name.charAt(0)) < 0.5) score -= 0.2;
            clean = false;
        }
        // 韩冬和冯雪: a third character that is a conjunction before another surname joins two names.
        if (given.length() == 2 && joinerAt(s, sp.end - 1) && surnameAt(s, sp.end) > 0) score -= 0.5;
        if (surnameRatio(name.substring(0, sur)) >= 0.5) score += 0.1;
        // 牛犇, 施湉: a given name of a character that only names use speaks for itself.
        if (given.length() == 1 && NameModel.nameOnly(given.charAt(0))) score += 0.25;
        if (name.length() >= 3 && clean) score += 0.2;
        boolean known = knownName(name);
        if (known) score += 0.3;
        // A two-character name with no context words must at least stand clear on both sides
        // (徐虎是…, 由张某执导): after a break or a function character, before one.
        if (name.length() == 2 && context == 0 && !known && !(clean && clearLeft(s, sp.start) && plausibleEnd(a, sp.end))) score -= 0.2;
        // A name runs up to a break, a title, 同志 or a verb; one that runs into the middle of a
        // word (舒庆副|省长) is probably cut in the wrong place.
        if (Analysis.isBreak(s, sp.end) || rightEvidence(a, sp.end) > 0 || joinerAt(s, sp.end)
                || AFTER_NAME.indexOf(s.charAt(sp.end)) >= 0 || wordFollows(s, sp.end)) score += 0.05;
        else score -= 0.1;
        return score;
    }

    /** Transliterated names: three or more syllables stand alone, two need a title or a verb beside them. */
    private double foreignScore(Analysis a, NameSpan sp, boolean[] roleEnd) {
        String s = a.text;
        double score = (sp.end - sp.start) >= 3 ? (sp.run && !sp.fromSegmenter ? 0.55 : 0.6) : 0.3;
        if (roleBefore(s, sp.start, roleEnd) || rightEvidence(a, sp.end) > 0) score += 0.3;
        if (isCommonWord(s.substring(sp.start, sp.end))) score -= 0.4;
        return score;
    }

    /** A title, an honorific or a verb of speech starts at {@code k}, whatever the segmenter made of it. */
    boolean evidenceAt(String s, int k) {
        return lex.honorifics.longestAt(s, k) > 0 || roles.titleAt(s, k) > 0 || lex.speechVerbs.longestAt(s, k) > 0;
    }

    /** Evidence to the right of a name ending at {@code b}: honorific, title, speech verb, 等. */
    double rightEvidence(Analysis a, int b) {
        String s = a.text;
        // 吴斌来|说: evidence that starts inside a word of the segmenter (来说) is none.
        if (b >= s.length() || !a.wordStart[b]) return 0;
        if (lex.honorifics.longestAt(s, b) > 0) return 0.35;
        if (a.titleNounStart[b] || roles.titleAt(s, b) > 0) return 0.3;
        if (lex.speechVerbs.longestAt(s, b) > 0) return 0.25;
        if (s.charAt(b) == '等') return 0.1;
        return 0;
    }

    /** A title ends right before {@code i}, or before spaces that end there (县公安局局长　李明华). */
    static boolean roleBefore(String s, int i, boolean[] roleEnd) {
        int j = i;
        while (j > 0 && Analysis.isSpace(s.charAt(j - 1))) j--;
        return roleEnd[j];
    }

    /** Characters that commonly stand right before a name (由张某, 和李某, 对王某). */
    static final String BEFORE_NAME = "由和与同对向给让叫被把从据为及跟";

    private static boolean clearLeft(String s, int i) {
        return i == 0 || Analysis.isBreak(s, i - 1) || BEFORE_NAME.indexOf(s.charAt(i - 1)) >= 0;
    }

    /** A name may end at {@code b}: a break, a character that follows names, or evidence. */
    boolean plausibleEnd(Analysis a, int b) {
        String s = a.text;
        // 和 before a verb of speech (尹廷和|会见) is no joiner: it ends the name itself.
        if (Analysis.isBreak(s, b)) return true;
        if (joinerAt(s, b)) return b + 1 >= s.length() || lex.speechVerbs.longestAt(s, b + 1) == 0;
        return AFTER_NAME.indexOf(s.charAt(b)) >= 0 || rightEvidence(a, b) > 0;
    }

    /** 邓小平理论, 毛泽东思想: the dictionary keeps such phrases whole; the known name opening them is a person. */
    private static void knownNameInside(Term t, Map<Long, NameSpan> spans) {
        for (int len = 3; len >= 2; len--) {
            if (t.word.length() - len < 2) continue;
            if (knownName(t.word.substring(0, len)) && CoreDictionary.contains(t.word.substring(len))) {
                NameSpan.at(spans, t.offset, t.offset + len).fromSegmenter = true;
                return;
            }
        }
    }

    /** A name the core dictionary knows, chiefly as a personal name (邓小平, 雷锋). */
    private static boolean knownName(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr != null && attr.getNatureFrequency(com.hankcs.hanlp.corpus.tag.Nature.nr) * 2 > attr.totalFrequency;
    }

    /** A two-character word of the dictionary starts at {@code b} (韩进财|带领): the name may end there. */
    private static boolean wordFollows(String s, int b) {
        if (b + 2 > s.length()) return false;
        CoreDictionary.Attribute attr = CoreDictionary.get(s.substring(b, b + 2));
        return attr != null && attr.totalFrequency >= 5 && !attr.hasNatureStartsWith("nr");
    }

    /** Start of a byline label ending right before {@code i} (编辑：, 记者 ), or -1. */
    int bylineBefore(String s, int i) {
        int j = i;
        while (j > 0 && (Analysis.isSpace(s.charAt(j - 1)) || ":：/".indexOf(s.charAt(j - 1)) >= 0)) j--;
        int len = lex.bylineLabels.longestEndingAt(s, j);
        if (len == 0) return -1;
        if (j == i && !s.startsWith("记者", j - len)) return -1;   // 编辑刘某 without a colon is rare; 记者王某 is usual
        return j - len;
    }

    private boolean introBefore(String s, int i) {
        return lex.listIntros.longestEndingAt(s, i) > 0;
    }

    static boolean openParen(String s, int i) {
        return i >= 0 && i < s.length() && (s.charAt(i) == '(' || s.charAt(i) == '（');
    }

    /** A parenthesised credit closes the paragraph: ")" then only spaces or final punctuation. */
    private static boolean closingCredit(String s, int end) {
        if (end >= s.length() || (s.charAt(end) != ')' && s.charAt(end) != '）')) return false;
        for (int k = end + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Analysis.isSpace(c) && "。．.".indexOf(c) < 0) return false;
        }
        return true;
    }

    static boolean joinerAt(String s, int i) {
        return i < s.length() && JOINERS.indexOf(s.charAt(i)) >= 0;
    }

    /** An accepted name ends just before {@code sp} or starts just after it, joined to it as in a list. */
    private static boolean listedWithAccepted(String s, NameSpan sp, OffsetIndex<NameSpan> index, double threshold) {
        for (int gap = 0; gap <= 2; gap++) {
            for (NameSpan other : index.endingAt(sp.start - gap)) {
                if (other != sp && other.score >= threshold && joined(s, other.end, sp.start)) return true;
            }
            for (NameSpan other : index.startingAt(sp.end + gap)) {
                if (other != sp && other.score >= threshold && joined(s, sp.end, other.start)) return true;
            }
        }
        return false;
    }

    /** True when a name ending at {@code end} and one starting at {@code start} form a list. */
    private static boolean joined(String s, int end, int start) {
        if (start <= end || start - end > 2) return false;
        String between = s.substring(end, start);
        return between.equals("、") || between.equals("和") || between.equals("与") || between.equals("及")
                || between.equals("，") || between.isBlank();
    }

    /** Share of a character's uses in HanLP's person corpus that are given-name uses. */
    private static double givenRatio(char c) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        if (item == null) return 0.2;
        int given = NameModel.givenUses(c);
        return given / (double) (given + NameModel.contextUses(item) + 1);
    }

    private static double surnameRatio(String surname) {
        if (surname.length() > 1) return 1;
        EnumItem<NR> item = PersonDictionary.dictionary.get(surname);
        if (item == null) return 0;
        int total = 0;
        for (int f : item.labelMap.values()) total += f;
        return item.getFrequency(NR.B) / (double) Math.max(1, total);
    }

    /** A word the core dictionary knows often enough, and not as a personal name. */
    static boolean isCommonWord(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr != null && attr.totalFrequency >= 5 && !attr.hasNatureStartsWith("nr");
    }
}
