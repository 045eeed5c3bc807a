package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.model.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Places: names the GB/T 2260 gazetteer knows (with their division code), and the segmenter's
 * place candidates when the core dictionary knows the word chiefly as a place name or the word
 * ends in an administrative suffix. Gazetteer names must sit on word boundaries, so 江西 is not
 * found inside 浙江西部.
 */
final class PlaceRecognizer {

    private static final String ADMIN_SUFFIXES = "省市县区州镇乡村旗盟";
    /**
     * One-character forms of country and region names as news prose strings them together
     * (中美关系, 中日韩, 美英): general knowledge of Chinese abbreviation, not a list of mentions.
     */
    private static final String COUNTRY_ABBREVIATIONS = "中美俄日英法德意韩朝印巴越泰澳加荷葡瑞苏以埃欧亚非港台伊叙菲缅";
    /**
     * One-character forms of the provincial-level divisions (京津冀, 沪宁, 川陕, 港澳台). 新 and 蒙
     * are left out: as a first character they open far more ordinary words than place lists.
     */
    private static final String PROVINCE_ABBREVIATIONS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕甘陇青宁港澳台";
    private static final String SHORT_FORMS = COUNTRY_ABBREVIATIONS + PROVINCE_ABBREVIATIONS;
    /**
     * Short forms that stand alone after a verb of travel or residence (访美, 抵京, 来华, 在沪): the
     * ones whose single character is seldom an ordinary word in that position.
     */
    private static final String TRAVEL_TARGETS = "京沪渝津港澳台华美日俄英法德韩朝越泰";
    /** Verbs of travel or residence that take a one-character place (访, 赴, 抵, 来, 驻, 在 ...), and 对 (对华政策). */
    private static final String TRAVEL_VERBS = "访赴抵来驻在离返回进旅对";
    /**
     * Geographic and transport features that make a place name the name of a longer place
     * (天津港, 北京站, 四川盆地, 珠江三角洲), longest first. Words that only describe the area
     * around a place (长江|流域, 北京|地区, 大别山|区) are no part of its name.
     */
    private static final List<String> FEATURE_SUFFIXES = List.of(
            "三角洲", "平原", "盆地", "高原", "半岛", "机场", "海峡", "山脉", "沙漠", "草原",
            "港", "站", "湾", "岛", "江", "河", "湖", "山", "海", "峡");
    /** The subset that may follow a run of short forms (青藏高原, 云贵高原, 京津地区 is left as two places). */
    private static final List<String> RUN_FEATURE_SUFFIXES = List.of("高原", "平原", "盆地");

    private final Lexicons lex;

    PlaceRecognizer(Lexicons lex) { this.lex = lex; }

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        int from = out.size();
        // The end of the segmenter's place word around each offset, for matches that would cross it (湘西|山区).
        int[] placeWordEnd = new int[s.length() + 1];
        for (Term t : a.terms) {
            if (t.nature == null || !t.nature.toString().startsWith("ns")) continue;
            for (int k = t.offset + 1; k < t.offset + t.word.length() && k < placeWordEnd.length; k++) placeWordEnd[k] = t.offset + t.word.length();
        }
        for (int i = 0; i < s.length(); i++) {
            if (!a.wordStart[i]) continue;
            for (int len : lex.divisionLengths(s.charAt(i))) {
                if (i + len > s.length()) continue;
                // 鄱阳|县委: the level opens the segmenter's word for the county's organ; the division ends inside it.
                boolean organAfter = ADMIN_SUFFIXES.indexOf(s.charAt(i + len - 1)) >= 0 && a.termAt(i + len - 1) != null
                        && lex.orgSuffixes.longestAt(s, i + len) > 0;
                if (!a.wordEnd[i + len] && !Analysis.isBreak(s, i + len) && !organAfter) continue;
                // 湘|西山区: a division starting inside a place word and running past it is a misreading.
                if (placeWordEnd[i] > 0 && i + len > placeWordEnd[i]) continue;
                // 太原|市区, 兰考|县城: the level character opens a word with the next; the shorter name stands.
                if (len >= 3 && i + len < s.length() && ADMIN_SUFFIXES.indexOf(s.charAt(i + len - 1)) >= 0
                        && CoreDictionary.contains(s.substring(i + len - 1, i + len + 1))
                        && lex.divisionAt(s, i, i + len - 1) != null) {
                    continue;
                }
                Lexicons.Division d = lex.divisionAt(s, i, i + len);
                // Keyed by the division's full name, so 北京 and 北京市 are one register entry.
                if (d != null) out.add(new Candidate(i, i + len, EntityType.PLACE, d.name(), 0.9 + 0.001 * len, d.code()));
            }
        }
        abbreviationRuns(a, out);
        announcedAbbreviations(a, out);
        for (Term t : a.terms) {
            if (t.nature != null && t.nature.toString().startsWith("nt")) placeInsideOrganisation(t, out);
            if (t.nature != null && !t.nature.toString().startsWith("n")) continue;
            placeInsideCompound(t, out);
            if (t.nature == null || !t.nature.toString().startsWith("ns")) continue;
            String w = t.word;
            if (w.length() < 2 || lex.divisions.containsKey(w)) continue;
            double conf = placeConfidence(w);
            if (conf > 0) out.add(new Candidate(t.offset, t.offset + w.length(), EntityType.PLACE, conf));
            else if (!CoreDictionary.contains(w)) placeEndingGuess(t, out);
        }
        travelTargets(a, out);
        foreignPlaces(a, from, out);
        features(a, from, out);
        nameShortForms(a, from, out);
        out.subList(from, out.size()).removeIf(c -> celebration(s, c));
    }

    /** Place names that are also words for an occasion: 大庆 is a city and "the great celebration". */
    private static final java.util.Set<String> OCCASION_NAMES = java.util.Set.of("大庆");
    /** Words after such a name that make it the occasion (大庆安保, 大庆期间). */
    private static final List<String> OCCASION_AFTER = List.of(
            "安保", "维稳", "期间", "之际", "前夕", "前后", "活动", "庆典", "盛典", "服务", "保障", "之年", "当天", "盛况", "筹备", "到来");
    /** Words before such a name that make it the occasion (70周年大庆, 国庆大庆, 迎大庆). */
    private static final List<String> OCCASION_BEFORE = List.of("周年", "国庆", "华诞", "迎", "庆祝", "喜迎");

    /**
     * 以大庆安保维稳工作为主线, 新中国成立70周年大庆: an occasion, not the city. 大庆市, 在大庆 and
     * 大庆油田 stay the city.
     */
    private static boolean celebration(String s, Candidate c) {
        if (!OCCASION_NAMES.contains(s.substring(c.start(), c.end()))) return false;
        for (String w : OCCASION_AFTER) if (s.startsWith(w, c.end())) return true;
        for (String w : OCCASION_BEFORE) if (s.startsWith(w, c.start() - w.length()) && c.start() >= w.length()) return true;
        return false;
    }

    /**
     * One-character short forms that stand for one place only, with the name a register files them
     * under (京 → 北京市, 川 → 四川省, 美 → 美国). Forms that stand for several (澳, 巴, 苏, 伊, 瑞,
     * 宁, 欧) keep their own form as key.
     */
    private static final java.util.Map<Character, String> SHORT_FORM_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry('中', "中国"), java.util.Map.entry('美', "美国"), java.util.Map.entry('俄', "俄罗斯"),
            java.util.Map.entry('日', "日本"), java.util.Map.entry('英', "英国"), java.util.Map.entry('法', "法国"),
            java.util.Map.entry('德', "德国"), java.util.Map.entry('意', "意大利"), java.util.Map.entry('韩', "韩国"),
            java.util.Map.entry('朝', "朝鲜"), java.util.Map.entry('印', "印度"), java.util.Map.entry('越', "越南"),
            java.util.Map.entry('泰', "泰国"), java.util.Map.entry('加', "加拿大"), java.util.Map.entry('荷', "荷兰"),
            java.util.Map.entry('葡', "葡萄牙"), java.util.Map.entry('以', "以色列"), java.util.Map.entry('埃', "埃及"),
            java.util.Map.entry('叙', "叙利亚"), java.util.Map.entry('菲', "菲律宾"), java.util.Map.entry('缅', "缅甸"),
            java.util.Map.entry('华', "中国"),
            java.util.Map.entry('京', "北京"), java.util.Map.entry('津', "天津"), java.util.Map.entry('沪', "上海"),
            java.util.Map.entry('渝', "重庆"), java.util.Map.entry('冀', "河北"), java.util.Map.entry('晋', "山西"),
            java.util.Map.entry('辽', "辽宁"), java.util.Map.entry('吉', "吉林"), java.util.Map.entry('黑', "黑龙江"),
            java.util.Map.entry('浙', "浙江"), java.util.Map.entry('皖', "安徽"), java.util.Map.entry('闽', "福建"),
            java.util.Map.entry('赣', "江西"), java.util.Map.entry('鲁', "山东"), java.util.Map.entry('豫', "河南"),
            java.util.Map.entry('鄂', "湖北"), java.util.Map.entry('湘', "湖南"), java.util.Map.entry('粤', "广东"),
            java.util.Map.entry('桂', "广西"), java.util.Map.entry('琼', "海南"), java.util.Map.entry('川', "四川"),
            java.util.Map.entry('蜀', "四川"), java.util.Map.entry('贵', "贵州"), java.util.Map.entry('黔', "贵州"),
            java.util.Map.entry('云', "云南"), java.util.Map.entry('滇', "云南"), java.util.Map.entry('藏', "西藏"),
            java.util.Map.entry('陕', "陕西"), java.util.Map.entry('甘', "甘肃"), java.util.Map.entry('陇', "甘肃"),
            java.util.Map.entry('青', "青海"), java.util.Map.entry('港', "香港"), java.util.Map.entry('台', "台湾"));

    private void nameShortForms(Analysis a, int from, List<Candidate> out) {
        for (int c = from; c < out.size(); c++) {
            Candidate pl = out.get(c);
            if (pl.length() != 1 || pl.type() != EntityType.PLACE) continue;
            String name = SHORT_FORM_NAMES.get(a.text.charAt(pl.start()));
            if (name == null) continue;
            Lexicons.Division d = lex.divisions.get(name);
            out.set(c, new Candidate(pl.start(), pl.end(), EntityType.PLACE, d != null ? d.name() : name, pl.confidence(),
                    d != null ? d.code() : ""));
        }
    }

    /** Nouns for a settlement that stand right before its name (北部城市|基尔库克, 重镇|马扎里沙里夫). */
    private static final java.util.Set<String> SETTLEMENT_NOUNS = java.util.Set.of(
            "城市", "重镇", "首都", "首府", "港口", "港市", "小镇", "小城", "城镇", "省会", "州府", "古城", "名城", "山城", "边城");
    /**
     * Levels and features that close a foreign place name (卡利|市, 捷列克|河, 霍夫堡|宫), longest
     * first. Each must end a word of the segmenter, so 市长 or 海军 after a name do not count.
     */
    private static final List<String> FOREIGN_PLACE_ENDS = List.of(
            "国家公园", "酋长国", "大公国", "大教堂", "火车站", "三角洲", "边疆区", "自治区", "自治州", "共和国",
            "王国", "公国", "大街", "大道", "广场", "公园", "教堂", "城堡", "机场", "车站", "半岛", "群岛", "海峡", "海湾",
            "海岸", "山脉", "山谷", "峡谷", "河谷", "运河", "水库", "大坝", "瀑布", "冰川", "火山", "绿洲", "草原", "森林",
            "高原", "高地", "平原", "盆地", "沙漠", "大桥",
            "省", "州", "市", "县", "区", "镇", "村", "城", "宫", "河", "江", "湖", "海", "山", "峰", "岭", "谷", "岛",
            "礁", "角", "港", "湾", "街");
    /** What follows 在 when the name after it is a person's (在阿拉法特陪同下, 在克林顿看来). */
    private static final List<String> PERSON_AFTER_LOCATIVE = List.of("陪同", "的陪同", "主持", "的主持", "领导", "的领导", "看来", "眼里", "心中", "身边", "手中");

    /**
     * Transliterated names the dictionaries do not know, read as places where the text says so: a
     * level or feature closes them (卡利市, 捷列克河); they follow a country or another place
     * directly (乌兹别克斯坦|撒马尔罕), a settlement noun (城市|基尔库克) or a verb of going or
     * staying (抵达|某某); or they are listed with places (某某、巴格达和巴士拉). A title, an
     * honorific or a verb of speech after the name makes it a person's, and it is left alone.
     */
    private void foreignPlaces(Analysis a, int from, List<Candidate> out) {
        String s = a.text;
        boolean[] placeEnd = new boolean[s.length() + 1];
        boolean[] known = new boolean[s.length() + 1];
        for (int c = from; c < out.size(); c++) {
            Candidate pl = out.get(c);
            if (pl.confidence() < 0.7) continue;
            if (pl.length() >= 2) placeEnd[pl.end()] = true;
            for (int k = pl.start(); k < pl.end(); k++) known[k] = true;
        }
        List<Candidate> found = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (!ForeignNames.transliterationChar(s.charAt(i)) || known[i] || !a.wordStart[i] || a.insideName[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && j - i < 8 && !known[j] && ForeignNames.transliterationChar(s.charAt(j))) j++;
            // The run ends where the segmenter ends a word; a closing level may be its last character.
            int end = j;
            int close = closingAt(a, end);
            if (close == 0 && end - i >= 3 && closesInside(a, end) && closingAt(a, end - 1) == 1) {
                end--;
                close = 1;
            }
            int stop = end + close;
            boolean bounded = a.wordEnd[stop] && !a.insideName[stop] || Analysis.isBreak(s, stop);
            if (end - i >= 2 && bounded && (close > 0 || a.wordEnd[end]) && foreignWord(a, i, end) && clearBefore(a, i)
                    && !personAfter(a, end) && !personAfter(a, stop) && !titleBefore(a, i)
                    && (stop >= s.length() || ForeignNames.NAME_DOTS.indexOf(s.charAt(stop)) < 0)) {
                boolean cue = close > 0;
                // A proper noun the dictionary knows (塔利班/nz) after a country is a party or a group, not a place.
                if (!cue && !CoreDictionary.contains(s.substring(i, end))) {
                    cue = placeEnd[i] || settlementNounBefore(a, i)
                            || PersonRecognizer.locativeBefore(a, i) && !personAfterLocative(s, stop) && "里上中内".indexOf(s.charAt(end - 1)) < 0
                            || i >= 2 && PersonRecognizer.joinerAt(s, i - 1) && placeEnd[i - 1];
                }
                if (cue) found.add(new Candidate(i, stop, EntityType.PLACE, 0.75));
            }
            i = Math.max(j, i + 1);
        }
        // 苏门答腊岛/ns: a place guess of the segmenter that is a transliteration and a closing level or feature.
        for (Term t : a.terms) {
            String w = t.word;
            if (t.nature == null || !t.nature.toString().startsWith("ns") || w.length() < 3 || CoreDictionary.contains(w) || known[t.offset]) continue;
            for (String f : FOREIGN_PLACE_ENDS) {
                if (!w.endsWith(f) || w.length() - f.length() < 2) continue;
                if (w.substring(0, w.length() - f.length()).chars().allMatch(c -> ForeignNames.transliterationChar((char) c))) {
                    found.add(new Candidate(t.offset, t.offset + w.length(), EntityType.PLACE, 0.75));
                }
                break;
            }
        }
        out.addAll(found);
    }

    /** Length of a closing level or feature at {@code k} that ends a word of the segmenter, or 0. */
    private static int closingAt(Analysis a, int k) {
        for (String f : FOREIGN_PLACE_ENDS) {
            if (!a.text.startsWith(f, k)) continue;
            int e = k + f.length();
            return a.wordEnd[e] && !a.insideName[e] || Analysis.isBreak(a.text, e) ? f.length() : 0;
        }
        return 0;
    }

    /**
     * The character before {@code end} may be a closing level or feature: a word of its own, or the
     * last of a place guess of the segmenter (曼扎罗山/ns), but not of a personal name (路海峰/nr).
     */
    private static boolean closesInside(Analysis a, int end) {
        Term last = a.termAt(end - 1);
        if (last != null) return last.word.length() == 1;
        String w = a.termEndingAt(end);
        Term t = w == null ? null : a.termAt(end - w.length());
        return t != null && t.nature != null && t.nature.toString().startsWith("ns");
    }

    private static boolean settlementNounBefore(Analysis a, int i) {
        String w = a.termEndingAt(i);
        return w != null && SETTLEMENT_NOUNS.contains(w);
    }

    private static boolean personAfterLocative(String s, int j) {
        for (String w : PERSON_AFTER_LOCATIVE) if (s.startsWith(w, j)) return true;
        return false;
    }

    /**
     * {@code s[i, j)} holds no word the core dictionary knows as anything but a foreign or proper
     * name, and is not one Chinese personal name of the segmenter (李登海/nr).
     */
    private static boolean foreignWord(Analysis a, int i, int j) {
        for (int k = i; k < j; k++) {
            Term t = a.termAt(k);
            if (t == null || t.word.length() < 2 || t.nature == null) continue;
            String n = t.nature.toString();
            if (n.equals("nr") && k == i && t.word.length() >= j - i) return false;
            if (!n.startsWith("nr") && !n.startsWith("ns") && !n.equals("nz") && CoreDictionary.contains(t.word)) return false;
        }
        return true;
    }

    /**
     * The run starts clear of what stands before it: after a break, a word of two or more
     * characters, or a character no transliteration uses (了, 的). A single character before it
     * that transliterations use (波|佩斯库) may be the name's own first syllable.
     */
    private static boolean clearBefore(Analysis a, int i) {
        if (i == 0 || Analysis.isBreak(a.text, i - 1)) return true;
        String w = a.termEndingAt(i);
        return w != null && (w.length() >= 2 || !ForeignNames.transliterationChar(w.charAt(0)));
    }

    /** A title noun of the segmenter or a calling ends right before {@code i} (总理|科尔, 球星|某某). */
    private boolean titleBefore(Analysis a, int i) {
        if (lex.occupations.longestEndingAt(a.text, i) > 0) return true;
        String w = a.termEndingAt(i);
        if (w == null || w.length() < 2) return false;
        Term t = a.termAt(i - w.length());
        return t != null && t.nature != null && t.nature.toString().equals("nnt");
    }

    /** A title, an honorific or a verb of speech starts at {@code j}: what ends there is a person's name. */
    private boolean personAfter(Analysis a, int j) {
        return j < a.text.length() && (a.titleNounStart[j] || lex.honorifics.longestAt(a.text, j) > 0 || lex.speechVerbs.longestAt(a.text, j) > 0);
    }

    /**
     * 天津港, 北京站, 四川盆地, 珠江三角洲: a place followed by a geographic or transport feature
     * that ends a segmented word is the longer place; it outranks the gazetteer's shorter name.
     */
    private static void features(Analysis a, int from, List<Candidate> out) {
        String s = a.text;
        for (int c = from, n = out.size(); c < n; c++) {
            Candidate pl = out.get(c);
            if (pl.length() < 2) continue;
            int e = pl.end();
            for (String f : FEATURE_SUFFIXES) {
                if (!s.startsWith(f, e)) continue;
                int end = e + f.length();
                if (a.termEndingAt(end) == null && !Analysis.isBreak(s, end)) continue;
                // 北京站|在: a one-character feature must not be a verb or a word's first character.
                if (f.length() == 1 && end < s.length() && CoreDictionary.contains(s.substring(end - 1, end + 1))) continue;
                out.add(new Candidate(pl.start(), end, EntityType.PLACE, 0.95));
                break;
            }
        }
    }

    /**
     * 访美, 抵京, 来华, 在沪, 驻港: a one-character place after a verb of travel or residence, where
     * the segmenter ends a word after it; a dictionary word of another kind (来日 'days to come')
     * is no such pair. Also 川籍, 美籍: a short form before 籍.
     */
    private static void travelTargets(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int i = 1; i < s.length(); i++) {
            char x = s.charAt(i);
            if (i + 1 < s.length() && s.charAt(i + 1) == '籍' && (SHORT_FORMS.indexOf(x) >= 0 || x == '华')) {
                String w = s.substring(i, i + 2);
                if ((w.equals(a.termEndingAt(i + 2)) || a.termEndingAt(i + 2) == null && a.wordEnd[i + 2])
                        && a.wordEnd[i] && !CoreDictionary.contains(s.substring(i - 1, i + 1))) {
                    out.add(new Candidate(i, i + 1, EntityType.PLACE, 0.75));
                }
                continue;
            }
            if (TRAVEL_TARGETS.indexOf(x) < 0 || TRAVEL_VERBS.indexOf(s.charAt(i - 1)) < 0) continue;
            String pair = s.substring(i - 1, i + 1);
            String ending = a.termEndingAt(i + 1);
            boolean alone = String.valueOf(x).equals(ending) && a.termAt(i - 1) != null;
            if (!alone && !pair.equals(ending)) continue;
            if (!verbLike(CoreDictionary.get(pair))) continue;
            out.add(new Candidate(i, i + 1, EntityType.PLACE, 0.75));
        }
    }

    /** No dictionary word, or one used only as a verb or abbreviation (来华/v, 抵京/v, 川籍/j). */
    private static boolean verbLike(CoreDictionary.Attribute attr) {
        if (attr == null) return true;
        for (Nature n : attr.nature) {
            if (n != Nature.v && n != Nature.vn && n != Nature.vi && n != Nature.j && n != Nature.nz) return false;
        }
        return true;
    }

    /**
     * Runs of two to four one-character country forms (中美, 中日韩) on word boundaries; each
     * character is a place. A single such character is left alone: 中 or 美 alone is usually a word.
     */
    private static void abbreviationRuns(Analysis a, List<Candidate> out) {
        String s = a.text;
        int i = 0;
        while (i < s.length()) {
            if (SHORT_FORMS.indexOf(s.charAt(i)) < 0) {
                i++;
                continue;
            }
            if (listedAbbreviations(a, i, out)) {
                while (i < s.length() && (SHORT_FORMS.indexOf(s.charAt(i)) >= 0 || s.charAt(i) == '、')) i++;
                continue;
            }
            // 中方, 美方: a country's side in talks.
            if (COUNTRY_ABBREVIATIONS.indexOf(s.charAt(i)) >= 0 && i + 2 <= s.length() && s.charAt(i + 1) == '方' && a.wordStart[i] && a.wordEnd[i + 2]
                    && (i == 0 || !Analysis.isHan(s.charAt(i - 1)) || a.wordEnd[i])) {
                out.add(new Candidate(i, i + 1, EntityType.PLACE, 0.75));
                i += 2;
                continue;
            }
            int j = i;
            while (j < s.length() && SHORT_FORMS.indexOf(s.charAt(j)) >= 0) j++;
            // The run must not cut a name the segmenter found (德|黑兰).
            boolean bounded = a.wordStart[i] && (a.wordEnd[j] || Analysis.isBreak(s, j) || runFollower(s, j))
                    && !a.insideName[i] && !a.insideName[j];
            // 比赛中|以|三比零: the characters before a score are no countries.
            if (bounded && !runFollower(s, j) && score(s, j)) {
                bounded = false;
            }
            // A core-dictionary word ending the run (美中不足, 中欧 as an everyday word) is not a list of countries.
            if (j - i >= 2 && j - i <= 4 && bounded && !dictionaryWordInside(s, i, j) && !wordInsideRun(s, i, j)) {
                String feature = runFeature(a, j);
                if (feature != null) {
                    // 青藏高原, 云贵高原: the run names one region.
                    out.add(new Candidate(i, j + feature.length(), EntityType.PLACE, 0.95));
                } else {
                    for (int k = i; k < j; k++) out.add(new Candidate(k, k + 1, EntityType.PLACE, 0.8));
                }
            }
            i = j;
        }
    }

    /**
     * 中、美关系, 美、英、法三国: one-character country forms listed with 、; each stands alone
     * between the enumeration comma and a break or a word start.
     */
    private static boolean listedAbbreviations(Analysis a, int i, List<Candidate> out) {
        String s = a.text;
        // 是中、美关系: after a Han character only where a segmented word ends.
        if (i > 0 && Analysis.isHan(s.charAt(i - 1)) && (a.termAt(i) == null || a.insideName[i])) return false;
        int k = i;
        int n = 0;
        while (k < s.length() && SHORT_FORMS.indexOf(s.charAt(k)) >= 0) {
            n++;
            if (k + 1 < s.length() && s.charAt(k + 1) == '、') k += 2;
            else break;
        }
        if (n < 2 || k >= s.length()) return false;
        int end = k + 1;
        if (!a.wordEnd[end] && !Analysis.isBreak(s, end) && !a.wordStart[end]) return false;
        for (int c = i; c < end; c += 2) out.add(new Candidate(c, c + 1, EntityType.PLACE, 0.8));
        return true;
    }

    /** How often the core dictionary has a word as a place name, Chinese or foreign. */
    private static int placeUses(CoreDictionary.Attribute attr) {
        return attr.getNatureFrequency(Nature.ns) + attr.getNatureFrequency(Nature.nsf);
    }

    /** A numeral followed by a measure of time or number (二十年, 三个, 五名): a count. */
    private static boolean counted(String w) {
        for (int k = 0; k + 1 < w.length(); k++) {
            if ("一二三四五六七八九十百千万两0123456789".indexOf(w.charAt(k)) >= 0 && "年个名位多岁次天月".indexOf(w.charAt(k + 1)) >= 0) return true;
        }
        return false;
    }

    /**
     * The segmenter's place guesses glue words on in front (多首|陕北, 来到|延安): a place word of
     * the dictionary or the gazetteer ending such a guess is the place.
     */
    private void placeEndingGuess(Term t, List<Candidate> out) {
        String w = t.word;
        for (int len = Math.min(4, w.length() - 1); len >= 2; len--) {
            String tail = w.substring(w.length() - len);
            int start = t.offset + w.length() - len;
            Lexicons.Division d = lex.divisions.get(tail);
            if (d != null) {
                out.add(new Candidate(start, start + len, EntityType.PLACE, d.name(), 0.8, d.code()));
                return;
            }
            CoreDictionary.Attribute attr = CoreDictionary.get(tail);
            if (attr == null || attr.totalFrequency < 5) continue;
            int ns = placeUses(attr);
            if (ns * 2 >= attr.totalFrequency) {
                out.add(new Candidate(start, start + len, EntityType.PLACE, 0.7));
                return;
            }
        }
    }

    /**
     * The segmenter's organisation guesses swallow the country in front (墨西哥众议院代表团/nt); a
     * dictionary place word opening such a guess is a place, unless an organisation rule keeps it.
     */
    private static void placeInsideOrganisation(Term t, List<Candidate> out) {
        String w = t.word;
        // Up to seven characters: country names run that long (吉尔吉斯斯坦政府代表团, 巴布亚新几内亚).
        for (int len = Math.min(7, w.length() - 2); len >= 2; len--) {
            CoreDictionary.Attribute attr = CoreDictionary.get(w.substring(0, len));
            if (attr == null) continue;
            int ns = placeUses(attr);
            if (ns * 2 > attr.totalFrequency && attr.totalFrequency >= 5) {
                out.add(new Candidate(t.offset, t.offset + len, EntityType.PLACE, 0.7));
                return;
            }
        }
    }

    /**
     * Heads that make a place name the first part of a dictionary compound (中国人民, 北京市民,
     * 美国人, 中国队, 上海方面): the place keeps its own name inside the word.
     */
    private static final List<String> COMPOUND_HEADS = List.of(
            "人民", "市民", "政府", "方面", "军队", "全境", "境内", "各地", "人", "队", "军", "籍", "方", "侨", "商");

    /** Heads after a one-character country form in a two-character word (华人, 美军, 中方, 日商). */
    private static final String SHORT_FORM_HEADS = "人军方侨商籍";

    /**
     * A place name opening a dictionary compound whose rest is a head of {@link #COMPOUND_HEADS}
     * (中国|人民, 北京|市民): the segmenter keeps such compounds whole, the place in them stays a place.
     */
    private void placeInsideCompound(Term t, List<Candidate> out) {
        String w = t.word;
        // 亚军, 欧洲: the continents' forms make other words with these heads.
        if (w.length() == 2 && (COUNTRY_ABBREVIATIONS.indexOf(w.charAt(0)) >= 0 || w.charAt(0) == '华')
                && "亚欧非".indexOf(w.charAt(0)) < 0 && SHORT_FORM_HEADS.indexOf(w.charAt(1)) >= 0) {
            out.add(new Candidate(t.offset, t.offset + 1, EntityType.PLACE, 0.75));
            return;
        }
        if (w.length() < 3) return;
        for (String head : COMPOUND_HEADS) {
            if (!w.endsWith(head) || w.length() - head.length() < 2) continue;
            String place = w.substring(0, w.length() - head.length());
            Lexicons.Division d = lex.divisions.get(place);
            if (d != null) {
                out.add(new Candidate(t.offset, t.offset + place.length(), EntityType.PLACE, d.name(), 0.85, d.code()));
                return;
            }
            CoreDictionary.Attribute attr = CoreDictionary.get(place);
            if (attr == null || attr.totalFrequency < 5) continue;
            int ns = placeUses(attr);
            if (ns * 2 >= attr.totalFrequency) out.add(new Candidate(t.offset, t.offset + place.length(), EntityType.PLACE, 0.8));
            return;
        }
    }

    /** A score starts at {@code j} (三比零, 2比1). */
    private static boolean score(String s, int j) {
        String digits = "0123456789０１２３４５６７８９一二三四五六七八九十零";
        return j + 2 < s.length() && digits.indexOf(s.charAt(j)) >= 0 && s.charAt(j + 1) == '比';
    }

    /**
     * One-character forms of more countries, ambiguous alone (新 Singapore or New Zealand, 马
     * Malaysia, 哈 Kazakhstan, 老 Laos): places only where a word for two countries or a side
     * follows the run (中新两国, 巴中友谊, 哈、中两国, 匈方).
     */
    private static final String MORE_COUNTRIES = "新马哈土科匈老白蒙捷波罗保阿墨古智秘乌塞希丹挪芬比奥卢孟尼柬斯";
    /** Words that announce a run of country forms before them. */
    private static final List<String> ANNOUNCING = List.of(
            "两国", "三国", "四国", "五国", "双方", "关系", "友谊", "边界", "边境", "合作", "会谈", "建交", "友好", "联合声明",
            "经贸", "贸易", "企业家", "首脑", "外长", "铁路", "方");

    /** {@link #ANNOUNCING} looked up by the character a word begins with. No word begins another, so at most one is at a position. */
    private static final Lexicons.WordSet ANNOUNCING_WORDS = Lexicons.WordSet.of(ANNOUNCING);

    private static void announcedAbbreviations(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int j = 1; j < s.length(); j++) {
            int length = ANNOUNCING_WORDS.longestAt(s, j);
            if (length == 0) continue;
            String follower = s.substring(j, j + length);
            // 方 as a side, not the first character of 方略, 方面, 方针.
            if (follower.equals("方") && j + 2 <= s.length() && CoreDictionary.contains(s.substring(j, j + 2))) continue;
            // 方 alone only after one form (匈方, 土方), as 中方 is; the longer words after a run of two or more.
            int i = j;
            while (i > 0 && j - i < 4 && (abbreviation(s.charAt(i - 1)) || s.charAt(i - 1) == '、' && i - 2 >= 0 && abbreviation(s.charAt(i - 2)))) {
                i -= s.charAt(i - 1) == '、' ? 2 : 1;
            }
            int forms = 0;
            for (int k = i; k < j; k++) if (s.charAt(k) != '、') forms++;
            if (forms == 0 || follower.equals("方") != (forms == 1)) continue;
            // The run starts a word: nothing Han glued before it but a word end (就|中俄, 说，|巴中).
            if (i > 0 && Analysis.isHan(s.charAt(i - 1)) && !a.wordEnd[i]) continue;
            // A place or name word of its own is no run of forms (罗马尼亚|外长, 苏丹|两国, 古巴).
            boolean word = a.insideName[i] || a.insidePlaceWord[i] || a.insideName[j] || a.insidePlaceWord[j];
            for (int k = i + 1; k < j && !word; k++) word = a.insideName[k] || a.insidePlaceWord[k];
            if (word) continue;
            // Two forms must hold a country the plain runs know, or each be one here (中新, 巴中, 哈、中).
            boolean known = false;
            for (int k = i; k < j; k++) if (COUNTRY_ABBREVIATIONS.indexOf(s.charAt(k)) >= 0) known = true;
            if (!known && forms > 1) continue;
            if (forms == 1 && CoreDictionary.contains(s.substring(i, j + 1)) && !verbLike(CoreDictionary.get(s.substring(i, j + 1)))
                    && COUNTRY_ABBREVIATIONS.indexOf(s.charAt(i)) < 0) {
                continue;   // 对方, 各方, 地方: words, not a country's side
            }
            for (int k = i; k < j; k++) if (s.charAt(k) != '、') out.add(new Candidate(k, k + 1, EntityType.PLACE, 0.8));
        }
    }

    private static boolean abbreviation(char c) {
        return COUNTRY_ABBREVIATIONS.indexOf(c) >= 0 || MORE_COUNTRIES.indexOf(c) >= 0 || PROVINCE_ABBREVIATIONS.indexOf(c) >= 0;
    }

    /** 中英|两国, 中美|关系: words that follow a list of short forms; the segmenter may glue them on (英两/q). */
    private static final List<String> RUN_FOLLOWERS = List.of(
            "两国", "三国", "四国", "两地", "三地", "三省", "两省", "双方", "关系", "合作", "会谈", "边境", "贸易", "友好", "建交", "首脑", "外长");

    private static boolean runFollower(String s, int j) {
        for (String f : RUN_FOLLOWERS) if (s.startsWith(f, j)) return true;
        return false;
    }

    private static String runFeature(Analysis a, int j) {
        for (String f : RUN_FEATURE_SUFFIXES) {
            if (a.text.startsWith(f, j) && (a.wordEnd[j + f.length()] || Analysis.isBreak(a.text, j + f.length()))) return f;
        }
        return null;
    }

    /**
     * Two neighbours of the run form a dictionary word of their own that is no abbreviation
     * (辽宁, 中亚, 台中 are places; 中巴 'minibus', 非法, 加以 ordinary words): not a list.
     */
    private static boolean wordInsideRun(String s, int i, int j) {
        for (int k = i; k + 2 <= j; k++) {
            CoreDictionary.Attribute attr = CoreDictionary.get(s.substring(k, k + 2));
            if (attr == null) continue;
            int abbreviation = attr.getNatureFrequency(Nature.j);
            if (abbreviation * 2 <= attr.totalFrequency) return true;
        }
        return false;
    }

    private static boolean dictionaryWordInside(String s, int i, int j) {
        if (j < s.length() && CoreDictionary.contains(s.substring(j - 1, j + 1))) return true;
        return i > 0 && CoreDictionary.contains(s.substring(i - 1, i + 1));
    }

    private static double placeConfidence(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        if (attr != null) {
            int ns = placeUses(attr);
            if (ns * 2 >= attr.totalFrequency) return 0.7;
            // A proper place the core corpus saw mostly otherwise (白宫), when the custom dictionary
            // agrees; a common noun the custom dictionary alone calls a place (护城河) stays a noun.
            if (ns == 0) return 0;
            CoreDictionary.Attribute custom = CustomDictionary.get(w);
            return custom != null && custom.nature.length == 1 && custom.nature[0] == Nature.ns ? 0.65 : 0;
        }
        char last = w.charAt(w.length() - 1);
        // 二十年|村: a count is no place name (三里屯 and 二道河 are).
        if (w.length() >= 3 && ADMIN_SUFFIXES.indexOf(last) >= 0 && !counted(w)) {
            CoreDictionary.Attribute stem = CoreDictionary.get(w.substring(0, w.length() - 1));
            if (stem == null || stem.hasNatureStartsWith("ns")) return 0.6;
        }
        return 0;
    }
}
