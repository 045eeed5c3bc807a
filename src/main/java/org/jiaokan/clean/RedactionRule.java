package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds marks the source used to withhold words ({@code *奥运会}, {@code **功}, {@code ×××同志},
 * {@code XX市}, {@code ○○}) and records them, exactly as they stand, as redactions.
 *
 * <p>A mark counts only where it stands in for Chinese text: next to a Han character and not touching
 * Latin letters or digits, so {@code 3×4}, {@code XXL}, jammer tokens such as {@code N*} and the
 * {@code ○} written for zero in {@code 二○○八年} are left alone.
 */
public final class RedactionRule implements CleaningRule {

    static final String REASON = "redacted";

    @Override
    public String name() { return "redaction"; }

    @Override
    public String description() {
        return "Marks the source used for withheld words (*, ×××, XXX, ○○, □□) are source text: they stay in the text "
                + "flow as they stand, in seg type=\"redaction\", which says that the source itself, not damage or the "
                + "editors, withheld the words; both readings keep the mark. An editor who restores the words adds "
                + "supplied inside that seg, after the mark (<seg type=\"redaction\">**<supplied resp=\"#editor\">…"
                + "</supplied></seg>): the diplomatic reading keeps the mark, the regularised reading gives the supplied words.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int kind = markKind(c);
            if (kind == 0) { i++; continue; }
            int start = i;
            while (i < n && sameMark(c, line.charAt(i))) i++;
            if (accept(line, start, i, c)) {
                out.add(new Intervention(start, i, Kind.REDACTION, "", REASON, Cert.HIGH, name()));
            }
        }
        return out;
    }

    /** 0: not a mark; 1: asterisk; 2: cross; 3: letter X; 4: circle or box. */
    private static int markKind(char c) {
        return switch (c) {
            case '*', '＊' -> 1;
            case '×', '╳' -> 2;
            case 'X', 'x', 'Ｘ', 'ｘ' -> 3;
            case '○', '□' -> 4;
            default -> 0;
        };
    }

    private static boolean sameMark(char first, char c) {
        int k = markKind(first);
        if (k == 3) return c == first; // "Xx" is more likely a word fragment than a mark
        return markKind(c) == k;
    }

    private static boolean accept(String line, int start, int end, char mark) {
        char before = start > 0 ? line.charAt(start - 1) : ' ';
        char after = end < line.length() ? line.charAt(end) : ' ';
        if (isLatinOrDigit(before) || isLatinOrDigit(after)) return false;
        if (!PinyinArtifactRule.isHan(before) && !PinyinArtifactRule.isHan(after) && !setOff(line, start, end, mark)) return false;
        int len = end - start;
        return switch (markKind(mark)) {
            case 1 -> len <= 3;
            case 2 -> len >= 2 && len <= 4;
            case 3 -> len >= 2 && len <= 4;
            // A circle between Chinese numerals is a zero (二○○八年), not a withheld character.
            case 4 -> len >= 2 && !isChineseNumeral(before) && !isChineseNumeral(after);
            default -> false;
        };
    }

    /**
     * A withheld name set off by white space from the Han text around it, or standing alone on its
     * line, as speaker lines under a title have it (市政府副市长　×××; ×××). Only crosses and X-runs:
     * a line of asterisks is a section break.
     */
    private static boolean setOff(String line, int start, int end, char mark) {
        int kind = markKind(mark);
        if (kind != 2 && kind != 3) return false;
        int b = start;
        while (b > 0 && isSpace(line.charAt(b - 1))) b--;
        int a = end;
        while (a < line.length() && isSpace(line.charAt(a))) a++;
        boolean beforeOk = b == 0 || b < start && PinyinArtifactRule.isHan(line.charAt(b - 1));
        boolean afterOk = a == line.length() || a > end && PinyinArtifactRule.isHan(line.charAt(a));
        if (!beforeOk || !afterOk) return false;
        // X-runs alone are a withheld name only in Chinese text.
        return kind == 2 || org.jiaokan.script.Han.any(line);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isLatinOrDigit(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || (c >= 'Ａ' && c <= 'ｚ') || (c >= '０' && c <= '９');
    }

    private static boolean isChineseNumeral(char c) {
        return "〇○零一二三四五六七八九十".indexOf(c) >= 0;
    }
}
