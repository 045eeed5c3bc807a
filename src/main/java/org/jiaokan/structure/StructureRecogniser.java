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
            "^[^。，,]{0,24}(同志|朋友|领导|領導|代表|先生|女士|来宾|來賓|大家|老师|老師|同学|同學)[们們]?[:：]$");
    private static final Pattern CLOSER = Pattern.compile("^(谢谢|謝謝|感谢|感謝)(大家|各位)?[。!！.]?$|^(此致|敬礼|敬禮)[。!！]?$");
    private static final Pattern BYLINE = Pattern.compile("(来源|來源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|通讯员|通訊員)\\s*[:：]");
    private static final Pattern DATELINE = Pattern.compile("^\\d{4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2}\\s*日?$"
            + "|^[二〇○零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$");
    /** A heading embedded in running text: a short label and a numbered quoted phrase, e.g. 关键点 六个“必须坚持”. */
    private static final Pattern EMBEDDED_HEAD = Pattern.compile(
            "(?<=^|\\s)(\\p{IsHan}{2,6})[ \u3000]+([一二三四五六七八九十两兩几幾]+个?個?“[^”]{1,16}”)");

    /** Blocks of the given lines, where {@code interventions.get(i)} are the sorted interventions of line i. */
    public List<Block> recognise(List<SourceLine> lines, List<List<Intervention>> interventions) {
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
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            Seg s = Seg.of(line.text(), interventions.get(i)).trim();
            if (s.text.isEmpty()) continue;
            if (s.isFurniture()) {
                out.add(s.furniture());
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

    private static void classify(Seg s, boolean mayBeTitle, List<Block> out) {
        String t = s.text;
        int len = t.codePointCount(0, t.length());
        if (mayBeTitle && len <= 60 && !t.endsWith("。") && !SALUTE.matcher(t).find()) {
            out.add(s.block(Type.TITLE, ""));
        } else if (SALUTE.matcher(t).find()) {
            out.add(s.block(Type.SALUTE, ""));
        } else if (CLOSER.matcher(t).find()) {
            out.add(s.block(Type.CLOSER, ""));
        } else if (len <= 20 && DATELINE.matcher(t).find()) {
            out.add(s.block(Type.DATELINE, ""));
        } else if (len <= 120 && BYLINE.matcher(t).find()) {
            out.add(s.block(Type.BYLINE, ""));
        } else if (len <= 80 && !t.endsWith("。") && (SECTION_1.matcher(t).find() || SECTION_CHAPTER.matcher(t).find())) {
            out.add(s.block(Type.HEAD, "1"));
        } else if (len <= 80 && !t.endsWith("。") && SECTION_2.matcher(t).find()) {
            out.add(s.block(Type.HEAD, "2"));
        } else {
            splitEmbeddedHeads(s, out);
        }
    }

    /** Splits headings of the form 关键点 六个“必须坚持” out of running text into their own blocks. */
    private static void splitEmbeddedHeads(Seg s, List<Block> out) {
        Matcher m = EMBEDDED_HEAD.matcher(s.text);
        int pos = 0;
        while (m.find()) {
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
    private record Seg(String text, List<Intervention> ivs) {
        static Seg of(String text, List<Intervention> ivs) {
            return new Seg(text, ivs);
        }

        Seg trim() {
            int a = 0;
            int b = text.length();
            while (a < b && isSpace(text.charAt(a)) && !inside(a)) a++;
            while (b > a && isSpace(text.charAt(b - 1)) && !inside(b - 1)) b--;
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
                if (iv.kind() != Intervention.Kind.SURPLUS && iv.kind() != Intervention.Kind.FORME_WORK) return false;
                covered += text.substring(iv.start(), iv.end()).replaceAll("\\s", "").length();
            }
            return covered == text.replaceAll("\\s", "").length();
        }

        Block furniture() {
            boolean fw = ivs.stream().allMatch(iv -> iv.kind() == Intervention.Kind.FORME_WORK);
            return fw ? block(Type.FW, ivs.get(0).reason()) : block(Type.NOISE, "");
        }

        Block block(Type type, String detail) {
            return new Block(type, text, ivs, List.of(), detail);
        }
    }
}
