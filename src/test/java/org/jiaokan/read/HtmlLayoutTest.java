package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Page layouts that trip up naive article extraction. */
class HtmlLayoutTest {

    private static List<SourceLine> lines(String page) throws ReadException {
        SourceDocument doc = new HtmlReader().read("page.html", page.getBytes(StandardCharsets.UTF_8), null);
        return doc.lines();
    }

    private static SourceLine line(String text, Hint hint, String detail) {
        return new SourceLine(text, hint, detail);
    }

    @Test
    void logoHeadingIsNotTheTitle() throws ReadException {
        String page = """
                <html><head><title>全市禁毒工作推进会召开 - 平安网</title></head><body>
                <div id="head"><h1><a href="/">平安网</a></h1></div>
                <div class="title">全市禁毒工作推进会召开</div>
                <div class="article-body">
                <p>会议总结了上半年全市禁毒工作情况,分析了当前禁毒形势,部署了下一阶段工作。</p>
                <p>会议强调,各地各部门要坚持严打方针不动摇,深入开展禁毒人民战争。</p>
                </div></body></html>
                """;
        assertEquals(List.of(
                line("平安网", Hint.BOILERPLATE, "header"),
                line("全市禁毒工作推进会召开", Hint.TITLE, ""),
                line("会议总结了上半年全市禁毒工作情况,分析了当前禁毒形势,部署了下一阶段工作。", Hint.PARAGRAPH, ""),
                line("会议强调,各地各部门要坚持严打方针不动摇,深入开展禁毒人民战争。", Hint.PARAGRAPH, "")), lines(page));
    }

    @Test
    void layoutTableWithBrSeparatedParagraphs() throws ReadException {
        String page = """
                <html><body><table><tr>
                <td class="left"><a href="/a">工作动态</a><br><a href="/b">通知公告</a></td>
                <td><h2>关于开展夏季治安打击整治行动的通知</h2>
                各县(市、区)公安局:<br>
                  为切实维护夏季社会治安稳定,市局决定即日起在全市开展夏季治安打击整治行动。<br>
                  各单位要高度重视,精心组织,确保行动取得实效。<br>
                </td></tr></table>
                <div class="copyright">版权所有 某市公安局</div></body></html>
                """;
        assertEquals(List.of(
                line("工作动态", Hint.BOILERPLATE, "sidebar"),
                line("通知公告", Hint.BOILERPLATE, "sidebar"),
                line("关于开展夏季治安打击整治行动的通知", Hint.TITLE, ""),
                line("各县(市、区)公安局:", Hint.PARAGRAPH, ""),
                line("为切实维护夏季社会治安稳定,市局决定即日起在全市开展夏季治安打击整治行动。", Hint.PARAGRAPH, ""),
                line("各单位要高度重视,精心组织,确保行动取得实效。", Hint.PARAGRAPH, ""),
                line("版权所有 某市公安局", Hint.BOILERPLATE, "footer")), lines(page));
    }

    @Test
    void interviewLabelsInTheMiddleStayParagraphsAndTrailingEditorIsByline() throws ReadException {
        String page = """
                <html><body><h1>专访:基层派出所所长谈社区警务</h1>
                <div id="content">
                <p>近日,本报记者专访了城关派出所所长,请他谈谈社区警务工作的经验和体会。</p>
                <p>记者:社区警务工作最难的是什么?</p>
                <p>所长:最难的是把群众的事当成自己的事,一件一件办好,久久为功。</p>
                <p>记者:下一步有什么打算?</p>
                <p>所长:继续推进警务室建设,让民警常驻社区,做到小事不出村、大事不出镇。</p>
                <p>采访结束时,他说,社区警务没有终点,只有新的起点。</p>
                </div>
                <div>(责任编辑:王五)</div>
                <div class="foot">关于我们</div>
                </body></html>
                """;
        List<SourceLine> lines = lines(page);
        assertEquals(line("专访:基层派出所所长谈社区警务", Hint.TITLE, ""), lines.get(0));
        for (int i = 1; i <= 6; i++) assertEquals(Hint.PARAGRAPH, lines.get(i).hint(), lines.get(i).text());
        assertEquals(line("(责任编辑:王五)", Hint.BYLINE, ""), lines.get(7));
        assertEquals(line("关于我们", Hint.BOILERPLATE, "footer"), lines.get(8));
        assertEquals(9, lines.size());
    }

    @Test
    void preformattedTextKeepsItsLines() throws ReadException {
        String page = "<html><body><h1>通知全文</h1><pre>第一条  各单位要加强值班。\n第二条  遇有情况及时报告。\n</pre></body></html>";
        assertEquals(List.of(
                line("通知全文", Hint.TITLE, ""),
                line("第一条  各单位要加强值班。", Hint.PARAGRAPH, ""),
                line("第二条  遇有情况及时报告。", Hint.PARAGRAPH, "")), lines(page));
    }
}
