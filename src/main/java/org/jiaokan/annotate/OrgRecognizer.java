package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.model.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Organisations with a proper name: national bodies that need no place (公安部, 中央纪委), and
 * [中共] place-or-national-prefix + organ words + organisation head (四川省公安厅, 中共四川省委,
 * 国家移民管理局), optionally followed by a sub-unit or party organ (公安部特勤局, 公安部党委). A
 * generic organ without a proper name in front (市委, 公安局) is left to the title rules or unmarked.
 * The segmenter's own organisation guesses are not trusted on their own: they glue neighbours
 * together (京部党委), so boundaries come from these rules and the segmenter's word ends; what the
 * dictionaries know as organisations, names built of words ending in an institution head (北京|
 * 师范大学) and media named after a place (福州晚报) are organisations too.
 */
final class OrgRecognizer {

    private static final int MAX_STEMS = 3;
    private static final String PLACE_LEVEL_SUFFIXES = "省市县区州";
    private static final String PREPOSITIONS = "对在向与和从把被由为给跟同以";
    /** Determiners and pronouns that open a phrase about some body, not a name (各派出所, 该公司, 我局). */
    private static final String DETERMINERS = "各该本我其这那每全此";
    private static final List<String> PARTY_ORGANS = List.of("党委", "党组", "纪委", "党工委");

    /**
     * Heads that end the name of an organisation of any kind (company, school, party, paper,
     * association): the segmenter's organisation guesses are kept when they end in one of these,
     * which repairs its habit of gluing a following word on.
     */
    private static final List<String> GENERAL_HEADS = List.of(
            "委员会", "联合会", "基金会", "研究所", "研究院", "研究会", "出版社", "电视台", "通讯社", "俱乐部",
            "公司", "集团", "银行", "大学", "学院", "学校", "中学", "小学", "医院", "协会", "学会", "组织", "联盟",
            "政府", "议会", "法院", "中心", "报社", "日报", "晚报", "电台", "工厂", "剧院", "商店", "酒店", "宾馆",
            "总会", "分会", "工会", "乐团", "剧团", "歌舞团", "艺术团", "杂技团", "军区", "舰队",
            "男篮", "女篮", "男排", "女排", "男足", "女足", "博物馆", "纪念馆", "图书馆", "美术馆", "博物院", "科学院",
            "红十字会", "商会", "计划署", "兵团", "技术馆", "科技馆", "资料馆", "党校", "党", "社", "部", "局", "厅", "署", "院", "所", "厂");

    private final Lexicons lex;

    OrgRecognizer(Lexicons lex) { this.lex = lex; }

    /** @param places place candidates of the same text, used as proper prefixes */
    void find(Analysis a, List<Candidate> placeCandidates, List<Candidate> out) {
        OffsetIndex<Candidate> places = new OffsetIndex<>(placeCandidates, Candidate::start, Candidate::end);
        int from = out.size();
        findAll(a, places, out);
        // 沈阳一家机床厂, 一所中学: a counted noun is some institution, not a named one.
        out.subList(from, out.size()).removeIf(c -> counted(a.text, c.start(), c.end()));
        // 日本政府, 埃及政府: a country and its government are the country, as the annotation
        // convention has it; the governments of Chinese divisions (四川省人民政府) are bodies by name.
        out.subList(from, out.size()).removeIf(c -> foreignGovernment(a.text, c, places));
        for (int k = from; k < out.size(); k++) {
            Candidate c = repaired(a, out.get(k), places);
            if (c == null) {
                out.remove(k--);
            } else {
                out.set(k, c);
            }
        }
        out.subList(from, out.size()).removeIf(c -> rankPair(a.text, c));
        int local = out.size();
        relative(a, places, out);
        serviceUnits(a, places, out);
        localUnits(a, places, out);
        bareInLists(a, places, local, out);
        out.subList(local, out.size()).removeIf(c -> counted(a.text, c.start(), c.end()) || rankPair(a.text, c));
    }

    /** Heads of bodies and the rank of the head of the body one level below (局|处长: bureau and section chiefs). */
    private static final java.util.Map<Character, String> RANK_BELOW = java.util.Map.of('厅', "局长", '局', "处长", '处', "科长");
    /** Gatherings of office holders named by their ranks (局处长会议, 厅局长座谈会). */
    private static final List<String> GATHERINGS = List.of("会议", "座谈会", "培训班", "研讨班", "轮训班", "联席会", "大会", "会");

    /**
     * 四川省公安局处长会议: 局处长 is "bureau and section chiefs", two ranks run together before a
     * gathering, so the 局 ends no body and 四川省公安局 is no name the text gives.
     */
    private static boolean rankPair(String s, Candidate c) {
        String rank = RANK_BELOW.get(s.charAt(c.end() - 1));
        if (rank == null || !s.startsWith(rank, c.end())) return false;
        int k = c.end() + rank.length();
        for (String g : GATHERINGS) if (s.startsWith(g, k)) return true;
        return false;
    }

    // ------------------------------------------------------------ bodies named relative to the document's place

    /**
     * Confidence of a body named relative to the document's own place (市政府, 县公安局) or by a
     * name many places share (城关派出所): the text names one body, but which one only the
     * document's place tells, so the mark is never certain.
     */
    static final double RELATIVE_CONFIDENCE = 0.75;

    /** Administrative levels that open a name relative to the document's own place (市政府, 县委政法委, 区公安分局). */
    static final String LEVELS = "省市县区州镇乡";

    /** Organs of a party committee or government that follow it in one name (市委|政法委, 区政府|办公室). */
    private static final List<String> SUB_ORGANS = List.of(
            "常委会", "办公室", "政法委", "组织部", "宣传部", "统战部", "网信办", "党委", "党组", "纪委", "监委");

    /**
     * Heads a level may take with no organ word between (市委, 县政府, 区法院, 县医院); others need
     * one (市公安局, not 市中心 or 省部级).
     */
    private static final java.util.Set<String> BARE_BODIES = java.util.Set.of(
            "委", "局", "政府", "人民政府", "法院", "检察院", "医院", "政协", "人大常委会", "党委", "纪委", "监委",
            "委员会", "党校", "中学", "小学", "妇联", "总工会", "文联", "残联", "科协", "侨联", "公安局", "公安厅",
            "看守所", "拘留所", "派出所", "司法所", "中医院", "政法委");

    /** Heads of the units of a police or fire service (治安大队, 刑侦支队). */
    private static final List<String> UNIT_HEADS = List.of("大队", "支队", "中队", "总队");

    /** Heads of local units named after their area, a name many places share (城关派出所, 微水分局). */
    private static final List<String> LOCAL_HEADS = List.of("边境派出所", "派出所", "分局", "司法所", "中队", "街道办事处", "检查站");
    /**
     * {@link #LOCAL_HEADS} looked up by the character a head begins with. No head begins another, so the longest head
     * at a position is the only one there.
     */
    private static final Lexicons.WordSet LOCAL_HEAD_WORDS = Lexicons.WordSet.of(LOCAL_HEADS);

    /**
     * 市政府, 县交通运输局, 区委政法委, 县纪委监委, 市第一中学, 县人民医院, 团市委: a level that opens a
     * word, an optional ordinal, organ words and a head. The level must not end a place (绵阳市
     * 公安局 is named in full) nor follow a determiner (各市政府, 全省公安机关).
     */
    private void relative(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        int local = out.size();
        List<int[]> levelled = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            if (LEVELS.indexOf(s.charAt(i)) < 0) continue;
            // 团市委, 团县委: the Youth League committee of the place.
            if (s.charAt(i + 1) == '委' && i > 0 && s.charAt(i - 1) == '团' && opensRelative(a, places, i - 1)
                    && (a.wordEnd[i + 2] || Analysis.isBreak(s, i + 2))) {
                add(a, i - 1, i + 2, RELATIVE_CONFIDENCE, out);
            }
            if (!opensRelative(a, places, i)) continue;
            int j = i + 1;
            if (s.charAt(j) == '第') {
                int k = j + 1;
                while (k < s.length() && k - j <= 3 && ORDINAL_DIGITS.indexOf(s.charAt(k)) >= 0) k++;
                if (k > j + 1) j = k;
            }
            List<Integer> ends = new ArrayList<>();
            tails(a, j, 0, 0, MAX_STEMS, ends);
            for (int e : ends) {
                String body = s.substring(j, e);
                boolean bare = !opensWithOrganWord(s, j, e);
                if (bare && j == i + 1 && !BARE_BODIES.contains(body)) continue;
                if (e - j == 1 && "委局".indexOf(body.charAt(0)) < 0) continue;
                subOrgans(a, i, e, out);
                levelled.add(new int[]{j, e});
            }
        }
        // 市|妇联: the level belongs to the name; the body after it is not marked on its own.
        out.subList(0, local).removeIf(c -> c.type() == EntityType.ORG
                && levelled.stream().anyMatch(p -> p[0] == c.start() && p[1] == c.end()));
    }

    /** Adds {@code start..end}, its sub-organs (市委|政法委, 纪委|监委) and its own extensions. */
    private void subOrgans(Analysis a, int start, int end, List<Candidate> out) {
        String s = a.text;
        extend(a, start, end, RELATIVE_CONFIDENCE, out);
        int e = end;
        for (int round = 0; round < 2; round++) {
            int next = -1;
            for (String organ : SUB_ORGANS) {
                if (s.startsWith(organ, e) && (a.wordEnd[e + organ.length()] || Analysis.isBreak(s, e + organ.length()))) {
                    next = e + organ.length();
                    break;
                }
            }
            if (next < 0) return;
            extend(a, start, next, RELATIVE_CONFIDENCE, out);
            e = next;
        }
    }

    /**
     * A level at {@code i} opens a relative name when it opens the text or a word, and no place
     * ends there (then the name is in full) and no determiner, 全 or 本 stands before it.
     */
    private static boolean opensRelative(Analysis a, OffsetIndex<Candidate> places, int i) {
        if (i == 0) return true;
        char before = a.text.charAt(i - 1);
        if (!Analysis.isHan(before)) return true;
        if (DETERMINERS.indexOf(before) >= 0 || LEVELS.indexOf(before) >= 0) return false;
        // 市第一中学和|县人民医院: the segmenter glued the conjunction to the name after it.
        Term glued = a.termAt(i - 1);
        if ("和与及同".indexOf(before) >= 0 && glued != null && glued.word.length() > 2 && nature(glued).startsWith("nt")) return true;
        if (!places.endingAt(i).isEmpty() || !places.endingAt(i + 1).isEmpty()) return false;
        // The word before must be a verb, preposition, conjunction or particle (传达|市公安局, 在|市委):
        // a noun before may be a place the gazetteer does not know (石门|乡政府, 林|区派出所).
        String before2 = a.termEndingAt(i);
        if (before2 == null || !a.wordStart[i]) return false;
        Term t = a.termAt(i - before2.length());
        String n = t == null ? "" : nature(t);
        return n.startsWith("v") && !n.equals("vn") || n.startsWith("p") || n.startsWith("c") || n.startsWith("d")
                || n.startsWith("u") || n.equals("w") || n.equals("f");
    }

    /** 国保大队, 刑侦支队, 巡特警大队: a police or fire field and a unit head, a unit of the body the text is about. */
    private void serviceUnits(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        for (int i = 0; i < s.length(); i++) {
            int stem = lex.orgStems.longestAt(s, i);
            if (stem == 0 || !opensRelative(a, places, i)) continue;
            for (String head : UNIT_HEADS) {
                int e = i + stem + head.length();
                if (s.startsWith(head, i + stem) && (a.wordEnd[e] || Analysis.isBreak(s, e))) {
                    add(a, i, e, RELATIVE_CONFIDENCE, out);
                }
            }
        }
    }

    /**
     * 城关派出所, 微水分局, 东关派出所: the name of an area (two characters the dictionary does not know
     * as a common word) and the head of a local unit; a name many places share.
     */
    private void localUnits(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        for (int h = 2; h < s.length(); h++) {
            int head = LOCAL_HEAD_WORDS.longestAt(s, h);
            if (head == 0) continue;
            int e = h + head;
            if (!a.wordEnd[e] && !Analysis.isBreak(s, e)) continue;
            int start = h - 2;
            String name = s.substring(start, h);
            if (!Analysis.isHan(name.charAt(0)) || !Analysis.isHan(name.charAt(1)) || !areaName(a, start, name)) continue;
            // 西安市公安局|雁塔分局: a unit of a body named just before it is part of that name.
            for (int k = 0, n = out.size(); k < n; k++) {
                Candidate owner = out.get(k);
                if (owner.type() == EntityType.ORG && owner.end() == start && owner.confidence() >= 0.8) {
                    out.add(new Candidate(owner.start(), e, EntityType.ORG, owner.confidence() + 0.03));
                }
            }
            if (!opensRelative(a, places, start) && !(start > 0 && LEVELS.indexOf(s.charAt(start - 1)) >= 0)) continue;
            add(a, start, e, RELATIVE_CONFIDENCE, out);
        }
    }

    /** A word the dictionary does not know, or knows mostly as a place or name (城关, 东关), not as a common word (辖区, 乡镇, 当地). */
    private boolean areaName(Analysis a, int start, String name) {
        if (lex.orgStems.contains(name) || DETERMINERS.indexOf(name.charAt(0)) >= 0) return false;
        // One word of its own (城关|派出所), or the opening of a word the segmenter took for an organisation (微水分局/nt).
        Term t = a.termAt(start);
        if (t == null) return false;
        String n = nature(t);
        boolean glued = n.startsWith("nt") && t.word.length() > 2;
        if (t.word.length() != 2 && !glued) return false;
        if (!glued && !(n.startsWith("ns") || n.startsWith("nz") || n.startsWith("nt") || n.startsWith("nr") || n.equals("j"))
                && CoreDictionary.contains(name)) {
            return false;
        }
        CoreDictionary.Attribute attr = CoreDictionary.get(name);
        if (attr == null) return true;
        int proper = 0;
        for (int k = 0; k < attr.nature.length; k++) {
            String ns = attr.nature[k].toString();
            if (ns.startsWith("ns") || ns.startsWith("nr") || ns.startsWith("nt") || ns.equals("nz")) proper += attr.frequency[k];
        }
        return proper * 2 > attr.totalFrequency;
    }

    /** An organ word opens {@code s[i, e)} and does not fill it (公安|局, 交通|运输|局). */
    private boolean opensWithOrganWord(String s, int i, int e) {
        int stem = lex.orgStems.longestAt(s, i);
        if (stem > 0) return stem < e - i;
        return e - i > 2 && isOrganNoun(s.substring(i, i + 2));
    }

    /** Separators of the items of a list of bodies. */
    private static final String LIST_MARKS = "、";

    /**
     * 国安局、司法局、信访局: bodies without a place, named by their field alone, as items of a list
     * that holds at least one other body.
     */
    private void bareInLists(Analysis a, OffsetIndex<Candidate> places, int local, List<Candidate> out) {
        String s = a.text;
        List<Candidate> bare = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            boolean listed = i > 0 && LIST_MARKS.indexOf(s.charAt(i - 1)) >= 0;
            if (!listed && !opensRelative(a, places, i)) continue;
            List<Integer> ends = new ArrayList<>();
            tails(a, i, 0, 0, MAX_STEMS, ends);
            for (int e : ends) {
                if (!listed && (e >= s.length() || LIST_MARKS.indexOf(s.charAt(e)) < 0)) continue;
                String body = s.substring(i, e);
                boolean stemmed = opensWithOrganWord(s, i, e);
                // 党委、政府 with no field named are any committee and government; 检察院、法院 are the local ones.
                if (!stemmed && (body.length() < 3 && !body.equals("法院") || !BARE_BODIES.contains(body))) continue;
                if (stemmed && e - i < 3) continue;
                bare.add(new Candidate(i, e, EntityType.ORG, RELATIVE_CONFIDENCE - 0.03 + 0.002 * (e - i)));
            }
        }
        if (bare.isEmpty()) return;
        List<Candidate> bodies = new ArrayList<>(out.subList(0, out.size()));
        bodies.addAll(bare);
        for (Candidate b : bare) {
            boolean neighbour = false;
            for (Candidate o : bodies) {
                if (o == b || o.type() != EntityType.ORG) continue;
                if (o.start() == b.end() + 1 && LIST_MARKS.indexOf(s.charAt(b.end())) >= 0
                        || b.start() > 0 && o.end() == b.start() - 1 && LIST_MARKS.indexOf(s.charAt(o.end())) >= 0) {
                    neighbour = true;
                    break;
                }
            }
            if (neighbour) out.add(b);
        }
    }

    /** Words that open national bodies as a place opens local ones (全国妇联, 中华全国总工会, 首都钢铁公司). */
    private static final List<String> NATIONAL_OPENINGS = List.of("全国", "中华", "首都");

    /**
     * {@code c} is a place followed by 政府 and nothing else, where no GB/T 2260 division ends
     * before 政府: the test {@link #prefixed} applies to the names it builds, here applied to every
     * guess (西班牙政府/nt).
     */
    private static boolean foreignGovernment(String s, Candidate c, OffsetIndex<Candidate> places) {
        int b = c.end() - 2;
        if (c.length() < 4 || !s.startsWith("政府", b) || divisionEndsAt(s, b, places)) return false;
        for (Candidate pl : places.startingAt(c.start())) if (pl.end() == b) return true;
        return false;
    }

    /** Characters that open no organisation name: verbs, particles and prepositions glued on in front (有|外经贸部, 的|绍兴中学). */
    private static final String NO_OPENING = "有的在是和与及对向从把被为由给跟将于到都也就还又去来";

    /**
     * The candidate with the edges that the segmenter's guesses get wrong mended: a function word
     * or a text through a bracket in front is cut off (记者杨迪）南非国民议会); an ordinal in front
     * and the place before it are taken in (沈阳第三机床厂); null where what is left is no name: one
     * that holds the preposition 在 (钟鸣岳在钓鱼台国宾馆) or counts countries (两国政府).
     */
    private static Candidate repaired(Analysis a, Candidate c, OffsetIndex<Candidate> places) {
        String s = a.text;
        int start = c.start();
        int end = c.end();
        for (int k = end - 1; k > start; k--) {
            char ch = s.charAt(k);
            if (ch == ')' || ch == '）' || ch == '(' || ch == '（') {
                if (ch == '）' || ch == ')') {
                    int open = Math.max(s.lastIndexOf('（', k), s.lastIndexOf('(', k));
                    if (open >= start) continue;   // 印度共产党（马克思主义）: a bracket of the name itself
                }
                start = k + 1;
                break;
            }
        }
        while (start < end - 2 && NO_OPENING.indexOf(s.charAt(start)) >= 0
                && !CoreDictionary.contains(s.substring(start, start + 2))) {
            start++;
        }
        if (end - start < 2) return null;
        // 县医院, 乡卫生院: an administrative level with no place name before it names no one body.
        if ("县乡镇村区市省".indexOf(s.charAt(start)) >= 0 && (start == 0 || !Analysis.isHan(s.charAt(start - 1))
                || !placeEndsAt(places, start))) {
            return null;
        }
        if (start + 2 <= end && COUNTED_COUNTRIES.contains(s.substring(start, Math.min(end, start + 2)))) return null;
        for (int k = start + 1; k < end - 1; k++) {
            if (s.charAt(k) == '在' && !CoreDictionary.contains(s.substring(k - 1, k + 1))
                    && !CoreDictionary.contains(s.substring(k, k + 2))) {
                return null;
            }
            // 清华大学和南开大学: a conjunction of the segmenter's inside joins two names, which stand apart.
            if (s.charAt(k) == '、') return null;
            Term t = a.termAt(k);
            boolean joiner = "和与及".indexOf(s.charAt(k)) >= 0;
            if (joiner && (t != null && t.word.length() == 1 && t.nature != null && t.nature.toString().startsWith("c")
                    || endsInLongHead(s.substring(start, k)))) {
                return null;
            }
        }
        // 沈阳|第三|机床厂: an ordinal belongs to the name, and so does the place before it.
        int k = start;
        while (k > 0 && ORDINAL_DIGITS.indexOf(s.charAt(k - 1)) >= 0 && start - k < 3) k--;
        // The segmenter may have glued 第 to the place and left the numeral to the guess (沈阳第|三机床厂).
        boolean ordinalInside = k == start && ORDINAL_DIGITS.indexOf(s.charAt(start)) >= 0;
        if ((k < start || ordinalInside) && k > 0 && s.charAt(k - 1) == '第') {
            start = k - 1;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (Candidate pl : places.endingAt(start)) {
                    if (pl.type() != EntityType.PLACE) continue;
                    start = pl.start();
                    moved = true;
                    break;
                }
            }
        }
        if (start == c.start() && end == c.end()) return c;
        return new Candidate(start, end, c.type(), null, c.confidence(), c.code());
    }

    private static boolean placeEndsAt(OffsetIndex<Candidate> places, int end) {
        return !places.endingAt(end).isEmpty();
    }

    /** The digits of an ordinal after 第 (第三, 第十二). */
    private static final String ORDINAL_DIGITS = "一二三四五六七八九十";

    /** One-character heads of works and shops that close a chain of nouns (鼓风机|厂, 食品|店). */
    private static final String WORKS_HEADS = "厂店社";

    /** Counts of countries or sides that open a phrase about their bodies (两国政府, 双方议会). */
    private static final java.util.Set<String> COUNTED_COUNTRIES = java.util.Set.of("两国", "三国", "四国", "五国", "各国", "双方", "两岸");

    /** Numerals and demonstratives that count an institution (一家, 这所, 各个). */
    private static final String COUNTERS = "一两二三几这那每各该某";
    private static final String CLASSIFIERS = "家所座个间支";

    private static boolean counted(String s, int start, int end) {
        for (int k = start; k + 1 < end; k++) {
            if (COUNTERS.indexOf(s.charAt(k)) >= 0 && CLASSIFIERS.indexOf(s.charAt(k + 1)) >= 0) return true;
        }
        return false;
    }

    private void findAll(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        int from = out.size();
        findNamed(a, places, out);
        teams(a, places, out);
        owned(a, places, from, out);
        units(a, from, out);
        branches(a, places, from, out);
        stationed(a, places, from, out);
    }

    /**
     * 北京|国安队, 美国|国务院, 中华人民共和国|外交部: a place right before an organisation known by
     * name owns it, and the whole is the organisation's name. It must outrank the bare name,
     * which wins otherwise by its higher confidence.
     */
    private static void owned(Analysis a, OffsetIndex<Candidate> places, int from, List<Candidate> out) {
        for (int c = from, n = out.size(); c < n; c++) {
            Candidate org = out.get(c);
            if (org.confidence() < 0.85) continue;
            for (Candidate pl : places.endingAt(org.start())) {
                if (pl.length() < 2 || a.insideName[pl.end()] && !a.wordEnd[pl.end()]) continue;
                out.add(new Candidate(pl.start(), org.end(), EntityType.ORG, org.confidence() + 0.03));
            }
        }
    }

    /**
     * 中国人民解放军|总政治部, 国务院|新闻办公室: an organisation and a segmented institution word
     * after it that ends in a head name one of its units.
     */
    private void units(Analysis a, int from, List<Candidate> out) {
        for (int c = from, n = out.size(); c < n; c++) {
            Candidate org = out.get(c);
            if (org.confidence() < 0.8) continue;
            // 解放军总医院/nt: a segmented institution word that opens with the organisation.
            Term whole = a.termAt(org.start());
            if (whole != null && whole.word.length() > org.length() + 1 && nature(whole).startsWith("nt")
                    && endsInLongHead(whole.word.substring(org.length()))) {
                out.add(new Candidate(org.start(), org.start() + whole.word.length(), EntityType.ORG, org.confidence() + 0.03));
            }
            Term t = a.termAt(org.end());
            if (t == null || t.word.length() < 3) continue;
            String nat = nature(t);
            if (!nat.equals("nis") && !nat.startsWith("nt") || !endsInHead(t.word)) continue;
            out.add(new Candidate(org.start(), org.end() + t.word.length(), EntityType.ORG, org.confidence() + 0.03));
        }
    }

    /** 中国女排, 北京国安队 as 北京队, 辽宁男篮: a place and a team head ending a word. */
    private void teams(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        for (Candidate pl : places.all()) {
            if (pl.length() < 2) continue;
            int head = lex.teamHeads.longestAt(s, pl.end());
            if (head == 0) continue;
            int end = pl.end() + head;
            if (a.termEndingAt(end) == null && !Analysis.isBreak(s, end)) continue;
            out.add(new Candidate(pl.start(), end, EntityType.ORG, 0.9));
        }
        for (Candidate pl : places.all()) {
            if (pl.length() >= 2) namedTeam(a, pl, out);
        }
    }

    /** Words for a group that end in 队 but name no team (军队, 部队, 球队, 排队). */
    private static final java.util.Set<String> NOT_TEAMS = java.util.Set.of(
            "军队", "部队", "球队", "车队", "团队", "排队", "站队", "梯队", "领队", "入队", "归队", "带队", "整队", "结队", "插队", "列队");

    /**
     * 广州|太阳神|队, 休斯敦|火箭|队, 中国|乒乓球|队: a place, a sponsor's name, nickname or sport of
     * two to four characters made of nouns, and 队 ending a word.
     */
    private static void namedTeam(Analysis a, Candidate pl, List<Candidate> out) {
        String s = a.text;
        int k = pl.end();
        while (k < s.length() && k - pl.end() < 5 && s.charAt(k) != '队') {
            Term t = a.termAt(k);
            if (t == null || t.nature == null) return;
            String n = t.nature.toString();
            boolean nounish = n.startsWith("n") || n.equals("x") || n.equals("j") || n.equals("b");
            if (!nounish) return;
            if (t.word.length() > 1 && t.word.endsWith("队")) {
                k += t.word.length() - 1;   // 火箭队 as one word: its 队 ends the team
                break;
            }
            k += t.word.length();
        }
        if (k >= s.length() || s.charAt(k) != '队' || k - pl.end() < 2 || k - pl.end() > 4) return;
        int end = k + 1;
        if (!a.wordEnd[end] && !Analysis.isBreak(s, end)) return;
        if (NOT_TEAMS.contains(s.substring(pl.end(), end))) return;
        // Above a team named by the place just before 队 (山东鲁能|泰山队 over 泰山队).
        out.add(new Candidate(pl.start(), end, EntityType.ORG, 0.9 + 0.001 * (end - pl.start())));
    }

    /**
     * 中国工商银行|北京|分行, 中国人民保险公司|湖北|分公司: an organisation, a place and a branch
     * head name one branch.
     */
    private void branches(Analysis a, OffsetIndex<Candidate> places, int from, List<Candidate> out) {
        String s = a.text;
        for (int c = from, n = out.size(); c < n; c++) {
            Candidate org = out.get(c);
            for (Candidate pl : places.startingAt(org.end())) {
                int e = pl.end();
                if (e < s.length() && PLACE_LEVEL_SUFFIXES.indexOf(s.charAt(e)) >= 0 && lex.branchHeads.longestAt(s, e) == 0) e++;
                int head = lex.branchHeads.longestAt(s, e);
                if (head == 0 || !a.wordEnd[e + head] && !Analysis.isBreak(s, e + head)) continue;
                out.add(new Candidate(org.start(), e + head, EntityType.ORG, Math.max(org.confidence(), 0.85) + 0.05));
            }
        }
    }

    /**
     * 中国驻日本大使馆, 中国人民解放军驻香港部队: a country or organisation, 驻, a place and the
     * head of a mission abroad.
     */
    private void stationed(Analysis a, OffsetIndex<Candidate> places, int from, List<Candidate> out) {
        String s = a.text;
        List<Candidate> owners = new ArrayList<>(places.all());
        owners.addAll(out.subList(from, out.size()));
        for (Candidate owner : owners) {
            int z = owner.end();
            if (owner.length() < 2 || z >= s.length() || s.charAt(z) != '驻') continue;
            for (Candidate pl : owners) {
                if (pl.start() != z + 1) continue;
                int head = lex.missionHeads.longestAt(s, pl.end());
                int end = pl.end() + head;
                if (head == 0 || !a.wordEnd[end] && !Analysis.isBreak(s, end)) continue;
                out.add(new Candidate(owner.start(), end, EntityType.ORG, 0.95));
            }
        }
    }

    private void findNamed(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        segmenterGuesses(a, places, out);
        media(a, places, out);
        for (int i = 0; i < s.length(); i++) {
            if (!a.wordStart[i]) continue;
            for (int len : lex.centralOrgs.allAt(s, i)) {
                if (!a.wordEnd[i + len] && !Analysis.isBreak(s, i + len)) continue;
                extend(a, i, i + len, 0.9, out);
            }
            int party = lex.orgPrefixes.longestAt(s, i);
            if (party == 2 && s.startsWith("中共", i) || party == 5) {
                prefixed(a, i, i + party, places, 0.88, true, out);
            }
            prefixed(a, i, i, places, 0.85, false, out);
        }
    }

    /**
     * A place followed by a media head is a newspaper or broadcaster named after it (福州晚报,
     * 四川省电视台), not the place; the head must end on a word boundary (福州网 but not 福州网络).
     */
    private void media(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        String s = a.text;
        for (Candidate pl : places.all()) {
            if (pl.length() < 2) continue;
            int e = pl.end();
            if (e < s.length() && PLACE_LEVEL_SUFFIXES.indexOf(s.charAt(e)) >= 0 && lex.mediaHeads.longestAt(s, e) == 0) e++;
            int head = lex.mediaHeads.longestAt(s, e);
            if (head == 0) continue;
            int end = e + head;
            if (!a.wordEnd[end] && !Analysis.isBreak(s, end)) continue;
            if (head == 1 && end < s.length() && CoreDictionary.contains(s.substring(end - 1, end + 1))) continue;
            out.add(new Candidate(pl.start(), end, EntityType.ORG, 0.9));
        }
    }

    /**
     * The segmenter's nt words of three or more characters that end in an organisation head, and
     * organisations its dictionaries know by name (联合国, 团中央, 中华全国总工会, 铁道部), alone or
     * after a place (中国|红十字会).
     */
    private void segmenterGuesses(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        for (var t : a.terms) {
            if (t.nature == null) continue;
            String n = t.nature.toString();
            if ((n.startsWith("nt") || n.equals("nis")) && t.word.length() >= 2 && knownOrganisation(t.word)) {
                // As sure as a central body, and longer names win (中华全国总工会 over 全国总工会).
                out.add(new Candidate(t.offset, t.offset + t.word.length(), EntityType.ORG, 0.85 + 0.01 * t.word.length()));
            }
            if (n.equals("nis") && t.word.length() >= 3) {
                for (Candidate pl : places.endingAt(t.offset)) {
                    if (pl.length() >= 2) {
                        out.add(new Candidate(pl.start(), t.offset + t.word.length(), EntityType.ORG, 0.8));
                    }
                }
            }
        }
        for (var t : a.terms) {
            if (t.nature == null || !t.nature.toString().startsWith("nt") || t.word.length() < 3) continue;
            // 对上市公司/nt: a preposition glued to a common noun phrase names nothing.
            if (PREPOSITIONS.indexOf(t.word.charAt(0)) >= 0 && CoreDictionary.contains(t.word.substring(1))) continue;
            if (!properOpening(t, places)) continue;
            int end = headEnd(t.word);
            if (end > 0) out.add(new Candidate(t.offset, t.offset + end, EntityType.ORG, 0.6));
        }
        chains(a, places, out);
    }

    /**
     * Where an organisation name inside a segmenter guess ends: the whole word when it ends in a
     * head, else the longest prefix ending in one and followed by a common word (日本共产党|代表团).
     * 0 when there is none.
     */
    private int headEnd(String w) {
        // A known organisation and a common word that is no head of its own (联合国|总部).
        for (int end = w.length() - 2; end >= 2; end--) {
            String rest = w.substring(end);
            if (knownOrganisation(w.substring(0, end)) && CoreDictionary.contains(rest)
                    && lex.orgSuffixes.longestAt(rest, 0) == 0 && !GENERAL_HEADS.contains(rest)) return end;
        }
        for (int end = w.length(); end >= 3; end--) {
            // The rest must be a word of its own (代表团), not the head's last character (中央党|校).
            if (end < w.length() && (w.length() - end < 2 || !CoreDictionary.contains(w.substring(end))
                    || w.startsWith("政府", end - 2))) continue;
            for (String head : GENERAL_HEADS) {
                if (w.startsWith(head, end - head.length()) && end > head.length() + 1) return end;
            }
        }
        return 0;
    }

    /**
     * Organisation names built of words: a place or an organisation, up to three nouns, and an
     * institution word of the dictionary (北京|师范大学, 中国|人民|保险公司, 中国|致公党). A bare
     * country and a short institution word (日本|公司) is a phrase, not a name.
     */
    private void chains(Analysis a, OffsetIndex<Candidate> places, List<Candidate> out) {
        List<Term> ts = a.terms;
        for (int i = 0; i < ts.size(); i++) {
            Term first = ts.get(i);
            // The chain opens with a place we accept or an organisation the dictionary knows,
            // never with one of the segmenter's own guesses (维护两所/nt).
            if (!placeAt(first, places) && !knownOrganisation(first.word)) continue;
            int middle = 0;
            for (int j = i + 1; j < ts.size() && j <= i + 4; j++) {
                Term t = ts.get(j);
                String n = nature(t);
                boolean head = (n.equals("nis") || n.startsWith("nt")) && endsInHead(t.word)
                        // 中国|电影|家协会, 中国|科学|技术馆: a noun the segmenter cut oddly that ends in a long head.
                        || middle > 0 && (n.equals("n") || n.equals("nz")) && endsInLongHead(t.word) && t.word.length() >= 3
                        // 沈阳|鼓风机|厂: a product or trade and a one-character works head.
                        || middle > 0 && t.word.length() == 1 && WORKS_HEADS.indexOf(t.word.charAt(0)) >= 0;
                if (head && (middle > 0 || t.word.length() >= 3 || n.startsWith("nt"))) {
                    int start = ts.get(i).offset;
                    int end = t.offset + t.word.length();
                    // As with 中国政府 above: only a division's government is named as an organ.
                    if (!t.word.endsWith("政府") || divisionAt(start, places)) {
                        out.add(new Candidate(start, end, EntityType.ORG, 0.7 + 0.002 * (end - start)));
                    }
                }
                boolean noun = t.word.length() >= 2 && (n.equals("n") || n.equals("nz") || n.startsWith("ns")
                        || n.equals("vn") || n.equals("j") || n.equals("nis"));
                if (!noun) break;
                middle++;
            }
        }
    }

    private static boolean placeAt(Term t, OffsetIndex<Candidate> places) {
        for (Candidate pl : places.startingAt(t.offset)) if (pl.end() == t.offset + t.word.length()) return true;
        return false;
    }

    /** Ends in a head of an organisation name (师范大学, 致公党), not a collective (公安机关, 服务平台). */
    private boolean endsInHead(String w) {
        for (String head : GENERAL_HEADS) if (w.endsWith(head)) return true;
        for (int k = 0; k < w.length(); k++) if (lex.orgSuffixes.longestAt(w, k) == w.length() - k) return true;
        return false;
    }

    /** Ends in a head of two or more characters (总医院, 研究所), not in a bare 部 or 委 (联合国|总部). */
    private static boolean endsInLongHead(String w) {
        for (String head : GENERAL_HEADS) if (head.length() >= 2 && w.endsWith(head)) return true;
        return false;
    }

    private static boolean divisionAt(int start, OffsetIndex<Candidate> places) {
        for (Candidate pl : places.startingAt(start)) if (!pl.code().isEmpty()) return true;
        return false;
    }

    private static String nature(Term t) {
        return t.nature == null ? "" : t.nature.toString();
    }

    /** Organisation names whose proper prefix starts at {@code p} (after an optional 中共 from {@code start}). */
    private void prefixed(Analysis a, int start, int p, OffsetIndex<Candidate> places, double conf,
                          boolean afterParty, List<Candidate> out) {
        String s = a.text;
        List<Integer> bodyStarts = new ArrayList<>(3);
        boolean national = false;
        placeEnds(s, p, places, bodyStarts, 0);
        if (bodyStarts.isEmpty() && !afterParty) {
            int pre = lex.orgPrefixes.longestAt(s, p);
            if (pre > 0 && !s.startsWith("中共", p)) {
                bodyStarts.add(p + pre);
                national = true;
            }
        }
        for (int b : bodyStarts) {
            List<Integer> ends = new ArrayList<>();
            tails(a, b, 0, national ? 1 : 0, MAX_STEMS, ends);
            if (national) abbreviatedCommission(a, b, ends);
            for (int e : ends) {
                // 中国政府, 美国政府: a country and its government, as news prose names them; a
                // division's government (北京市政府) is an organ with a proper name.
                if (s.startsWith("政府", b) && e == b + 2 && !divisionEndsAt(s, b, places)) continue;
                extend(a, start, e, conf, out);
            }
        }
    }

    /** 国家计委, 国家教委: a national prefix, one abbreviating character and 委 or 办 ending a word. */
    private static void abbreviatedCommission(Analysis a, int b, List<Integer> ends) {
        String s = a.text;
        if (b + 2 > s.length() || !Analysis.isHan(s.charAt(b)) || "委办".indexOf(s.charAt(b + 1)) < 0) return;
        if (a.wordEnd[b + 2] || Analysis.isBreak(s, b + 2)) {
            if (!ends.contains(b + 2)) ends.add(b + 2);
        }
    }

    private static boolean divisionEndsAt(String s, int b, OffsetIndex<Candidate> places) {
        for (Candidate pl : places.endingAt(b)) if (!pl.code().isEmpty()) return true;
        if (b < 1 || PLACE_LEVEL_SUFFIXES.indexOf(s.charAt(b - 1)) < 0) return false;
        for (Candidate pl : places.endingAt(b - 1)) if (!pl.code().isEmpty()) return true;
        return false;
    }

    /** Adds {@code start..end} and its extensions by a sub-unit (特勤局) and a party organ (党委). */
    private void extend(Analysis a, int start, int end, double conf, List<Candidate> out) {
        add(a, start, end, conf, out);
        List<Integer> ends = new ArrayList<>();
        ends.add(end);
        // Two organ words at most (科学院|物理|研究|所), and no bare 队: 卫生厅|组织|医疗|队 is 'the
        // department organised a medical team', not a unit of it.
        tails(a, end, 0, 1, 2, ends);
        ends.removeIf(e -> e != end && a.text.charAt(e - 1) == '队' && lex.orgSuffixes.longestEndingAt(a.text, e) == 1);
        for (int e : ends) {
            if (e != end) add(a, start, e, conf, out);
            for (String organ : PARTY_ORGANS) {
                // No word-end test here: the segmenter often glues the organ to the title after
                // it (党委书记), and 公安部党委|书记 should split the same way either way.
                if (a.text.startsWith(organ, e)) add(a, start, e + organ.length(), conf, out);
            }
        }
    }

    /** Where organ words may start after a place at {@code p}, or after a chain of places (四川省成都市). */
    private void placeEnds(String s, int p, OffsetIndex<Candidate> places, List<Integer> bodyStarts, int depth) {
        for (Candidate pl : places.startingAt(p)) {
            int e = pl.end();
            if (e < s.length() && PLACE_LEVEL_SUFFIXES.indexOf(s.charAt(e)) >= 0
                    && lex.orgSuffixes.longestAt(s, e) == 0) e++;
            if (bodyStarts.contains(e)) continue;
            bodyStarts.add(e);
            if (depth < 2) placeEnds(s, e, places, bodyStarts, depth + 1);
        }
    }

    /** Ends of "organ word* suffix" runs starting at {@code j}, needing at least {@code minStems} organ words. */
    private void tails(Analysis a, int j, int depth, int minStems, int maxStems, List<Integer> ends) {
        String s = a.text;
        if (j >= s.length()) return;
        if (depth >= minStems) {
            for (int len : lex.orgSuffixes.allAt(s, j)) {
                int e = j + len;
                if (a.wordEnd[e] || Analysis.isBreak(s, e)) {
                    if (len == 1 && e < s.length() && CoreDictionary.contains(s.substring(e - 1, e + 1))) continue;
                    if (!ends.contains(e)) ends.add(e);
                }
            }
        }
        if (depth >= maxStems) return;
        int stem = lex.orgStems.longestAt(s, j);
        if (stem > 0) tails(a, j + stem, depth + 1, minStems, maxStems, ends);
        if (stem != 2 && j + 2 <= s.length() && isOrganNoun(s.substring(j, j + 2))) {
            tails(a, j + 2, depth + 1, minStems, maxStems, ends);
        }
    }

    /**
     * A word the dictionaries list as an organisation name, chiefly: the core dictionary's nt
     * usage outweighs its others, or the custom dictionary's only reading is nt.
     */
    /**
     * True when a segmenter organisation guess opens with something proper: a place, a known
     * organisation, or a word the dictionary knows only as a name. Guesses that open with a common
     * word, a verb or a determiner (宗教组织, 服从组织, 各派出所, 商场学校) name a kind of body, not one.
     */
    private boolean properOpening(Term t, OffsetIndex<Candidate> places) {
        String w = t.word;
        if (DETERMINERS.indexOf(w.charAt(0)) >= 0) return false;
        if (!places.startingAt(t.offset).isEmpty()) return true;
        // 国家海洋局, 中央党校, 首都钢铁公司: a national prefix stands where a place would.
        if (lex.orgPrefixes.longestAt(w, 0) > 0 || NATIONAL_OPENINGS.stream().anyMatch(w::startsWith)) return true;
        for (int end = w.length() - 1; end >= 2; end--) {
            if (knownOrganisation(w.substring(0, end))) return true;
        }
        // 以人民为中心/nt: a preposition and a common word open a phrase, not a name.
        if (PREPOSITIONS.indexOf(w.charAt(0)) >= 0) {
            for (int end = w.length() - 1; end >= 3; end--) if (CoreDictionary.contains(w.substring(1, end))) return false;
        }
        for (int end = w.length() - 1; end >= 2; end--) {
            CoreDictionary.Attribute attr = CoreDictionary.get(w.substring(0, end));
            if (attr == null) continue;
            // Proper only when the dictionary mostly uses the word as a name (公安 is a county, but mostly not).
            int proper = 0;
            for (int k = 0; k < attr.nature.length; k++) {
                String ns = attr.nature[k].toString();
                if (ns.startsWith("nr") || ns.startsWith("ns") || ns.startsWith("nt") || ns.equals("nz")) proper += attr.frequency[k];
            }
            return proper * 2 > attr.totalFrequency;
        }
        // An opening the dictionary does not know at all (摩托罗拉公司) is taken for a proper name.
        return true;
    }

    private static boolean knownOrganisation(String w) {
        CoreDictionary.Attribute core = CoreDictionary.get(w);
        if (core != null) {
            int nt = core.getNatureFrequency(Nature.nt);
            if (nt * 2 > core.totalFrequency) return true;
            if (core.totalFrequency >= 5) return false;
        }
        CoreDictionary.Attribute custom = CustomDictionary.get(w);
        return custom != null && custom.nature.length == 1 && custom.nature[0] == Nature.nt;
    }

    /** Two-char nouns of the core dictionary may name an organ's field (移民, 管理, 警察). */
    private static boolean isOrganNoun(String w) {
        if (!Analysis.isHan(w.charAt(0)) || !Analysis.isHan(w.charAt(1))) return false;
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        if (attr == null) return false;
        return attr.hasNatureStartsWith("n") && !attr.hasNatureStartsWith("nr") || attr.hasNatureStartsWith("vn");
    }

    private static void add(Analysis a, int start, int end, double conf, List<Candidate> out) {
        out.add(new Candidate(start, end, EntityType.ORG, conf + 0.002 * (end - start)));
    }
}
