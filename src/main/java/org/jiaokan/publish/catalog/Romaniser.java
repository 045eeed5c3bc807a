package org.jiaokan.publish.catalog;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.script.ScriptConverter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Romanises Chinese (simplified or traditional) into pinyin after the general rules of ALA-LC practice:
 * syllables without tone marks, {@code ü} kept, the syllables of one word joined (with an apostrophe
 * where a syllable beginning with a, o or e would run into the one before: {@code gong'an}), Chinese
 * punctuation made Western, Latin letters and digits kept. The kind of string decides capitals:
 * <ul>
 *   <li>{@code title}: the first word and the proper names in it;</li>
 *   <li>{@code person}: surname, then the given name joined ({@code Xi Jinping}, {@code Ouyang Xiu});</li>
 *   <li>{@code place}: every word, the generic term of an administrative name apart ({@code Sichuan Sheng});</li>
 *   <li>{@code corporate}: the first word and the proper names in it ({@code Gong'an bu}).</li>
 * </ul>
 * Words come from HanLP's segmenter over the simplified text, readings from HanLP's pinyin over the
 * whole string, so that context chooses between the readings of a character.
 */
public final class Romaniser {
    private Romaniser() {}

    /** Compound surnames, written as one word. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "公孙", "慕容", "东方", "夏侯", "令狐", "长孙", "宇文",
            "司徒", "端木", "澹台", "轩辕", "呼延", "万俟", "闻人", "西门", "南宫", "独孤", "申屠", "钟离");
    /** Surnames read otherwise than the character's commonest reading. */
    private static final Map<String, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry("单", "shan"), Map.entry("曾", "zeng"), Map.entry("解", "xie"), Map.entry("仇", "qiu"),
            Map.entry("区", "ou"), Map.entry("朴", "piao"), Map.entry("查", "zha"), Map.entry("乐", "yue"),
            Map.entry("覃", "qin"), Map.entry("盖", "ge"), Map.entry("缪", "miao"), Map.entry("翟", "zhai"),
            Map.entry("召", "shao"), Map.entry("尉迟", "yuchi"), Map.entry("万俟", "moqi"), Map.entry("长孙", "zhangsun"),
            Map.entry("单于", "chanyu"), Map.entry("繁", "po"), Map.entry("种", "chong"), Map.entry("秘", "bi"),
            Map.entry("任", "ren"), Map.entry("华", "hua"), Map.entry("纪", "ji"), Map.entry("员", "yun"),
            Map.entry("柏", "bai"), Map.entry("贾", "jia"), Map.entry("沈", "shen"), Map.entry("石", "shi"),
            Map.entry("尹", "yin"), Map.entry("汤", "tang"), Map.entry("薄", "bo"), Map.entry("宁", "ning"));
    /** Characters of given names read otherwise than in running text (婀娜 ē'nuó, but 李娜 Li Na). */
    private static final Map<Character, String> GIVEN_NAME_READINGS = Map.of('娜', "na");
    /** Generic terms that end an administrative place name and are written apart, capitalised. */
    private static final List<String> PLACE_GENERICS = List.of(
            "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
            "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村");

    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false)
            .enableCustomDictionary(true));

    /** The romanisation of {@code text} as a string of the given kind (title, person, place, corporate). */
    public static String romanise(String text, String kind) {
        return romanise(text, kind, List.of());
    }

    /**
     * The romanisation of {@code text}, where the names the record knows ({@code person\tNAME},
     * {@code place\tNAME}: the document's authors, the register entries it names) are romanised as
     * names wherever a title has them ({@code 欧阳明在…的讲话} → {@code Ouyang Ming zai …}).
     */
    public static String romanise(String text, String kind, java.util.Collection<String> names) {
        if (text == null || text.isBlank()) return "";
        String simp = simplified(text.strip());
        return switch (kind == null ? "" : kind) {
            case "person" -> person(simp);
            case "place" -> place(simp);
            default -> tidy(capitaliseFirst(withNames(simp, names)));
        };
    }

    private static String simplified(String s) {
        return ScriptConverter.toSimplified(Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u3000', ' '));
    }

    /** The text word by word, the known names in it (longest first, at least two characters) as names. */
    private static String withNames(String s, java.util.Collection<String> names) {
        List<String[]> known = new ArrayList<>();
        for (String n : names) {
            int tab = n.indexOf('\t');
            if (tab < 0) continue;
            String k = n.substring(0, tab), name = simplified(n.substring(tab + 1).strip());
            if (name.length() >= 2 && hasHan(name) && (k.equals("person") || k.equals("place"))) known.add(new String[]{k, name});
        }
        known.sort((a, b) -> b[1].length() - a[1].length());
        StringBuilder out = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String[] k : known) {
                if (s.startsWith(k[1], i)) {
                    if (!plain.isEmpty()) { flushRaw(out, words(plain.toString(), true)); plain.setLength(0); }
                    flushRaw(out, k[0].equals("person") ? person(k[1]) : place(k[1]));
                    i += k[1].length();
                    continue outer;
                }
            }
            plain.append(s.charAt(i++));
        }
        if (!plain.isEmpty()) flushRaw(out, words(plain.toString(), true));
        return out.toString();
    }

    private static void flushRaw(StringBuilder out, String part) {
        if (part.isEmpty()) return;
        if (!out.isEmpty() && Character.isLetterOrDigit(out.charAt(out.length() - 1)) && Character.isLetterOrDigit(part.charAt(0))) out.append(' ');
        out.append(part);
    }

    /** True when the text has a Han character, so that it needs a romanisation. */
    public static boolean hasHan(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String person(String s) {
        String name = s.replaceAll("\\s+", "");
        if (!name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) || name.length() < 2 || name.length() > 4) {
            // A transliterated foreign name (with ·) or anything unlike a Chinese personal name: word by word.
            return tidy(capitaliseAll(words(name.replace('·', ' ').replace('•', ' '), true)));
        }
        int cut = name.length() >= 3 && COMPOUND_SURNAMES.contains(name.substring(0, 2)) ? 2 : 1;
        String surname = name.substring(0, cut);
        String given = name.substring(cut);
        List<String> syl = syllables(name);
        String sur = SURNAME_READINGS.getOrDefault(surname, String.join("", syl.subList(0, cut)));
        StringBuilder g = new StringBuilder();
        for (int i = cut; i < syl.size(); i++) appendSyllable(g, GIVEN_NAME_READINGS.getOrDefault(name.charAt(i), syl.get(i)));
        return cap(sur) + " " + cap(g.toString());
    }

    private static String place(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.strip().split("\\s+")) {
            String generic = "";
            for (String g : PLACE_GENERICS) {
                if (part.endsWith(g) && part.length() > g.length() + 1 || part.endsWith(g) && part.length() == g.length() + 1 && g.length() == 1 && false) {
                    generic = g;
                    break;
                }
            }
            String base = part.substring(0, part.length() - generic.length());
            out.add(capitaliseAll(words(base, true)));
            if (!generic.isEmpty()) out.add(capitaliseAll(words(generic, false)));
        }
        return tidy(String.join(" ", out));
    }

    /**
     * The words of {@code s} in pinyin, separated by spaces: proper names (persons, places,
     * organisations by HanLP's tags) come capitalised when {@code names} is set.
     */
    private static String words(String s, boolean names) {
        List<String> syl = syllables(s);
        List<Term> terms = SEGMENT.get().seg(s);
        StringBuilder out = new StringBuilder();
        int at = 0;
        int alnumEnd = -1;
        boolean[] glue = {false};
        for (Term t : split(terms)) {
            String w = t.word;
            int start = s.indexOf(w, at);
            if (start < 0) start = at;
            at = start + w.length();
            if (start == alnumEnd && !w.isEmpty() && w.codePoints().allMatch(c -> Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN)) {
                // The segmenter cut a run of Latin letters or digits (jīng, 2019a): it stays one word.
                out.append(w);
                alnumEnd = at;
                continue;
            }
            alnumEnd = -1;
            StringBuilder word = new StringBuilder();
            boolean han = false;
            for (int i = start; i < at && i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && syl.get(i) != null) {
                    if (!word.isEmpty() && !han) { flush(out, word.toString(), glue); word.setLength(0); }
                    appendSyllable(word, syl.get(i));
                    han = true;
                } else if (Character.isLetterOrDigit(c)) {
                    if (!word.isEmpty() && han) { flush(out, word.toString(), glue); word.setLength(0); }
                    word.append(c);
                    han = false;
                } else {
                    if (!word.isEmpty()) { flush(out, word.toString(), glue); word.setLength(0); }
                    String p = punctuation(c);
                    out.append(p);
                    // A symbol kept as it is (< > & / …) binds to what follows, as in the source.
                    glue[0] = p.length() == 1 && !Character.isWhitespace(p.charAt(0)) && p.charAt(0) != '"';
                    han = false;
                }
            }
            if (!word.isEmpty() && !han && at > start && Character.isLetterOrDigit(s.charAt(at - 1))) alnumEnd = at;
            if (!word.isEmpty()) {
                String ws = word.toString();
                if (names && han && isProperName(t)) {
                    if (t.nature == Nature.nr && w.length() >= 2 && w.length() <= 4) ws = person(w);
                    else if (t.nature.toString().startsWith("ns") && w.length() > 2 && PLACE_GENERICS.stream().anyMatch(w::endsWith)) ws = place(w);
                    else ws = cap(ws);
                }
                flush(out, ws, glue);
            }
        }
        return out.toString();
    }

    /**
     * Long dictionary words split into their own words, so that a compound name reads word by word
     * ({@code 中华人民共和国} → {@code Zhonghua renmin gongheguo}): greedy longest match on HanLP's core
     * dictionary, parts of at most three characters; a place name with an administrative ending stays whole.
     */
    private static List<Term> split(List<Term> terms) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            String w = t.word;
            boolean allHan = w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            boolean place = t.nature != null && t.nature.toString().startsWith("ns") && PLACE_GENERICS.stream().anyMatch(w::endsWith);
            if (w.length() < 4 || !allHan || place || t.nature == Nature.nr) {
                out.add(t);
                continue;
            }
            int i = 0;
            while (i < w.length()) {
                int len = Math.min(3, w.length() - i);
                while (len > 1 && !com.hankcs.hanlp.dictionary.CoreDictionary.contains(w.substring(i, i + len))) len--;
                String part = w.substring(i, i + len);
                com.hankcs.hanlp.dictionary.CoreDictionary.Attribute a = com.hankcs.hanlp.dictionary.CoreDictionary.get(part);
                out.add(new Term(part, i == 0 && t.nature != null && t.nature.toString().startsWith("ns") ? t.nature
                        : a != null && a.nature.length > 0 ? a.nature[0] : Nature.n));
                i += len;
            }
        }
        return out;
    }

    private static boolean isProperName(Term t) {
        if (t.nature == null) return false;
        String n = t.nature.toString();
        return n.startsWith("nr") || n.startsWith("ns") || n.startsWith("nt") || n.equals("nz") && false;
    }

    private static void flush(StringBuilder out, String word, boolean[] glue) {
        if (glue[0]) {
            glue[0] = false;
            out.append(word);
            return;
        }
        if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1)) && "([\"'".indexOf(out.charAt(out.length() - 1)) < 0) out.append(' ');
        out.append(word);
    }

    /** A syllable joined to the word so far, with an apostrophe before a, o or e inside a word. */
    private static void appendSyllable(StringBuilder word, String syllable) {
        if (!word.isEmpty() && !syllable.isEmpty() && "aoe".indexOf(syllable.charAt(0)) >= 0 && Character.isLetter(word.charAt(word.length() - 1))) {
            word.append('\'');
        }
        word.append(syllable);
    }

    /** One syllable (lower case, no tone, ü kept) per character of {@code s}, null where there is none. */
    private static List<String> syllables(String s) {
        List<com.hankcs.hanlp.dictionary.py.Pinyin> list = HanLP.convertToPinyinList(s);
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            com.hankcs.hanlp.dictionary.py.Pinyin p = i < list.size() ? list.get(i) : null;
            if (p == null || p == com.hankcs.hanlp.dictionary.py.Pinyin.none5) {
                out.add(null);
                continue;
            }
            String y = p.getPinyinWithoutTone().toLowerCase(Locale.ROOT).replace('v', 'ü');
            out.add(y);
        }
        // 陕西 is spelt Shaanxi, apart from 山西 Shanxi.
        for (int i = s.indexOf("陕西"); i >= 0; i = s.indexOf("陕西", i + 2)) out.set(i, "shaan");
        return out;
    }

    /** Western punctuation for Chinese punctuation, with the spacing English text uses. */
    private static String punctuation(char c) {
        return switch (c) {
            case '，', '、', ',' -> ", ";
            case '。' -> ". ";
            case '；', ';' -> "; ";
            case '：', ':' -> ": ";
            case '？', '?' -> "? ";
            case '！', '!' -> "! ";
            case '“', '”', '「', '」', '『', '』', '"', '《', '》', '〈', '〉' -> "\"";
            case '‘', '’' -> "'";
            case '（', '(' -> " (";
            case '）', ')' -> ") ";
            case '【', '[', '〔' -> " [";
            case '】', ']', '〕' -> "] ";
            case '—', '－' -> "-";
            case '…' -> "...";
            case '·', '•', '・' -> " ";
            case ' ', '\t', '\n' -> " ";
            default -> String.valueOf(c);
        };
    }

    /** Spaces normalised: one between words, none before closing punctuation or inside quotes. */
    private static String tidy(String s) {
        String t = s.replaceAll("\\s+", " ").replaceAll(" ([,.;:?!)\\]])", "$1").replaceAll("([(\\[]) ", "$1")
                .replaceAll("-{2,}", "--").replaceAll("\\.{4,}", "...");
        // A quotation mark opens before a word and closes after one.
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                if (!open) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '(' && out.charAt(out.length() - 1) != '[') out.append(' ');
                    out.append(c);
                    while (i + 1 < t.length() && t.charAt(i + 1) == ' ') i++;
                } else {
                    while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
                    out.append(c);
                    if (i + 1 < t.length() && Character.isLetterOrDigit(t.charAt(i + 1))) out.append(' ');
                }
                open = !open;
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String capitaliseFirst(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
            if (Character.isDigit(s.charAt(i))) return s;
        }
        return s;
    }

    private static String capitaliseAll(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start && Character.isLetter(c) ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '(' || c == '"' || c == '-';
        }
        return out.toString();
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
