package org.jiaokan.structure;

import org.jiaokan.model.Block;
import org.jiaokan.model.Block.Type;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Structure rules found missing on unseen notices and speeches, each with the case it must leave alone. */
class StructureRecogniserTest {

    private static List<Block> recognise(String... lines) {
        List<SourceLine> src = java.util.Arrays.stream(lines).map(SourceLine::plain).toList();
        return new StructureRecogniser().recognise(src, Collections.nCopies(lines.length, List.of()));
    }

    private static List<Type> types(String... lines) {
        return recognise(lines).stream().map(Block::type).toList();
    }

    @Test
    void addresseeOfANoticeIsASalutationMarkedAsAddressee() {
        List<Block> b = recognise("关于做好防汛工作的通知", "各乡镇人民政府，县直各单位：", "现将有关事项通知如下。");
        assertEquals(Type.SALUTE, b.get(1).type());
        assertEquals(Block.ADDRESSEE, b.get(1).detail());
    }

    @Test
    void lineIntroducingAListIsNotAnAddressee() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.P), types("标题", "各项工作要求如下：", "一是抓落实。"));
    }

    @Test
    void closingFormulaOfANoticeIsACloser() {
        assertEquals(Type.CLOSER, recognise("标题", "正文。", "特此通告。").get(2).type());
    }

    @Test
    void shortLineBeforeAClosingDatelineIsTheSignature() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.SIGNED, Type.DATELINE),
                types("标题", "正文写在这里。", "某某县人民政府办公室", "2019年6月12日"));
    }

    @Test
    void signatureFollowingAClosingFormulaAtTheEnd() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.CLOSER, Type.SIGNED), types("标题", "正文。", "谢谢大家！", "王某某"));
    }

    @Test
    void sentenceBeforeAClosingDatelineIsNotASignature() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.DATELINE), types("标题", "会议要求，各单位抓好落实。", "2019年6月12日"));
    }

    @Test
    void lastShortLineWithoutClosingFormulaIsNotASignature() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.P), types("标题", "正文。", "附件二"));
    }

    @Test
    void roleAndNameUnderTheTitleIsAByline() {
        assertEquals(List.of(Type.TITLE, Type.BYLINE, Type.SALUTE),
                types("在全县工作会议上的讲话", "县委书记　王某某", "同志们："));
    }

    @Test
    void dashedSubtitleUnderTheTitleIsNotAByline() {
        assertEquals(Type.P, recognise("标题", "——在全县 工作会议", "正文。").get(1).type());
    }

    @Test
    void runInNumberedHeadingIsSplitFromItsParagraph() {
        List<Block> b = recognise("标题", "（一）加强巡逻防控。要把警力摆到街面上。");
        assertEquals(List.of(Type.TITLE, Type.HEAD, Type.P), b.stream().map(Block::type).toList());
        assertEquals("（一）加强巡逻防控。", b.get(1).text());
        assertEquals("2", b.get(1).detail());
        assertEquals("要把警力摆到街面上。", b.get(2).text());
    }

    @Test
    void numberedSentenceWithClausesStaysAParagraph() {
        assertEquals(List.of(Type.TITLE, Type.P), types("标题", "（一）各单位要高度重视，明确专人负责。要抓好落实。"));
    }

    @Test
    void creditInParenthesesAfterTheLastParagraphIsAByline() {
        assertEquals(List.of(Type.TITLE, Type.P, Type.P, Type.BYLINE), types("标题", "正文。", "正文。", "（记者 张三 通讯员 李四）"));
        assertEquals(Type.BYLINE, recognise("标题", "正文。", "正文。", "（林志豪）").get(3).type());
    }

    @Test
    void parenthesisedAsideAtTheEndIsNotACredit() {
        assertEquals(Type.P, recognise("标题", "正文。", "正文。", "（此件公开发布，全文共三页）").get(3).type());
    }

    /** The furniture test counts the characters that are not white space as the pattern {@code \s} did, removing them. */
    @org.junit.jupiter.api.Test
    void nonSpaceCountsWhatRemovingWhiteSpaceLeaves() {
        String alphabet = " \t\n\u000B\f\r\u3000\u00a0\u2028a版。";
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(10);
            for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = sb.toString();
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            org.junit.jupiter.api.Assertions.assertEquals(text.substring(from, to).replaceAll("\\s", "").length(),
                    StructureRecogniser.Seg.nonSpace(text, from, to), text);
        }
    }
}
