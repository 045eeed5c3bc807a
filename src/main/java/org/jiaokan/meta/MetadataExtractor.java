package org.jiaokan.meta;

import org.jiaokan.model.Block;
import org.jiaokan.model.Block.Type;
import org.jiaokan.model.Cert;
import org.jiaokan.model.DatedValue;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.RegularisedText;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.structure.StructureRecogniser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document's header metadata from its recognised structure and mentions: title, genre,
 * speaker, byline fields, place and the document's own date (with the year inferred from internal
 * evidence when only month and day are written). Nothing is invented: what is not found stays empty.
 */
public final class MetadataExtractor {
    private static final Pattern FULL_DATE = Pattern.compile("(?<y>(19|20)\\d{2})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\d年])(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日");
    private static final Pattern ISO_DATETIME = Pattern.compile(
            "(?<y>(19|20)\\d{2})[-/.年](?<m>\\d{1,2})[-/.月](?<d>\\d{1,2})日?(?:\\s+(?<H>\\d{1,2}):(?<M>\\d{2})(?::(?<S>\\d{2}))?)?");
    /** A date written in Chinese numerals, as datelines of official documents are: 二○一九年六月十二日. */
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "(?<y>[〇○零一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?<d>[一二三四五六七八九十]{1,3})日");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?<!\\d)(?<y>(19[5-9]|20[0-9])\\d)(?!\\d)");
    private static final Pattern FIELD = Pattern.compile(
            "(?<k>来源|來源|作者|记者|記者|责任编辑|責任編輯|编辑|編輯|时间|時間|发布时间|發佈時間|發布時間)\\s*[:：]\\s*");
    private static final Pattern CREDIT_WORD = Pattern.compile(
            "^(?:本报|本報|本台|本网|本網|本刊|新华社|新華社)?(?:特约|特約|首席)?(?:记者|記者|通讯员|通訊員|见习记者|見習記者)[\\s\\p{Z}]*(?=\\S)");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)(?:本报|本報|本台|本网|本網)?(?:特约|特約)?(?:记者|記者|编辑|編輯|通讯员|通訊員|作者|佚名|未知|管理员|管理員|admin|administrator)");
    private static final Pattern REPORTER_PARENS = Pattern.compile("[（(](?<n>\\p{IsHan}{2,4})[）)]\\s*$");
    private static final Pattern SPEECH_TITLE = Pattern.compile("讲话|講話|致辞|致辭|发言|發言|报告会|演讲|演講");
    private static final Pattern NOTICE_TITLE = Pattern.compile("通知|公告|通告|通报|通報");
    /** The meeting words ({@link #meetingWords}): 会议, 會議, 会上, 會上. */
    static final Pattern MEETING = Pattern.compile("会议|會議|会上|會上");
    private static final Pattern SPOKE = Pattern.compile("^.{0,8}(讲话|講話|作报告|作報告)");
    private static final Pattern CONVENED = Pattern.compile("^.{0,6}?(召开|召開|主办|主辦|印发|印發|发布|發佈|發布|举办|舉辦)");
    private static final Pattern FUTURE = Pattern.compile("将|將|拟|擬|定于|定於|预计|預計");
    private static final Pattern OPENING = Pattern.compile("^[\\s\\p{Z}]*(今天是|今天|今日|本日|于|於|在)?[\\s\\p{Z}]*$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;]");
    private static final Pattern HELD = Pattern.compile("召开|召開|举行|舉行|开幕|開幕|闭幕|閉幕|举办|舉辦|印发|印發|发布|發佈|發布|召集");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,。；;：:！!？?]");

    /** The metadata of one document. {@code forumHeader} parses a forum edit line into (editor, ISO date-time). */
    public Metadata extract(SourceDocument src, Script script, List<Block> blocks,
                            Function<String, Optional<String[]>> forumHeader) {
        List<String> clean = blocks.stream().map(b -> RegularisedText.textOf(b.text(), b.interventions())).toList();
        Map<String, String> props = new TreeMap<>(src.properties());

        String title = "";
        boolean supplied = false;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).type() == Type.TITLE) {
                title = title.isEmpty() ? clean.get(i) : title + " " + clean.get(i);
            }
        }
        if (title.isEmpty()) title = props.getOrDefault("docx.title", props.getOrDefault("html.title", ""));
        if (title.isEmpty()) {
            title = openingWords(blocks, clean);
            supplied = !title.isEmpty();
        }
        if (title.isEmpty()) title = src.fileName();

        // The site that published the page; where the item itself comes from (来源) is another matter.
        String publisher = props.getOrDefault("og:site_name", siteName(blocks));
        String originalSource = "";
        String editor = "";
        // A DOCX file's creator property is usually a login name, not the author of the text.
        String author = props.getOrDefault("meta.author", "");
        // A page template's author field often holds only the credit word (记者, 编辑), which names no one.
        if (NOT_A_NAME.matcher(author.strip()).matches()) author = "";
        String reporter = "";
        DatedValue published = null;
        String lastEditedBy = "";
        DatedValue lastEdited = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() == Type.BYLINE) {
                Map<String, String> f = fields(clean.get(i));
                originalSource = f.getOrDefault("source", originalSource);
                editor = f.getOrDefault("editor", editor);
                author = f.getOrDefault("author", author);
                reporter = f.getOrDefault("reporter", reporter);
                if (f.containsKey("time") && published == null) published = isoDateTime(f.get("time")).orElse(null);
            }
            if (b.type() == Type.FW && "edit-note".equals(b.detail())) {
                Optional<String[]> fh = forumHeader.apply(b.text());
                if (fh.isPresent() && lastEditedBy.isEmpty()) {
                    // The notice says who last edited the post and when: not its author, not its publication.
                    lastEditedBy = fh.get()[0];
                    // A misprinted time (2019-13-45 99:99) still names the editor, but dates nothing.
                    if (IsoDate.real(fh.get()[1])) lastEdited = new DatedValue(fh.get()[1], b.text(), Cert.HIGH, "");
                }
            }
        }
        if (published == null && props.containsKey("meta.publishdate")) {
            published = isoDateTime(props.get("meta.publishdate")).orElse(null);
        }
        reporter = reporter.isEmpty() ? reporterInParentheses(blocks, clean) : reporter;

        String docType = docType(blocks, clean, title, publisher.isEmpty() ? originalSource : publisher);
        String speaker = speaker(blocks);
        String underTitle = speakerInByline(blocks, clean);
        if (docType.equals("speech") && !underTitle.isEmpty()) speaker = underTitle;
        else if (author.isEmpty()) author = underTitle;
        String issuer = issuer(blocks, clean);
        String docNumber = "";
        String signer = "";
        List<String> addressees = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() == Type.BYLINE && (Block.DOC_NUMBER.equals(b.detail()) || Block.SIGNER.equals(b.detail()))) {
                Matcher n = StructureRecogniser.DOC_NUMBER.matcher(clean.get(i));
                if (docNumber.isEmpty() && n.find()) docNumber = n.group().replaceAll("[\\s\\p{Z}]", "");
                Matcher sg = StructureRecogniser.SIGNER.matcher(clean.get(i));
                if (signer.isEmpty() && sg.find()) signer = sg.group("n").strip();
            }
            if (b.type() == Type.SALUTE && Block.ADDRESSEE.equals(b.detail()) && addressees.isEmpty()) {
                for (String a : clean.get(i).strip().replaceAll("[:：︰]$", "").split("[，,；;]")) {
                    if (!a.isBlank()) addressees.add(a.strip());
                }
            }
        }
        String pageUrl = props.getOrDefault("html.canonical", props.getOrDefault("og:url", props.getOrDefault("html.saved-from", "")));
        DatedValue captured = props.containsKey("html.captured") && IsoDate.real(props.get("html.captured"))
                ? new DatedValue(props.get("html.captured"), props.getOrDefault("html.captured.text", props.get("html.captured")), Cert.HIGH, "")
                : null;
        String place = place(blocks);
        DatedValue date = published != null
                ? documentDate(blocks, clean, published, "the publication date (" + published.text() + ") in the byline")
                : documentDate(blocks, clean, lastEdited, lastEdited == null ? "" : "the forum's edit notice (" + lastEdited.text() + ")");
        List<String> keywords = keywords(blocks);
        return new Metadata(title, supplied, docType, speaker, author, issuer, place, date, published, publisher,
                editor, reporter, keywords, script, lastEditedBy, lastEdited, docNumber, signer, addressees,
                originalSource, pageUrl, captured);
    }

    /** The opening words of the first paragraph: its first clause if that reads as a headline, else its start. */
    private static String openingWords(List<Block> blocks, List<String> clean) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).type() != Type.P) continue;
            String t = clean.get(i).strip();
            Matcher m = CLAUSE_END.matcher(t);
            if (m.find() && m.start() >= 8 && m.start() <= 40) return t.substring(0, m.start());
            int cut = t.offsetByCodePoints(0, Math.min(t.codePointCount(0, t.length()), 30));
            return t.substring(0, cut) + (cut < t.length() ? "…" : "");
        }
        return "";
    }

    /** The site named beside the page title (江州开展防汛应急演练_江州新闻网), or "". */
    private static String siteName(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.type() != Type.FW || !"site-name".equals(b.detail())) continue;
            String name = b.text().replaceAll("^[\\s\\p{Z}\\p{P}|｜]+|[\\s\\p{Z}\\p{P}|｜]+$", "");
            if (name.matches("[^\\s\\p{Z}]{2,20}")) return name;
        }
        return "";
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = FIELD.matcher(line);
        List<int[]> spans = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
            keys.add(m.group("k"));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : line.length();
            String value = line.substring(spans.get(i)[1], end).replaceAll("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", "");
            String key = switch (keys.get(i)) {
                case "来源", "來源" -> "source";
                case "作者" -> "author";
                case "记者", "記者" -> "reporter";
                case "时间", "時間", "发布时间", "發佈時間", "發布時間" -> "time";
                default -> "editor";
            };
            // "作者：本报记者 周海涛": the credit word is not the name.
            if (!key.equals("time")) value = CREDIT_WORD.matcher(value).replaceFirst("").split("[\\s\\p{Z}]+")[0];
            if (NOT_A_NAME.matcher(value).matches()) value = "";
            if (!value.isEmpty()) out.put(key, value);
        }
        return out;
    }

    private static Optional<DatedValue> isoDateTime(String s) {
        Matcher m = ISO_DATETIME.matcher(s);
        if (!m.find()) return Optional.empty();
        String when = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", m.group("y"), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
        if (!IsoDate.real(when)) return Optional.empty();
        String text = m.group().strip();
        if (m.group("H") != null) {
            String moment = when + String.format(java.util.Locale.ROOT, "T%02d:%s:%s", Integer.parseInt(m.group("H")), m.group("M"),
                    m.group("S") == null ? "00" : m.group("S"));
            // An impossible time (25:61) does not spoil the date before it.
            if (IsoDate.real(moment)) return Optional.of(new DatedValue(moment, text, Cert.HIGH, ""));
            text = text.substring(0, m.start("H") - m.start()).strip();
        }
        return Optional.of(new DatedValue(when, text, Cert.HIGH, ""));
    }

    /**
     * A reporter credited in parentheses at the end of the last paragraph, e.g. (鄒邇戈), or on a credit
     * line of its own after it, if it is a person.
     */
    private static String reporterInParentheses(List<Block> blocks, List<String> clean) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            if (b.type() != Type.P && b.type() != Type.BYLINE) continue;
            Matcher m = REPORTER_PARENS.matcher(b.text());
            if (m.find()) {
                int s = m.start("n");
                boolean person = b.mentions().stream()
                        .anyMatch(x -> x.type() == EntityType.PERSON && x.start() == s && x.end() == m.end("n"));
                if (person) return m.group("n");
            }
            return "";
        }
        return "";
    }

    private static String docType(List<Block> blocks, List<String> clean, String title, String publisher) {
        boolean forum = blocks.stream().anyMatch(b -> b.type() == Type.FW && "edit-note".equals(b.detail()));
        if (forum) return "forum-post";
        if (SPEECH_TITLE.matcher(title).find()) return "speech";
        if (NOTICE_TITLE.matcher(title).find()) return "notice";
        // An official document's head (issuing body's mark, document number) is how notices and circulars open.
        boolean head = blocks.stream().anyMatch(b -> b.type() == Type.BYLINE
                && (Block.ISSUER_MARK.equals(b.detail()) || Block.DOC_NUMBER.equals(b.detail())));
        if (head) return "notice";
        // Addressing bodies (各有关单位：) is how notices open; addressing people (同志们：) is how speeches do.
        boolean addressee = blocks.stream()
                .anyMatch(b -> b.type() == Type.SALUTE && Block.ADDRESSEE.equals(b.detail()));
        if (addressee) return "notice";
        boolean salute = blocks.stream().anyMatch(b -> b.type() == Type.SALUTE);
        if (salute) return "speech";
        if (!publisher.isEmpty()) return "news-report";
        int meetingWords = 0;
        for (String c : clean) {
            meetingWords += meetingWords(c, 2 - meetingWords); // two are enough
            if (meetingWords >= 2) break;
        }
        if (meetingWords >= 2 || meetingWords(title, 1) > 0) return "meeting-report";
        return "document";
    }

    /** The person who "出席并讲话": a person mention followed closely by a verb of speaking. */
    private static String speaker(List<Block> blocks) {
        for (Block b : blocks) {
            for (Mention m : b.mentions()) {
                if (m.type() != EntityType.PERSON) continue;
                if (SPOKE.matcher(b.text().substring(m.end())).find()) return m.text();
            }
        }
        return "";
    }

    /**
     * The speaker or author named on a line under the title (縣公安局局長　李明華 gives 李明華; a
     * withheld name stays as the line gives it, 市政府副市長 ×××).
     */
    private static String speakerInByline(List<Block> blocks, List<String> clean) {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() != Type.BYLINE || !Block.SPEAKER.equals(b.detail())) continue;
            String c = clean.get(i).strip().replaceAll("同志$", "");
            if (StructureRecogniser.SPEAKER_WITHHELD.matcher(c).matches()) return c.replaceAll("[\\s\\p{Z}]+", " ");
            // The last person the line names, when the office runs into the name (縣公安局局長王建國).
            Mention last = null;
            for (Mention m : b.mentions()) if (m.type() == EntityType.PERSON) last = m;
            if (last != null && last.text().codePointCount(0, last.text().length()) >= 2
                    && b.text().substring(last.end()).strip().replaceAll("同志$", "").isEmpty()) {
                return last.text();
            }
            String[] parts = c.split("[\\s\\p{Z}]+");
            if (parts[parts.length - 1].matches("\\p{IsHan}{2,4}")) return parts[parts.length - 1];
        }
        // A credit line without labels that a reader marked as a byline (an HTML byline block).
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).type() != Type.BYLINE || !blocks.get(i).detail().isEmpty()) continue;
            String c = clean.get(i).strip();
            if (FIELD.matcher(c).find()) continue;
            String[] parts = c.split("[\\s\\p{Z}]+");
            if (parts.length >= 2 && parts[parts.length - 1].matches("\\p{IsHan}{2,4}")) return parts[parts.length - 1];
        }
        return "";
    }

    /**
     * The issuing body: a signature line that names no person, else the organisation that
     * convened or issued what the opening paragraphs report (…召开, …印发).
     */
    private static String issuer(List<Block> blocks, List<String> clean) {
        for (int i = 0; i < blocks.size(); i++) {
            // The issuing body's mark above the title: 江州市公安局文件.
            if (blocks.get(i).type() == Type.BYLINE && Block.ISSUER_MARK.equals(blocks.get(i).detail())) {
                return clean.get(i).replaceAll("[\\s\\p{Z}]", "").replaceAll("文件$", "");
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() != Type.SIGNED) continue;
            if (b.mentions().stream().anyMatch(m -> m.type() == EntityType.PERSON)) continue;
            return clean.get(i).strip();
        }
        int seen = 0;
        for (Block b : blocks) {
            if (b.type() != Type.P || seen++ >= 3) continue;
            for (Mention m : b.mentions()) {
                if (m.type() == EntityType.ORG && CONVENED.matcher(b.text().substring(m.end())).find()) return m.text();
            }
        }
        return "";
    }

    /** Where the meeting was held: 在 + a place mention + 召开/举行. */
    private static String place(List<Block> blocks) {
        for (Block b : blocks) {
            for (Mention m : b.mentions()) {
                if (m.type() != EntityType.PLACE || m.start() == 0) continue;
                String before = b.text().substring(0, m.start());
                String after = b.text().substring(m.end());
                if (before.endsWith("在") && startsWithAny(after, HELD_VERBS)) return m.text();
            }
            // 在京召开: 京 is the usual short form of 北京 in this phrase.
            for (String verb : HELD_VERBS) if (b.text().contains("在京" + verb)) return "北京";
        }
        return "";
    }

    /** The verbs of a meeting held somewhere (在…召开). */
    private static final List<String> HELD_VERBS = List.of("召开", "召開", "举行", "舉行");

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) if (s.startsWith(p)) return true;
        return false;
    }

    private static DatedValue documentDate(List<Block> blocks, List<String> clean, DatedValue reference, String referenceLabel) {
        // A dateline states the date in full.
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).type() != Type.DATELINE) continue;
            Optional<DatedValue> d = isoDateTime(clean.get(i));
            if (d.isEmpty()) d = chineseDate(clean.get(i));
            if (d.isPresent() && !d.get().when().contains("T")) return d.get();
        }
        // Otherwise a date the opening paragraphs give as the document's own: one that opens the
        // paragraph (3月25日，…; 今天是8月8日) or dates what the sentence reports as held (…4月27日召开).
        // A date announced for later (将于6月15日召开) or merely mentioned is not the document's date.
        String all = String.join("\n", clean);
        int seen = 0;
        for (int i = 0; i < blocks.size() && seen < 3; i++) {
            Type t = blocks.get(i).type();
            if (t != Type.P && t != Type.SALUTE) continue;
            seen++;
            String c = clean.get(i);
            Matcher full = FULL_DATE.matcher(c);
            Matcher md = MONTH_DAY.matcher(c);
            int fullAt = full.find() ? full.start() : -1;
            while (fullAt >= 0 && !ownDate(c, full.start(), full.end())) fullAt = full.find() ? full.start() : -1;
            int mdAt = md.find() ? md.start() : -1;
            while (mdAt >= 0 && !ownDate(c, md.start(), md.end())) mdAt = md.find() ? md.start() : -1;
            if (fullAt >= 0 && (mdAt < 0 || fullAt <= mdAt)) {
                String when = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", full.group("y"), Integer.parseInt(full.group("m")),
                        Integer.parseInt(full.group("d")));
                if (IsoDate.real(when)) return new DatedValue(when, full.group(), Cert.HIGH, "");
                continue;
            }
            if (mdAt >= 0) {
                int month = Integer.parseInt(md.group("m"));
                int day = Integer.parseInt(md.group("d"));
                String monthDay = String.format(java.util.Locale.ROOT, "--%02d-%02d", month, day);
                if (!IsoDate.real(monthDay)) continue;
                return withYear(monthDay, md.group(), all, reference, referenceLabel);
            }
        }
        return null;
    }

    /** True when the date at [start, end) of a paragraph is given as the date of what the paragraph reports. */
    private static boolean ownDate(String paragraph, int start, int end) {
        String before = paragraph.substring(Math.max(0, start - 4), start);
        if (FUTURE.matcher(before).find()) return false;
        if (OPENING.matcher(paragraph.substring(0, start)).matches()) return true;
        Matcher sentenceEnd = SENTENCE_END.matcher(paragraph);
        int stop = sentenceEnd.find(end) ? sentenceEnd.start() : paragraph.length();
        return HELD.matcher(paragraph.substring(end, stop)).find();
    }

    private static Optional<DatedValue> chineseDate(String s) {
        Matcher m = CHINESE_DATE.matcher(s);
        if (!m.find()) return Optional.empty();
        int y = ChineseNumerals.parse(m.group("y"));
        int mo = ChineseNumerals.parse(m.group("m"));
        int d = ChineseNumerals.parse(m.group("d"));
        String when = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", y, mo, d);
        if (y < 1000 || !IsoDate.real(when)) return Optional.empty();
        return Optional.of(new DatedValue(when, m.group(), Cert.HIGH, ""));
    }

    private static DatedValue withYear(String monthDay, String text, String all, DatedValue reference, String label) {
        String md = monthDay.substring(1);
        // A year that makes the day impossible (29 February of 2021) is no evidence: the day stays without one.
        if (reference != null && IsoDate.real(reference.when().substring(0, 4) + md)) {
            String refMd = reference.when().substring(4, 10);
            if (refMd.equals(md)) {
                return new DatedValue(reference.when().substring(0, 4) + md, text, Cert.HIGH, "Year from " + label + ".");
            }
            return new DatedValue(reference.when().substring(0, 4) + md, text, Cert.MEDIUM,
                    "Year from " + label + "; the month and day differ.");
        }
        Optional<DatingEvidence.Found> ev = DatingEvidence.find(all, monthDay);
        if (ev.isPresent() && IsoDate.real(ev.get().year() + md)) {
            return new DatedValue(ev.get().year() + md, text, Cert.MEDIUM, "Year inferred: " + ev.get().note() + ".");
        }
        Set<String> years = new LinkedHashSet<>();
        Matcher y = YEAR_IN_TEXT.matcher(all);
        while (y.find()) years.add(y.group("y"));
        if (years.size() == 1 && IsoDate.real(years.iterator().next() + md)) {
            String year = years.iterator().next();
            int at = all.indexOf(year);
            String context = all.substring(Math.max(0, at - 4), Math.min(all.length(), at + 4)).replaceAll("\\s", "");
            return new DatedValue(year + md, text, Cert.LOW,
                    "Year inferred: " + year + " is the only year the text mentions (“" + context + "”).");
        }
        return new DatedValue(monthDay, text, Cert.HIGH, "");
    }

    private static List<String> keywords(List<Block> blocks) {
        Set<String> out = new LinkedHashSet<>();
        for (Block b : blocks) {
            for (Mention m : b.mentions()) {
                if (m.type() == EntityType.TERM && out.size() < 12) out.add(reading(b, m));
            }
        }
        return List.copyOf(out);
    }

    /**
     * A mention's text as a reader reads it: the interventions inside it applied (the converter's pinyin in 楓橋經(jīng)驗
     * left out), as the text shows it, not as the source has it.
     */
    static String reading(Block b, Mention m) {
        List<org.jiaokan.model.Intervention> inside = new ArrayList<>();
        for (org.jiaokan.model.Intervention iv : b.interventions()) {
            if (iv.start() >= m.start() && iv.end() <= m.end()) {
                inside.add(new org.jiaokan.model.Intervention(iv.start() - m.start(), iv.end() - m.start(), iv.kind(),
                        iv.replacement(), iv.reason(), iv.cert(), iv.rule()));
            }
        }
        return inside.isEmpty() ? m.text() : org.jiaokan.model.RegularisedText.textOf(m.text(), inside);
    }

    /**
     * How many of {@link #MEETING}'s words {@code text} holds, as its matcher finds them one after the other, counted up
     * to {@code enough}: one look at each character instead of the pattern's four tries at each.
     */
    static int meetingWords(String text, int enough) {
        int found = 0;
        int n = text.length() - 1;
        for (int i = 0; i < n && found < enough; i++) {
            char c = text.charAt(i);
            if (c != '会' && c != '會') continue;
            char next = text.charAt(i + 1);
            if (next == '上' || next == (c == '会' ? '议' : '議')) {
                found++;
                i++;
            }
        }
        return found;
    }
}
