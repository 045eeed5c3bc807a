package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReaderTest {

    private static final Charset GBK = Charset.forName("GBK");

    /** A news page labelled gb2312 that uses the GBK-only characters 镕 and 喆. */
    static final String GB2312_PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
            <title>全省公安工作会议召开 朱镕基题词展出_今日要闻_中国网</title>
            <meta name="description" content="会议部署全年公安工作">
            <meta name="keywords" content="公安,会议">
            <meta name="author" content="中国网">
            <meta name="publishdate" content="2020-03-25">
            <meta property="og:site_name" content="中国网">
            <script>var secret = "脚本里的文字";</script>
            <style>.x { content: "样式文字"; }</style>
            </head>
            <body>
            <div class="header"><div class="logo"><a href="/">中国网</a></div>
            <ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li><li><a href="/china">国内</a></li></ul>
            </div>
            <div class="crumb"><a href="/">首页</a> &gt; <a href="/news">今日要闻</a> &gt; 正文</div>
            <div class="main">
             <div class="article">
              <h1>全省公安工作会议召开 朱镕基题词展出</h1>
              <div class="info">来源:中国网  时间:2020-03-25 18:08:57  编辑:张喆</div>
              <div class="content">
               <p>  3月25日,全省公安工作会议在成都召开,会议以电视电话会的形式开至县级公安机关。</p>
               <p>会议指出,过去一年全省公安机关坚决维护国家政治安全和社会大局稳定,各项工作取得新的成效。</p>
               <p>会议要求,要坚持以人民为中心的发展思想,<br>全力做好今年各项公安工作。</p>
              </div>
              <div class="share">分享到:<a href="#">微信</a> <a href="#">微博</a> 扫码阅读</div>
             </div>
             <div class="related"><h3>相关新闻</h3>
              <ul><li><a href="/1">全省交警工作会议召开</a></li><li><a href="/2">全市禁毒工作推进会召开</a></li></ul>
             </div>
            </div>
            <!-- 注释文字 -->
            <noscript>请启用脚本</noscript>
            <input type="hidden" name="token" value="隐藏值">
            <div class="footer"><p>版权所有 中国网 Copyright &copy; 2020</p><p>京ICP备12345678号</p></div>
            <script src="x.js"></script>
            </body></html>
            """;

    private static SourceDocument read(byte[] bytes) throws ReadException {
        return new HtmlReader().read("page.html", bytes, null);
    }

    private static SourceLine line(String text, Hint hint, String detail) {
        return new SourceLine(text, hint, detail);
    }

    @Test
    void gb2312PageIsDecodedAsGb18030WithEvidence() throws ReadException {
        assertFalse(Charset.forName("GB2312").newEncoder().canEncode("镕喆"), "fixture must need GBK");
        SourceDocument doc = read(GB2312_PAGE.getBytes(GBK));
        assertEquals("GB18030", doc.encoding());
        assertEquals("declared gb2312 in <meta http-equiv=\"Content-Type\">; decoded as GB18030, its superset,"
                + " because pages labelled gb2312 often contain GBK-only characters", doc.encodingEvidence());
        assertEquals("text/html", doc.mediaType());
        assertTrue(doc.text().contains("朱镕基") && doc.text().contains("张喆"));
    }

    @Test
    void articleAndFurnitureInDocumentOrder() throws ReadException {
        SourceDocument doc = read(GB2312_PAGE.getBytes(GBK));
        List<SourceLine> expected = List.of(
                line("中国网", Hint.BOILERPLATE, "header"),
                line("首页", Hint.BOILERPLATE, "navigation"),
                line("新闻", Hint.BOILERPLATE, "navigation"),
                line("国内", Hint.BOILERPLATE, "navigation"),
                line("首页 > 今日要闻 > 正文", Hint.BOILERPLATE, "breadcrumb"),
                line("全省公安工作会议召开 朱镕基题词展出", Hint.TITLE, ""),
                line("来源:中国网 时间:2020-03-25 18:08:57 编辑:张喆", Hint.BYLINE, ""),
                line("3月25日,全省公安工作会议在成都召开,会议以电视电话会的形式开至县级公安机关。", Hint.PARAGRAPH, ""),
                line("会议指出,过去一年全省公安机关坚决维护国家政治安全和社会大局稳定,各项工作取得新的成效。", Hint.PARAGRAPH, ""),
                line("会议要求,要坚持以人民为中心的发展思想,", Hint.PARAGRAPH, ""),
                line("全力做好今年各项公安工作。", Hint.PARAGRAPH, ""),
                line("分享到:微信 微博 扫码阅读", Hint.BOILERPLATE, "share-widget"),
                line("相关新闻", Hint.BOILERPLATE, "related-links"),
                line("全省交警工作会议召开", Hint.BOILERPLATE, "related-links"),
                line("全市禁毒工作推进会召开", Hint.BOILERPLATE, "related-links"),
                line("版权所有 中国网 Copyright © 2020", Hint.BOILERPLATE, "footer"),
                line("京ICP备12345678号", Hint.BOILERPLATE, "footer"));
        assertEquals(expected, doc.lines());
    }

    @Test
    void scriptsStylesCommentsAndHiddenInputsAreDroppedAndCounted() throws ReadException {
        SourceDocument doc = read(GB2312_PAGE.getBytes(GBK));
        String all = String.join("\n", doc.lines().stream().map(SourceLine::text).toList());
        for (String hidden : List.of("脚本里的文字", "样式文字", "请启用脚本", "注释文字", "隐藏值", "secret")) {
            assertFalse(all.contains(hidden), hidden);
        }
        assertEquals("2", doc.properties().get("html.dropped.script"));
        assertEquals("1", doc.properties().get("html.dropped.style"));
        assertEquals("1", doc.properties().get("html.dropped.noscript"));
        assertEquals("1", doc.properties().get("html.dropped.comment"));
        assertEquals("1", doc.properties().get("html.dropped.hidden-input"));
    }

    @Test
    void pageMetadataGoesIntoProperties() throws ReadException {
        SourceDocument doc = read(GB2312_PAGE.getBytes(GBK));
        assertEquals("全省公安工作会议召开 朱镕基题词展出_今日要闻_中国网", doc.properties().get("html.title"));
        assertEquals("会议部署全年公安工作", doc.properties().get("meta.description"));
        assertEquals("公安,会议", doc.properties().get("meta.keywords"));
        assertEquals("中国网", doc.properties().get("meta.author"));
        assertEquals("2020-03-25", doc.properties().get("meta.publishdate"));
        assertEquals("中国网", doc.properties().get("og:site_name"));
        assertEquals("zh-CN", doc.properties().get("html.lang"));
        assertEquals("h1", doc.properties().get("html.title.source"));
    }

    @Test
    void everyVisibleTextNodeOfThePageIsKept() throws ReadException {
        SourceDocument doc = read(GB2312_PAGE.getBytes(GBK));
        String all = doc.lines().stream().map(SourceLine::text).collect(Collectors.joining(" "));
        List<String> visible = visibleTexts(Jsoup.parse(GB2312_PAGE).body());
        assertTrue(visible.size() > 20, "fixture walk found " + visible.size());
        for (String text : visible) assertTrue(all.contains(text), "lost: " + text);
    }

    /** Text nodes a browser shows: everything in body outside script, style, noscript, template. */
    static List<String> visibleTexts(Element root) {
        Set<String> invisible = Set.of("script", "style", "noscript", "template", "iframe");
        List<String> out = new ArrayList<>();
        root.forEachNode(node -> {
            if (!(node instanceof TextNode t)) return;
            for (Element p = t.parent(); p != null; p = p.parent()) {
                if (invisible.contains(p.normalName())) return;
            }
            String text = t.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ").strip();
            if (!text.isEmpty()) out.add(text);
        });
        return out;
    }

    @Test
    void traditionalUtf8PageWithoutHeadingTakesTitleFromTitleElement() throws ReadException {
        String page = """
                <html><head><meta charset="utf-8"><title>四川省公安局處長會議召開 - 今日四川 - 中國網</title></head>
                <body>
                <div id="topnav"><a href="/">首頁</a> | <a href="/sc">四川</a></div>
                <div class="location">今日四川 &gt; 正文</div>
                <div class="text">
                <div>來源:中國網    時間:2020-03-25 18:08:57    編輯:劉映紅</div>
                <div>  3月25日,全省公安局處長會議在成都召開,會議以電視電話會的形式開至縣級公安機關。</div>
                <div>會議指出,2019年全省公安機關堅決捍衛國家政治安全,確保了社會大局持續穩定。</div>
                <div>(責任編輯:王五)</div>
                </div>
                <div id="bottom">關於我們 | 聯繫我們</div>
                </body></html>
                """;
        SourceDocument doc = read(page.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", doc.encoding());
        assertEquals("declared utf-8 in <meta charset>", doc.encodingEvidence());
        List<SourceLine> expected = List.of(
                line("首頁 | 四川", Hint.BOILERPLATE, "navigation"),
                line("今日四川 > 正文", Hint.BOILERPLATE, "breadcrumb"),
                line("四川省公安局處長會議召開", Hint.TITLE, ""),
                line(" - 今日四川 - 中國網", Hint.BOILERPLATE, "site-name"),
                line("來源:中國網 時間:2020-03-25 18:08:57 編輯:劉映紅", Hint.BYLINE, ""),
                line("3月25日,全省公安局處長會議在成都召開,會議以電視電話會的形式開至縣級公安機關。", Hint.PARAGRAPH, ""),
                line("會議指出,2019年全省公安機關堅決捍衛國家政治安全,確保了社會大局持續穩定。", Hint.PARAGRAPH, ""),
                line("(責任編輯:王五)", Hint.BYLINE, ""),
                line("關於我們 | 聯繫我們", Hint.BOILERPLATE, "footer"));
        assertEquals(expected, doc.lines());
        assertEquals("title", doc.properties().get("html.title.source"));
    }

    @Test
    void declarationContradictedByTheBytesIsOverruled() throws ReadException {
        String page = "<html><head><meta charset=\"utf-8\"><title>通知</title></head><body>"
                + "<p>全国公安机关庆祝建党100周年安保维稳工作动员部署会召开,国务委员出席会议并讲话。</p></body></html>";
        SourceDocument doc = read(page.getBytes(GBK));
        assertEquals("GB18030", doc.encoding());
        assertTrue(doc.encodingEvidence().startsWith("page declares utf-8 in <meta charset> but is not valid UTF-8 at byte "),
                doc.encodingEvidence());
        assertTrue(doc.encodingEvidence().contains("; detected instead: decodes as GB18030 without errors"), doc.encodingEvidence());
        assertTrue(doc.text().contains("全国公安机关庆祝建党100周年"));
    }

    /**
     * A UTF-8 page under a stale single-byte label: every byte decodes as Latin-1, but the bytes are valid UTF-8 with
     * many multi-byte sequences, so the label is overruled (the text read as Latin-1 was mojibake, silently); a page
     * in the label's own charset keeps it.
     */
    @Test
    void aSingleByteLabelOnAUtf8PageIsOverruled() throws ReadException {
        String page = "<html><head><meta charset=\"iso-8859-1\"><title>通知</title></head><body>"
                + "<p>全国公安机关庆祝建党100周年安保维稳工作动员部署会召开。</p></body></html>";
        SourceDocument doc = read(page.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", doc.encoding());
        assertTrue(doc.encodingEvidence().startsWith("page declares iso-8859-1 in <meta charset> but is valid UTF-8 with "),
                doc.encodingEvidence());
        assertTrue(doc.text().contains("全国公安机关庆祝建党100周年"), doc.text());
        String latin = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body>"
                + "<p>Le préfet a présidé la réunion de sécurité à Lyon.</p></body></html>";
        SourceDocument french = read(latin.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("ISO-8859-1", french.encoding());
        assertTrue(french.text().contains("préfet a présidé"), french.text());
        // the same page saved as UTF-8 under its old label: four multi-byte sequences or more outweigh the label
        SourceDocument resaved = read(latin.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", resaved.encoding());
        assertTrue(resaved.text().contains("préfet a présidé"), resaved.text());
    }

    @Test
    void undeclaredBig5PageIsDetected() throws ReadException {
        String page = "<html><body><h1>四川省公安局處長會議召開</h1><p>會議以電視電話會的形式開至縣級公安機關。"
                + "四川省公安廳設主會場,各市公安局設分會場。</p></body></html>";
        SourceDocument doc = read(page.getBytes(Charset.forName("Big5")));
        assertEquals("Big5", doc.encoding());
        assertEquals(List.of(line("四川省公安局處長會議召開", Hint.TITLE, ""),
                line("會議以電視電話會的形式開至縣級公安機關。四川省公安廳設主會場,各市公安局設分會場。", Hint.PARAGRAPH, "")),
                doc.lines());
    }

    @Test
    void utf16PageWithBom() throws ReadException {
        String page = "<html><body><p>会议要求全力做好今年各项公安工作,确保社会大局持续稳定。</p></body></html>";
        byte[] body = page.getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFE;
        bytes[1] = (byte) 0xFF;
        System.arraycopy(body, 0, bytes, 2, body.length);
        SourceDocument doc = read(bytes);
        assertEquals("UTF-16BE", doc.encoding());
        assertEquals("UTF-16BE byte-order mark", doc.encodingEvidence());
        assertEquals(List.of(line("会议要求全力做好今年各项公安工作,确保社会大局持续稳定。", Hint.PARAGRAPH, "")), doc.lines());
    }

    @Test
    void siteSuffixesAreStrippedFromTheTitle() {
        assertEquals("标题很长的新闻", ArticleLocator.mainTitle("标题很长的新闻 - 中国网"));
        assertEquals("标题很长的新闻", ArticleLocator.mainTitle("标题很长的新闻_新浪网"));
        assertEquals("标题很长的新闻", ArticleLocator.mainTitle("标题很长的新闻_今日要闻_中国网"));
        assertEquals("标题很长的新闻", ArticleLocator.mainTitle("标题很长的新闻 | 人民网"));
    }
}
