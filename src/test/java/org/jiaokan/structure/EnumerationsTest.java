package org.jiaokan.structure;

import org.jiaokan.model.Block;
import org.jiaokan.model.Block.Type;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Enumerations and the closing exhortation, each rule with the case it must leave alone. */
class EnumerationsTest {

    private static List<Block> recognise(String... lines) {
        List<SourceLine> src = java.util.Arrays.stream(lines).map(SourceLine::plain).toList();
        return new StructureRecogniser().recognise(src, Collections.nCopies(lines.length, List.of()));
    }

    private static List<String> listTypes(String... lines) {
        return recognise(lines).stream().map(b -> b.listType() + (b.opensList() ? "^" : "")).toList();
    }

    @Test
    void numberingStyles() {
        assertArrayEquals(new int[] {0, 12}, Enumerations.numbering("12. 加强值守。"));
        assertArrayEquals(new int[] {0, 2}, Enumerations.numbering("２、加强值守。"));
        assertArrayEquals(new int[] {1, 3}, Enumerations.numbering("（3）加强值守。"));
        assertArrayEquals(new int[] {2, 11}, Enumerations.numbering("(十一)加强值守。"));
        assertArrayEquals(new int[] {3, 24}, Enumerations.numbering("二十四、加强值守。"));
        assertArrayEquals(new int[] {4, 2}, Enumerations.numbering("②加强值守。"));
        assertNull(Enumerations.numbering("1.5万名民警参加了培训。"), "a decimal is no number of an item");
        assertNull(Enumerations.numbering("2019年工作回顾。"));
    }

    @Test
    void dashRunsAndNumberedRunsAreItems() {
        assertEquals(List.of("", "", "dash^", "dash", "", "numbered^", "numbered", "numbered"), listTypes(
                "标题", "主要做法是：", "——抓好统筹，推动落实；", "——抓好基层，夯实基础。", "具体要求如下：",
                "（1）加强组织领导，明确责任分工。", "（2）强化督导检查，严格考核问责。", "（3）严格责任追究，确保落到实处。"));
    }

    @Test
    void twoListsSideBySideAreTwoLists() {
        assertEquals(List.of("", "numbered^", "numbered", "numbered^", "numbered"), listTypes(
                "标题", "1. 第一项工作要抓紧推进。", "2. 第二项工作要抓紧推进。", "1) 不是同一种编号的开头。".replace("1)", "(1)"),
                "(2) 第二种编号的第二项。"));
    }

    @Test
    void headingsAreNeverItems() {
        List<Block> b = recognise("在全县政法工作会议上的讲话", "同志们：", "（一）加强组织领导", "各单位要高度重视。",
                "（二）强化督导检查", "各单位要严格落实。");
        assertEquals(List.of(Type.TITLE, Type.SALUTE, Type.HEAD, Type.P, Type.HEAD, Type.P), b.stream().map(Block::type).toList());
        assertEquals(List.of("", "", "", "", "", ""), b.stream().map(Block::listType).toList());
    }

    @Test
    void aSingleLineOrAGapInTheNumbersIsNoList() {
        assertEquals(List.of("", "", "", ""), listTypes("标题", "1. 第一项工作要抓紧推进。", "3. 第三项工作要抓紧推进。",
                "——此项工作由治安大队负责。"));
    }

    @Test
    void runInItems() {
        String t = "工作要求：一是严格落实值班制度，确保通信畅通；二是加强巡逻防控；三是及时处置各类警情。";
        assertEquals(List.of(t.indexOf("一是"), t.indexOf("二是"), t.indexOf("三是")), Enumerations.runInItems(t));
        String hant = "會議要求，一要提高政治站位，二要壓實工作責任，三要加強隊伍建設。";
        assertEquals(List.of(hant.indexOf("一要"), hant.indexOf("二要"), hant.indexOf("三要")), Enumerations.runInItems(hant));
        assertEquals(List.of(), Enumerations.runInItems("全县只有一是一，二是二的作风，才能干好工作。"), "a saying, not an enumeration");
        assertEquals(List.of(), Enumerations.runInItems("统一是前提，二是关键，这样说不对。"), "统一是 is no marker");
        assertEquals(List.of(), Enumerations.runInItems("一是加强领导，明确责任。要求各单位抓好落实。"), "one marker alone");
        assertEquals(List.of(), Enumerations.runInItems("一是加强领导，明确责任；二要抓好落实，确保实效。"), "markers must agree");
    }

    @Test
    void aParagraphMayHoldSeveralEnumerations() {
        for (String t : List.of(
                "会议要求，严密防范各类风险。一是强化情报信息研判；二是严格落实重点人员管控；三是持续打击网络谣言。"
                        + "会议强调，深入开展矛盾纠纷排查化解。一是加大排查工作力度，二是落实化解稳控责任。",
                "會議要求，嚴密防範各類風險。一是強化情報信息研判；二是嚴格落實重點人員管控；三是持續打擊網絡謠言。"
                        + "會議強調，深入開展矛盾糾紛排查化解：一是加大排查工作力度，二是落實化解穩控責任。")) {
            List<Enumerations.RunIn> lists = Enumerations.runInLists(t);
            assertEquals(2, lists.size(), t);
            int second = t.indexOf("一是", t.indexOf("三是"));
            assertEquals(List.of(t.indexOf("一是"), t.indexOf("二是"), t.indexOf("三是")), lists.get(0).starts());
            // The first series' last item ends with its sentence; the next series' lead-in is not an item.
            assertEquals(t.indexOf("。", t.indexOf("三是")) + 1, lists.get(0).end());
            assertEquals(List.of(second, t.indexOf("二是", second)), lists.get(1).starts());
            assertEquals(t.length(), lists.get(1).end());
        }
    }

    @Test
    void closingExhortationAfterTheLastSection() {
        List<Block> b = recognise("在全县公安工作会议上的讲话", "同志们：", "一、总结工作", "去年工作取得明显成效。",
                "二、部署任务", "今年要抓好三项工作。", "同志们、朋友们，让我们团结一心，开拓进取！", "谢谢大家。");
        assertEquals(Block.EXHORTATION, b.get(6).detail());
        assertEquals(List.of(Block.EXHORTATION), b.stream().map(Block::detail).filter(Block.EXHORTATION::equals).toList());
    }

    @Test
    void anAddressFollowedByMoreOfTheSectionIsTheSections() {
        List<Block> b = recognise("讲话", "同志们：", "一、总结工作", "去年工作取得明显成效。", "二、部署任务",
                "今年要抓好三项工作。", "同志们，反恐形势依然严峻复杂。", "要加强情报研判。", "要加强巡逻防控。",
                "要加强应急处置。", "谢谢大家。");
        assertEquals(List.of(), b.stream().map(Block::detail).filter(Block.EXHORTATION::equals).toList());
    }

    @Test
    void linesOfDashesAreNoList() {
        assertEquals(List.of("", "", "", ""), listTypes("标题", "----------", "----------", "正文。"));
    }

    @Test
    void noExhortationWithoutSectionsOrAsASectionsFirstParagraph() {
        assertEquals(List.of(), recognise("讲话", "同志们：", "今年工作很重要。", "同志们，让我们团结一心！", "谢谢大家。").stream()
                .map(Block::detail).filter(Block.EXHORTATION::equals).toList());
        assertEquals(List.of(), recognise("讲话", "同志们：", "一、认清形势", "同志們，當前形勢依然嚴峻。").stream()
                .map(Block::detail).filter(Block.EXHORTATION::equals).toList());
    }
}
