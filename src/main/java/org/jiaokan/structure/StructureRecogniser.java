package org.jiaokan.structure;

import org.jiaokan.model.Block;
import org.jiaokan.model.Block.Type;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.SourceLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what a reader of speeches, meeting reports and news expects to see: title, byline and
 * dateline, salutation, numbered section headings (also headings embedded in a line), paragraphs,
 * closing formulas, and page furniture. It works on lines that the cleaning stage has already judged.
 */
public final class StructureRecogniser {
    private static final Pattern SECTION_1 = Pattern.compile("^[一二三四五六七八九十百]+、");
    private static final Pattern SECTION_2 = Pattern.compile("^[（(][一二三四五六七八九十]+[）)]");
    private static final Pattern SECTION_CHAPTER = Pattern.compile("^第[一二三四五六七八九十百]+[章节節部分]");
    private static final Pattern SALUTE = Pattern.compile(
            "^[^。，,]{0,24}(同志|朋友|领导|領導|代表|先生|女士|来宾|來賓|大家|老师|老師|同学|同學)[们們]?[:：︰]$");
    /**
     * The addressee line of a notice or circular (各有关单位：, 各派出所、各大队：, 市直各单位：): the
     * salutation of official correspondence, which names the bodies addressed rather than people.
     */
    private static final Pattern ADDRESSEE = Pattern.compile(
            "^[^。；;！!？?]{0,30}?各[^。；;！!？?]{0,30}?(单位|單位|部门|部門|大队|大隊|中队|中隊|支队|支隊|派出所|分局|科室|处室|處室"
                    + "|机关|機關|学校|學校|企业|企業|乡镇|鄉鎮|街道|委员会|委員會|政府|机构|機構|部委|局|厅|廳|所|队|隊|院|处|處|站|办|辦)"
                    + "(?:[（(][^（）()]{1,8}[）)])?[:：︰]$");
    /** GB/T 9704 版头: the issuing body's mark (江州市公安局文件), above the title. */
    private static final Pattern ISSUER_MARK = Pattern.compile("^(?!关于|關於)[^，,。；;：:︰！!？?、“”《》的\\d]{2,40}文件$");
    /** GB/T 9704 发文字号: body code, year in hexagonal brackets, number (江公通字〔2019〕12号). */
    public static final Pattern DOC_NUMBER = Pattern.compile(
            "\\p{IsHan}{1,12}\\s*[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*第?\\s*\\d{1,5}\\s*[号號]");
    /** GB/T 9704 签发人 (the official who signed the document off). */
    public static final Pattern SIGNER = Pattern.compile("(?:签发人|簽發人)\\s*[:：︰]\\s*(?<n>[^\\s\\p{Z}，,。；;]{1,20}(?:[、，,\\s\\p{Z}]+\\p{IsHan}{2,4})*)");
    /** GB/T 9704 份号, 密级 and 紧急程度: a copy number, a security level, an urgency mark. */
    private static final Pattern HEAD_MARK = Pattern.compile(
            "^(?:\\d{6}|(?:绝密|機密|机密|秘密|絕密)(?:★.{0,8})?|特急|加急|特提|平急)$");
    /** A body addressed alone right under a notice's title (市公安局：, 省公安廳(局)：). */
    private static final Pattern ORG_ADDRESSEE = Pattern.compile(
            "^[^，,。；;！!？?“”:：︰\\s]{2,30}(?:局|厅|廳|委|办|辦|政府|公司|单位|單位|部|院|所|队|隊)(?:[（(][^（）()]{1,8}[）)])?[:：︰]$");
    /** GB/T 9704 附注 after the date of an official document: （此件公开发布）. */
    private static final Pattern REMARK = Pattern.compile("^[（(](?:此件|此文|本件|本文)[^（）()]{1,20}[）)]$");
    /** GB/T 9704 附件说明: 附件：1.…, and the numbered lines that continue it. */
    private static final Pattern ATTACHMENT = Pattern.compile("^附件\\s*[:：︰]");
    private static final Pattern ATTACHMENT_ITEM = Pattern.compile("^\\d{1,2}\\s*[.．、]\\s*\\S");
    /** GB/T 9704 版记: 抄送 line and the printing line (印发机关和印发日期). */
    private static final Pattern COPIES_TO = Pattern.compile("^(?:抄送|抄報|抄报|抄发|抄發)\\s*[:：︰]");
    private static final Pattern PRINTED = Pattern.compile("^.{2,40}?(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日"
            + "|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\\s*(?:印发|印發)$");
    /** A date line under a title, in parentheses, possibly saying where (（2016年3月9日）, （二〇一六年三月九日在…上）). */
    private static final Pattern PAREN_DATELINE = Pattern.compile(
            "^[（(]\\s*(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[二〇○零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
                    + "[^（）()。]{0,40}[）)]$");
    /** A speaker line of an office run into the name, without a space (縣公安局局長王建國, 市委书记李明). */
    private static final Pattern SPEAKER_OFFICE_NAME = Pattern.compile(
            "^[^，,。；;：:！!？?、“”的\\s]{0,16}(?:局长|局長|市长|市長|县长|縣長|区长|區長|省长|省長|书记|書記|主任|厅长|廳長|部长|部長"
                    + "|处长|處長|所长|所長|队长|隊長|主席|政委|院长|院長|检察长|檢察長|秘书长|秘書長)\\p{IsHan}{2,3}(?:同志)?$");
    /** A speaker line of a name alone (王建國), or a withheld name with or without an office (市政府副市長　×××). */
    private static final Pattern SPEAKER_NAME_ONLY = Pattern.compile("^\\p{IsHan}{2,4}(?:同志)?$");
    public static final Pattern SPEAKER_WITHHELD = Pattern.compile(
            "^(?:[^，,。；;：:！!？?、“”的]{1,20}[ \\u3000\\u00a0]*)?(?:[×xX＊*]{2,4}|ＸＸ|ＸＸＸ|某某)(?:同志)?$");
    private static final Pattern CLOSER = Pattern.compile("^(谢谢|謝謝|感谢|感謝)(大家|各位)?[。!！.]?$|^(此致|敬礼|敬禮)[。!！]?$"
            + "|^特此(通知|公告|通告|通报|通報|函告|报告|報告|批复|批復|函复|函復)[。!！]?$");
    /** A signature is a name or a body, never a sentence: short and without clause punctuation. */
    private static final Pattern SIGNATURE = Pattern.compile("^[^，,。；;：:！!？?、“”\\d]{2,30}$");
    /** A credit line in parentheses, as papers print the reporter under an article: （林志豪）, （记者 张三 通讯员 李四）. */
    private static final Pattern PAREN_CREDIT = Pattern.compile(
            "^[（(]\\s*(?:(?:记者|記者|通讯员|通訊員|摄影|攝影|文|图|圖)[\\s\\u3000/:：]*)?\\p{IsHan}{2,4}"
                    + "(?:[\\s\\u3000、,，]+(?:(?:记者|記者|通讯员|通訊員|摄影|攝影)[\\s\\u3000:：]*)?\\p{IsHan}{2,4})*\\s*[）)]$");
    private static final int RUN_IN_HEAD_MAX = 30;
    private static final Pattern SPEECH_OR_REPORT_TITLE = Pattern.compile("讲话|講話|致辞|致辭|发言|發言|报告|報告|演讲|演講");
    private static final Pattern RUN_IN_CLAUSE_BREAK = Pattern.compile("[，,；;：:！!？?]");
    /** A line naming who speaks under a speech's title: a role, a space, a name (縣公安局局長　李明華). */
    private static final Pattern SPEAKER_LINE = Pattern.compile(
            "^(?![—-])[^，,。；;：:！!？?、“”的]{1,20}[ \\u3000\\u00a0]+\\p{IsHan}{2,4}$");
    private static final Pattern BYLINE = Pattern.compile("(来源|來源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|通讯员|通訊員)\\s*[:：]");
    private static final Pattern DATELINE = Pattern.compile("^\\d{4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2}\\s*日?$"
            + "|^[二〇○零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$");
    /** A heading embedded in running text: a short label and a numbered quoted phrase, e.g. 关键点 六个“必须坚持”. */
    private static final Pattern EMBEDDED_HEAD = Pattern.compile(
            "(?<=^|\\s)(\\p{IsHan}{2,6})[ \u3000]+([一二三四五六七八九十两兩几幾]+个?個?“[^”]{1,16}”)");

    /** Blocks of the given lines, where {@code interventions.get(i)} are the sorted interventions of line i. */
    public List<Block> recognise(List<SourceLine> lines, List<List<Intervention>> interventions) {
        return closingExhortation(lists(closingCredit(signatures(attachmentItems(underTitle(blocks(lines, interventions)))))));
    }

    /**
     * Paragraphs that are items of an enumeration: runs of two or more paragraphs led by a dash
     * (——抓好统筹，…), and runs of two or more numbered paragraphs in one numbering style whose
     * numbers follow one another (1. 2. 3., （一）（二）, ①②). Headings are never items. The items keep
     * their text and so their ids; only their role changes.
     */
    private static List<Block> lists(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        int i = 0;
        while (i < out.size()) {
            int end = i;
            String listType = null;
            if (isPlain(out.get(i)) && Enumerations.dashLed(out.get(i).text())) {
                while (end < out.size() && isPlain(out.get(end)) && Enumerations.dashLed(out.get(end).text())) end++;
                listType = "dash";
            } else if (isPlain(out.get(i)) && Enumerations.numbering(out.get(i).text()) != null) {
                int[] first = Enumerations.numbering(out.get(i).text());
                int[] previous = first;
                end = i + 1;
                while (end < out.size() && isPlain(out.get(end))) {
                    int[] next = Enumerations.numbering(out.get(end).text());
                    if (next == null || next[0] != previous[0] || next[1] != previous[1] + 1) break;
                    previous = next;
                    end++;
                }
                listType = "numbered";
            }
            if (listType == null || end - i < 2) {
                i = Math.max(i + 1, end);
                continue;
            }
            for (int k = i; k < end; k++) {
                Block b = out.get(k);
                out.set(k, retype(b, Type.P, Block.item(listType, k == i)));
            }
            i = end;
        }
        return out;
    }

    private static boolean isPlain(Block b) {
        return b.type() == Type.P && b.detail().isEmpty();
    }

    /** A paragraph addressing the audience (同志们，…), as a speech's closing exhortation opens. */
    private static final Pattern EXHORTATION = Pattern.compile(
            "^[^。，,：:；;！!？?]{0,12}?(同志|朋友|代表|来宾|來賓|老师|老師|同学|同學)[们們]?[，,！!]");

    /** At most this many paragraphs may follow the closing exhortation; an address earlier on is the section's own. */
    private static final int EXHORTATION_TAIL = 2;

    /**
     * The closing exhortation of a speech with numbered sections: after the last section heading, the
     * last paragraph that addresses the audience (同志们，…), provided it is not the section's own
     * first paragraph and no more than {@value #EXHORTATION_TAIL} paragraphs follow it, opens the end
     * of the speech; it and what follows belong to no section.
     */
    private static List<Block> closingExhortation(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        int lastHead = -1;
        for (int k = 0; k < out.size(); k++) if (out.get(k).type() == Type.HEAD) lastHead = k;
        if (lastHead < 0) return out;
        int firstParagraph = -1;
        for (int k = lastHead + 1; k < out.size() && firstParagraph < 0; k++) if (out.get(k).type() == Type.P) firstParagraph = k;
        int following = 0;
        for (int k = out.size() - 1; k > firstParagraph && firstParagraph >= 0 && following <= EXHORTATION_TAIL; k--) {
            Block b = out.get(k);
            if (b.type() != Type.P) continue;
            if (b.detail().isEmpty() && EXHORTATION.matcher(b.text().strip()).find()) {
                out.set(k, retype(b, Type.P, Block.EXHORTATION));
                break;
            }
            following++;
        }
        return out;
    }

    private List<Block> blocks(List<SourceLine> lines, List<List<Intervention>> interventions) {
        List<Block> out = new ArrayList<>();
        int firstContent = -1;
        int contentLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            Seg s = Seg.of(lines.get(i).text(), interventions.get(i)).trim();
            if (s.text.isEmpty()) continue;
            if (!s.isFurniture()) {
                contentLines++;
                if (firstContent < 0) firstContent = i;
            }
        }
        // The head of an official document (GB/T 9704 版头) stands above its title: issuing body's
        // mark, copy number, security and urgency marks, document number, signer.
        java.util.Map<Integer, String> headParts = new java.util.HashMap<>();
        for (int i = Math.max(firstContent, 0); firstContent >= 0 && i < lines.size() && headParts.size() < 6; i++) {
            SourceLine line = lines.get(i);
            Seg s = Seg.of(line.text(), interventions.get(i)).trim();
            if (s.text.isEmpty() || s.isFurniture()) continue;
            if (line.hint() != Hint.NONE && line.hint() != Hint.PARAGRAPH) break;
            String part = headPart(s.text);
            if (part == null) {
                // The title is the first line after the head.
                if (!headParts.isEmpty()) firstContent = i;
                break;
            }
            headParts.put(i, part);
            contentLines--;
        }
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            Seg s = Seg.of(line.text(), interventions.get(i)).trim();
            if (s.text.isEmpty()) continue;
            if (s.isFurniture()) {
                out.add(s.furniture());
                continue;
            }
            if (headParts.containsKey(i)) {
                out.add(s.block(Type.BYLINE, headParts.get(i)));
                continue;
            }
            switch (line.hint()) {
                case TITLE -> out.add(s.block(Type.TITLE, ""));
                case SUBTITLE -> out.add(s.block(Type.SUBTITLE, ""));
                case BYLINE -> out.add(s.block(Type.BYLINE, ""));
                case DATELINE -> out.add(s.block(Type.DATELINE, ""));
                case HEADING -> out.add(s.block(Type.HEAD, line.detail()));
                case FOOTNOTE -> out.add(s.block(Type.NOTE, line.detail()));
                case BOILERPLATE -> out.add(s.block(Type.FW, line.detail().isEmpty() ? "other" : line.detail()));
                case NONE, PARAGRAPH -> {
                    boolean mayBeTitle = line.hint() == Hint.NONE && i == firstContent && contentLines > 1;
                    classify(s, mayBeTitle, out);
                }
            }
        }
        return out;
    }

    /** The part of an official document's head that {@code t} is, or null. */
    private static String headPart(String t) {
        int len = t.codePointCount(0, t.length());
        if (len <= 40 && ISSUER_MARK.matcher(t).matches()) return Block.ISSUER_MARK;
        if (len <= 60 && DOC_NUMBER.matcher(t).find() && !t.contains("。")) return Block.DOC_NUMBER;
        if (len <= 40 && SIGNER.matcher(t).lookingAt()) return Block.SIGNER;
        if (HEAD_MARK.matcher(t.replaceAll("[\\s\\p{Z}]", "")).matches()) return Block.SIGNER;
        return null;
    }

    private static void classify(Seg s, boolean mayBeTitle, List<Block> out) {
        String t = s.text;
        int len = t.codePointCount(0, t.length());
        if (mayBeTitle && len <= 60 && !t.endsWith("。") && !SALUTE.matcher(t).find()) {
            out.add(s.block(Type.TITLE, ""));
        } else if (SALUTE.matcher(t).find()) {
            out.add(s.block(Type.SALUTE, ""));
        } else if (len <= 60 && ADDRESSEE.matcher(t).find()) {
            out.add(s.block(Type.SALUTE, Block.ADDRESSEE));
        } else if (CLOSER.matcher(t).find()) {
            out.add(s.block(Type.CLOSER, ""));
        } else if (len <= 20 && DATELINE.matcher(t).find() || len <= 60 && PAREN_DATELINE.matcher(t).matches()) {
            out.add(s.block(Type.DATELINE, ""));
        } else if (len <= 30 && REMARK.matcher(t).matches()) {
            out.add(s.block(Type.P, Block.REMARK));
        } else if (len <= 200 && COPIES_TO.matcher(t).find()) {
            out.add(s.block(Type.P, Block.COPIES_TO));
        } else if (len <= 60 && PRINTED.matcher(t).matches()) {
            out.add(s.block(Type.P, Block.PRINTED));
        } else if (len <= 200 && ATTACHMENT.matcher(t).find()) {
            out.add(s.block(Type.P, Block.ATTACHMENTS));
        } else if (len <= 120 && BYLINE.matcher(t).find()) {
            out.add(s.block(Type.BYLINE, ""));
        } else if (runInHead(s, out)) {
            return;
        } else if (len <= 80 && !t.endsWith("。") && (SECTION_1.matcher(t).find() || SECTION_CHAPTER.matcher(t).find())) {
            out.add(s.block(Type.HEAD, "1"));
        } else if (len <= 80 && !t.endsWith("。") && SECTION_2.matcher(t).find()) {
            out.add(s.block(Type.HEAD, "2"));
        } else {
            splitEmbeddedHeads(s, out);
        }
    }

    /**
     * A numbered heading run into its section's first paragraph (（一）嚴厲打擊突出違法犯罪。各派出所要…):
     * a short numbered phrase without clause breaks, closed by a full stop and followed by more text,
     * becomes a head of its own and the rest a paragraph.
     */
    private static boolean runInHead(Seg s, List<Block> out) {
        String t = s.text;
        String level = SECTION_2.matcher(t).find() ? "2"
                : SECTION_1.matcher(t).find() || SECTION_CHAPTER.matcher(t).find() ? "1" : null;
        if (level == null) return false;
        int stop = t.indexOf('。');
        if (stop < 0 || stop + 1 >= t.length() || t.codePointCount(0, stop) > RUN_IN_HEAD_MAX) return false;
        if (RUN_IN_CLAUSE_BREAK.matcher(t.substring(0, stop)).find()) return false;
        int cut = s.outside(stop + 1);
        Seg rest = s.slice(cut, t.length()).trim();
        if (rest.text.isEmpty() || rest.isFurniture()) return false;
        out.add(s.slice(0, cut).trim().block(Type.HEAD, level));
        out.add(rest.block(Type.P, ""));
        return true;
    }

    /**
     * The lines right under the title that name the speaker or author (縣公安局局長　李明華; a name
     * alone; a withheld name, ×××) are a byline, and a date in parentheses there is the dateline
     * (（2016年3月9日）), not the first paragraphs.
     */
    private static List<Block> underTitle(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        int title = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).type() == Type.TITLE) {
                title = i;
                break;
            }
        }
        if (title < 0) return out;
        boolean speechTitle = SPEECH_OR_REPORT_TITLE.matcher(out.get(title).text()).find();
        int next = title + 1;
        for (int steps = 0; steps < 3; steps++) {
            while (next < out.size() && (isFurniture(out.get(next)) || out.get(next).type() == Type.SUBTITLE
                    || out.get(next).type() == Type.TITLE)) next++;
            if (next >= out.size()) break;
            Block b = out.get(next);
            if (b.type() == Type.DATELINE || b.type() == Type.BYLINE) {
                next++;
                continue;
            }
            if (b.type() != Type.P || !b.detail().isEmpty()) break;
            String line = b.text().strip();
            if (line.codePointCount(0, line.length()) <= 40 && !line.contains("。") && DOC_NUMBER.matcher(line).find()) {
                // The document number printed under the title (（国发〔2019〕12号）), as compilations print it.
                out.set(next, retype(b, Type.BYLINE, Block.DOC_NUMBER));
                next++;
                continue;
            }
            if (ORG_ADDRESSEE.matcher(line).matches()) {
                out.set(next, retype(b, Type.SALUTE, Block.ADDRESSEE));
                break;
            }
            boolean onlyRedactions = b.interventions().stream().allMatch(iv -> iv.kind() == Intervention.Kind.REDACTION);
            String t = b.text().strip();
            boolean speaker = onlyRedactions && (SPEAKER_LINE.matcher(t).matches() || SPEAKER_WITHHELD.matcher(t).matches()
                    || SPEAKER_OFFICE_NAME.matcher(t).matches()
                    || SPEAKER_NAME_ONLY.matcher(t).matches() && (speechTitle || frontFollows(out, next + 1)));
            if (!speaker) break;
            out.set(next, retype(b, Type.BYLINE, Block.SPEAKER));
            next++;
        }
        return out;
    }

    /** True when the next block that is not furniture is a date line or a salutation. */
    private static boolean frontFollows(List<Block> blocks, int from) {
        int k = from;
        while (k < blocks.size() && isFurniture(blocks.get(k))) k++;
        return k < blocks.size() && (blocks.get(k).type() == Type.DATELINE || blocks.get(k).type() == Type.SALUTE);
    }

    /** Numbered lines right after an attachment note (附件：1.…) continue it: 2.…, 3.…. */
    private static List<Block> attachmentItems(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        for (int i = 1; i < out.size(); i++) {
            Block prev = out.get(i - 1);
            Block b = out.get(i);
            if (prev.type() == Type.P && Block.ATTACHMENTS.equals(prev.detail()) && b.type() == Type.P && b.detail().isEmpty()
                    && b.text().strip().length() <= 60 && !b.text().contains("。") && ATTACHMENT_ITEM.matcher(b.text().strip()).find()) {
                out.set(i, retype(b, Type.P, Block.ATTACHMENTS));
            }
        }
        return out;
    }

    /**
     * A short line that is not a sentence, standing between the body and a closing dateline or after a
     * closing formula at the very end, is the signature: who issued or delivered the document.
     */
    private static List<Block> signatures(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        int end = out.size();
        while (end > 0 && (isFurniture(out.get(end - 1)) || out.get(end - 1).type() == Type.NOTE || isFootRecord(out.get(end - 1)))) end--;
        if (end < 2) return out;
        int last = end - 1;
        Type lastType = out.get(last).type();
        if (lastType == Type.DATELINE) {
            // The dateline may be preceded by one or two signature lines (a body, then a person).
            for (int k = last - 1, signed = 0; k > 0 && signed < 2 && isSignature(out.get(k)); k--, signed++) {
                out.set(k, retype(out.get(k), Type.SIGNED, ""));
            }
        } else if (isSignature(out.get(last)) && out.get(last - 1).type() == Type.CLOSER) {
            out.set(last, retype(out.get(last), Type.SIGNED, ""));
        }
        return out;
    }

    /** The last line of text, when it is only a credit in parentheses after the article, is a byline. */
    private static List<Block> closingCredit(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks);
        int last = out.size() - 1;
        while (last >= 0 && (isFurniture(out.get(last)) || out.get(last).type() == Type.NOTE)) last--;
        if (last < 1 || out.get(last).type() != Type.P || out.get(last - 1).type() != Type.P) return out;
        if (PAREN_CREDIT.matcher(out.get(last).text().strip()).matches()) {
            out.set(last, retype(out.get(last), Type.BYLINE, ""));
        }
        return out;
    }

    /** The record at an official document's foot (GB/T 9704 版记): copies to, printed by. */
    public static boolean isFootRecord(Block b) {
        return b.type() == Type.P && (Block.COPIES_TO.equals(b.detail()) || Block.PRINTED.equals(b.detail())
                || Block.REMARK.equals(b.detail()));
    }

    private static boolean isSignature(Block b) {
        return b.type() == Type.P && b.detail().isEmpty() && SIGNATURE.matcher(b.text().strip()).matches()
                && b.interventions().stream().noneMatch(iv -> iv.kind() == Intervention.Kind.SURPLUS);
    }

    private static boolean isFurniture(Block b) {
        return b.type() == Type.FW || b.type() == Type.NOISE;
    }

    private static Block retype(Block b, Type type, String detail) {
        return new Block(type, b.text(), b.interventions(), b.mentions(), detail, b.id());
    }

    /** Splits headings of the form 关键点 六个“必须坚持” out of running text into their own blocks. */
    private static void splitEmbeddedHeads(Seg s, List<Block> out) {
        // such a heading holds “: a line without one is looked at no further (most lines)
        Matcher m = s.text.indexOf('“') < 0 ? null : EMBEDDED_HEAD.matcher(s.text);
        int pos = 0;
        while (m != null && m.find()) {
            int start = s.outside(m.start());
            int end = s.outside(m.end());
            if (start < pos || end <= start) continue;
            Seg before = s.slice(pos, start).trim();
            Seg after = s.slice(end, s.text.length());
            boolean headEndsLine = after.trim().text.isEmpty() || after.trim().isFurniture();
            if (headEndsLine) end = s.text.length();
            if (!before.text.isEmpty()) out.add(before.block(Type.P, ""));
            out.add(s.slice(start, end).trim().block(Type.HEAD, "1"));
            pos = end;
        }
        Seg rest = s.slice(pos, s.text.length()).trim();
        if (!rest.text.isEmpty()) {
            out.add(rest.isFurniture() ? rest.furniture() : rest.block(Type.P, ""));
        }
    }

    /** A piece of a line with its interventions, offsets relative to the piece. */
    record Seg(String text, List<Intervention> ivs) {
        static Seg of(String text, List<Intervention> ivs) {
            return new Seg(text, ivs);
        }

        Seg trim() {
            int a = 0;
            int b = text.length();
            int firstAnchor = b;
            int lastAnchor = a;
            for (Intervention iv : ivs) {
                if (iv.kind() != Intervention.Kind.NOTE_ANCHOR) continue;
                firstAnchor = Math.min(firstAnchor, iv.start());
                lastAnchor = Math.max(lastAnchor, iv.start());
            }
            // White space is trimmed, but never past a note reference (it would lose its note).
            while (a < b && a < firstAnchor && isSpace(text.charAt(a)) && !inside(a)) a++;
            while (b > a && b > lastAnchor && isSpace(text.charAt(b - 1)) && !inside(b - 1)) b--;
            return slice(a, b);
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
        }

        private boolean inside(int pos) {
            for (Intervention iv : ivs) if (iv.start() <= pos && pos < iv.end()) return true;
            return false;
        }

        /** Moves a cut point out of any intervention it falls in (to the intervention's end). */
        int outside(int pos) {
            for (Intervention iv : ivs) if (iv.start() < pos && pos < iv.end()) return iv.end();
            return pos;
        }

        Seg slice(int from, int to) {
            List<Intervention> out = new ArrayList<>();
            for (Intervention iv : ivs) {
                if (iv.start() >= from && iv.end() <= to) {
                    out.add(new Intervention(iv.start() - from, iv.end() - from, iv.kind(), iv.replacement(),
                            iv.reason(), iv.cert(), iv.rule()));
                }
            }
            return new Seg(text.substring(from, to), out);
        }

        /** True when interventions of noise or forme work cover every non-space character. */
        boolean isFurniture() {
            if (ivs.isEmpty()) return false;
            int covered = 0;
            for (Intervention iv : ivs) {
                if (iv.kind() == Intervention.Kind.NOTE_ANCHOR) continue;
                if (iv.kind() != Intervention.Kind.SURPLUS && iv.kind() != Intervention.Kind.FORME_WORK) return false;
                covered += nonSpace(text, iv.start(), iv.end());
            }
            return covered == nonSpace(text, 0, text.length());
        }

        /** How many characters of {@code text[from, to)} are not white space as a pattern's {@code \s} means it. */
        static int nonSpace(String text, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') n++;
            }
            return n;
        }

        Block furniture() {
            List<Intervention> judged = ivs.stream().filter(iv -> iv.kind() != Intervention.Kind.NOTE_ANCHOR).toList();
            boolean fw = judged.stream().allMatch(iv -> iv.kind() == Intervention.Kind.FORME_WORK);
            return fw ? block(Type.FW, judged.get(0).reason()) : block(Type.NOISE, "");
        }

        Block block(Type type, String detail) {
            return new Block(type, text, ivs, List.of(), detail);
        }
    }
}
