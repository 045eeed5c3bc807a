package org.jiaokan.unseen;

import org.jiaokan.model.DatedValue;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.Readings;
import org.jiaokan.xml.Dom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jiaokan.unseen.UnseenCorpus.Doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each unseen document must become: its clean reading, header, structure and the people in it. */
class UnseenDocumentsTest {

    private static void assertReadingKeeps(String reg, String... kept) {
        for (String k : kept) assertTrue(reg.contains(k), () -> "genuine text lost from the reading: " + k);
    }

    private static void assertReadingDrops(String reg, String dip, String... noise) {
        for (String n : noise) {
            assertTrue(dip.contains(n), () -> "source text lost: " + n);
            assertFalse(reg.contains(n), () -> "noise left in the reading: " + n);
        }
    }

    private static void assertPersons(Document tei, String... names) {
        List<String> found = Unseen.persons(tei);
        for (String n : names) assertTrue(found.contains(n), () -> "person " + n + " not marked; found " + found);
    }

    /** Persons must be names: two to four Han characters, or a known pseudonym shape such as 老张. */
    private static void assertNoJunkPersons(Document tei) {
        for (String p : Unseen.persons(tei)) {
            assertTrue(p.matches("\\p{IsHan}{2,4}"), () -> "junk person: " + p);
        }
    }

    private static Element creationDate(Document tei) {
        Element creation = Dom.descendants(tei.getDocumentElement(), "creation").get(0);
        return Dom.child(creation, "date").orElseThrow();
    }

    // ------------------------------------------------------------------ forum post, GBK

    @Test
    void forumJammersOfEveryPlacementLeaveTheReading() throws Exception {
        Document tei = Unseen.tei(Doc.FORUM_POST);
        String reg = Readings.regularised(tei);
        String dip = Readings.diplomatic(tei);
        assertReadingDrops(reg, dip, "7 K, Y: c' ]2 q$ x9 A", "3 ]( ^, p% k6 n* S% p", "$ G8 Y. L+ a6 |",
                "h; S6 z# C$ t; G7 ^\" L8 `1 b", "- ~8 w) \\3 @( {", "* x3 ^ P");
        assertReadingKeeps(reg, "也跟着多起来。结合这几年的体会", "不搞平均用力。", "先控制局面再说。", "大家互相学习。");
        boolean surplus = Unseen.inText(tei, "surplus").stream().anyMatch(s -> s.getTextContent().contains("]( ^, p%"));
        assertTrue(surplus, "the inline jammer is surplus");
    }

    @Test
    void forumEditNoticeGoesToTheHeaderAndStaysInTheText() throws Exception {
        Document tei = Unseen.tei(Doc.FORUM_POST);
        boolean fw = Unseen.inText(tei, "fw").stream()
                .anyMatch(f -> f.getAttribute("type").equals("edit-note") && f.getTextContent().contains("老张"));
        assertTrue(fw, "the edit notice is fw type edit-note");
        Metadata m = Unseen.model(Doc.FORUM_POST).meta();
        assertEquals("老张", m.lastEditedBy());
        assertEquals("2019-06-12T09:15:00", m.lastEdited().when());
        assertEquals(null, m.published(), "an edit notice is not a publication date");
        assertEquals("forum-post", m.docType());
        assertEquals(Script.SIMPLIFIED, m.script());
        assertEquals("【经验交流】社区民警如何做好夏季夜间巡逻防控", m.title());
        assertEquals("GB18030", Unseen.model(Doc.FORUM_POST).source().encoding());
        assertPersons(tei, "王建国");
        assertNoJunkPersons(tei);
    }

    // ------------------------------------------------------------------ speech, Big5

    @Test
    void speechHasOpenerSectionsAndCloserWithSignatureAndDate() throws Exception {
        Document tei = Unseen.tei(Doc.SPEECH);
        Element opener = Unseen.inText(tei, "opener").get(0);
        assertEquals("各位領導、同志們：", Readings.of(Dom.child(opener, "salute").orElseThrow(), false).strip());
        List<String> heads = Unseen.readings(tei, "head").stream().filter(h -> !h.startsWith("（")).toList();
        assertEquals(List.of("一、認清形勢，切實增強做好夏季治安整治工作的責任感",
                "二、突出重點，全力推進各項整治措施落地見效", "三、加強領導，確保整治行動取得實效"), heads);
        Element second = (Element) Unseen.inText(tei, "head").get(1).getParentNode();
        List<String> subHeads = Dom.children(second, "div").stream()
                .map(div -> Readings.of(Dom.child(div, "head").orElseThrow(), false).strip()).toList();
        assertEquals(List.of("（一）嚴厲打擊突出違法犯罪。", "（二）加強社會面巡邏防控。", "（三）深入開展矛盾糾紛排查化解。"), subHeads,
                "run-in numbered sub-headings are heads of nested divisions");
        Element closer = Unseen.inText(tei, "closer").get(0);
        assertEquals("謝謝大家！", Readings.of(Dom.child(closer, "salute").orElseThrow(), false).strip());
        assertEquals("清河縣公安局", Readings.of(Dom.child(closer, "signed").orElseThrow(), false).strip());
        assertEquals("二○一九年六月十二日", Readings.of(Dom.child(closer, "dateline").orElseThrow(), false).strip());
    }

    @Test
    void speechDateWrittenInChineseNumeralsIsTheDocumentDate() throws Exception {
        Metadata m = Unseen.model(Doc.SPEECH).meta();
        assertEquals("2019-06-12", m.date().when());
        assertFalse(m.date().inferred(), "every part of the date is written in the dateline");
        Element date = creationDate(Unseen.tei(Doc.SPEECH));
        assertEquals("2019-06-12", date.getAttribute("when"));
        assertEquals("在全縣公安機關夏季治安整治動員大會上的講話", m.title());
        assertEquals("speech", m.docType());
        assertEquals(Script.TRADITIONAL, m.script());
        assertEquals("Big5", Unseen.model(Doc.SPEECH).source().encoding());
    }

    @Test
    void speechPersonsAreFound() throws Exception {
        Document tei = Unseen.tei(Doc.SPEECH);
        assertPersons(tei, "張偉");
        assertNoJunkPersons(tei);
    }

    @Test
    void speakerNamedUnderTheTitleIsTheSpeaker() throws Exception {
        assertEquals("李明華", Unseen.model(Doc.SPEECH).meta().speaker());
    }

    // ------------------------------------------------------------------ notice, UTF-16LE

    @Test
    void noticeAddresseeIsTheSalutationAndItsEndIsTheCloser() throws Exception {
        Document tei = Unseen.tei(Doc.NOTICE);
        Element opener = Unseen.inText(tei, "opener").get(0);
        assertEquals("各有关单位：", Readings.of(Dom.child(opener, "salute").orElseThrow(), false).strip());
        assertEquals(List.of("一、检查时间", "二、检查范围", "三、工作要求"), Unseen.readings(tei, "head"));
        Element closer = Unseen.inText(tei, "closer").get(0);
        assertEquals("特此通知。", Readings.of(Dom.child(closer, "salute").orElseThrow(), false).strip());
        assertEquals("东阳市消防安全委员会办公室", Readings.of(Dom.child(closer, "signed").orElseThrow(), false).strip());
        assertEquals("2019年6月10日", Readings.of(Dom.child(closer, "dateline").orElseThrow(), false).strip());
    }

    @Test
    void noticeMetadata() throws Exception {
        Metadata m = Unseen.model(Doc.NOTICE).meta();
        assertEquals("关于开展2019年夏季消防安全检查的通知", m.title());
        assertEquals("notice", m.docType());
        assertEquals("2019-06-10", m.date().when());
        assertEquals(Script.SIMPLIFIED, m.script());
        SourceDocument src = Unseen.model(Doc.NOTICE).source();
        assertEquals("UTF-16LE", src.encoding());
        assertTrue(src.encodingEvidence().contains("byte-order mark"));
        assertNoJunkPersons(Unseen.tei(Doc.NOTICE));
    }

    @Test
    void noticeWithCrlfLineEndsHasTheSameStructureAndDate() throws Exception {
        Document tei = Unseen.tei(Doc.NOTICE_CRLF);
        assertEquals(Unseen.readings(Unseen.tei(Doc.NOTICE), "head"), Unseen.readings(tei, "head"));
        assertEquals(List.of("东阳市消防安全委员会办公室"), Unseen.readings(tei, "signed"));
        assertEquals("2019-06-10", Unseen.model(Doc.NOTICE_CRLF).meta().date().when());
        assertEquals("CRLF", Unseen.model(Doc.NOTICE_CRLF).source().properties().get("text.line-endings"));
    }

    @Test
    void noticeIssuerIsTheSigningBody() throws Exception {
        assertEquals("东阳市消防安全委员会办公室", Unseen.model(Doc.NOTICE).meta().issuer());
    }

    // ------------------------------------------------------------------ news page, gb2312 label, GBK bytes

    @Test
    void newsPageFurnitureIsFormeWorkAndArticleIsKept() throws Exception {
        Document tei = Unseen.tei(Doc.NEWS_PAGE);
        String reg = Readings.regularised(tei);
        String dip = Readings.diplomatic(tei);
        assertReadingDrops(reg, dip, "警务动态", "分享到", "相关新闻", "版权所有", "技术支持");
        assertFalse(dip.contains("_hmt") || dip.contains("访问统计"), "script content is never text");
        assertReadingKeeps(reg, "市公安局党委书记、局长吴振东出席会议并讲话。", "做到小事不出村、大事不出镇。",
                "对各地工作进展情况进行跟踪问效。");
    }

    @Test
    void newsPageBylineAndDate() throws Exception {
        Metadata m = Unseen.model(Doc.NEWS_PAGE).meta();
        assertEquals("我市启动夏季治安打击整治“百日行动”", m.title());
        assertEquals("东阳日报", m.originalSource(), "来源 is the original source, not the site");
        assertEquals("周喆", m.editor());
        assertEquals("陈赟", m.reporter());
        assertEquals("2019-06-12T10:30:00", m.published().when());
        DatedValue d = m.date();
        assertEquals("2019-06-11", d.when());
        assertEquals("medium", d.cert().value());
        assertEquals("news-report", m.docType());
        assertEquals("吴振东", m.speaker());
        assertEquals("GB18030", Unseen.model(Doc.NEWS_PAGE).source().encoding());
        Document tei = Unseen.tei(Doc.NEWS_PAGE);
        assertPersons(tei, "吴振东");
        assertNoJunkPersons(tei);
    }

    // ------------------------------------------------------------------ traditional web capture, plain text

    @Test
    void webCaptureFurnitureIsFormeWork() throws Exception {
        Document tei = Unseen.tei(Doc.WEB_CAPTURE);
        String reg = Readings.regularised(tei);
        String dip = Readings.diplomatic(tei);
        assertReadingDrops(reg, dip, "首頁 > 新聞中心 > 社會 > 正文", "分享到：", "微信掃一掃，用手機看新聞", "相關閱讀", "[字體：大 中 小]");
        assertReadingKeeps(reg, "凍結涉案資金三百餘萬元。", "請及時撥打反詐專線或者到就近派出所諮詢。");
        List<String> types = Unseen.inText(tei, "fw").stream().map(f -> f.getAttribute("type")).toList();
        assertTrue(types.contains("breadcrumb") && types.contains("share-widget") && types.contains("related-links"),
                () -> "fw types: " + types);
    }

    @Test
    void webCaptureBylineAndReporterCredit() throws Exception {
        Metadata m = Unseen.model(Doc.WEB_CAPTURE).meta();
        assertEquals("福州警方搗毀一跨省電信詐騙窩點 抓獲嫌疑人十二名", m.title());
        assertEquals("福州晚報", m.originalSource(), "來源 is the original source, not the site");
        assertEquals("陳美玲", m.editor());
        assertEquals("2021-03-05T09:20:11", m.published().when());
        assertEquals("2021-03-04", m.date().when());
        assertEquals("news-report", m.docType());
        assertEquals(Script.TRADITIONAL, m.script());
        assertEquals(List.of("來源：福州晚報　時間：2021-03-05 09:20:11　編輯：陳美玲"),
                Unseen.readings(Unseen.tei(Doc.WEB_CAPTURE), "byline"));
        List<String> credits = Unseen.inText(Unseen.tei(Doc.WEB_CAPTURE), "ab").stream()
                .filter(a -> a.getAttribute("type").equals("byline")).map(a -> Readings.of(a, false).strip()).toList();
        assertEquals(List.of("（林志豪）"), credits, "the closing reporter credit stays in the text as a byline");
        assertEquals("林志豪", m.reporter());
    }

    // ------------------------------------------------------------------ converter pinyin

    @Test
    void converterPinyinIsSurplusAndGenuineParenthesesStay() throws Exception {
        Document tei = Unseen.tei(Doc.PINYIN);
        String reg = Readings.regularised(tei);
        assertReadingKeeps(reg, "縣域經濟高質量發展", "縣城(中心鎮)", "《縣級產業扶持辦法(試行)》", "移動端(APP)辦理",
                "各鄉鎮(街道)", "推動一二三產業融合發展。");
        Matcher glosses = Pattern.compile("\\(([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+)\\)").matcher(Doc.PINYIN.text());
        int n = 0;
        while (glosses.find()) n++;
        long surplus = Unseen.inText(tei, "surplus").stream()
                .filter(s -> s.getAttribute("reason").equals("converter-pinyin")).count();
        assertEquals(n, surplus);
        Metadata m = Unseen.model(Doc.PINYIN).meta();
        assertEquals("關於推動縣域經濟高質量發展的實施意見", m.title());
        assertEquals(Script.TRADITIONAL, m.script());
        assertNull(m.date(), "the text states no date");
    }

    // ------------------------------------------------------------------ redactions

    @Test
    void redactionMarksAreKeptAsSourceRedactions() throws Exception {
        Document tei = Unseen.tei(Doc.REDACTED);
        List<String> gaps = Unseen.inText(tei, "seg").stream()
                .filter(g -> g.getAttribute("type").equals("redaction")).map(g -> g.getTextContent()).toList();
        assertEquals(List.of("×××", "XXX", "**", "**", "XX", "×××", "××", "*", "**"), gaps);
        String reg = Readings.regularised(tei);
        assertReadingKeeps(reg, "受害人×××（女，62岁，退休教师）", "自称XXX市公安局民警", "共计被骗人民币**万元",
                "扣押作案手机*部、银行卡**张");
        for (String p : Unseen.persons(tei)) {
            assertFalse(p.matches(".*[×X*].*"), () -> "a redaction mark is not a name: " + p);
        }
    }

    @Test
    void redactedCircularIsANoticeAddressedToItsUnits() throws Exception {
        Document tei = Unseen.tei(Doc.REDACTED);
        Element opener = Unseen.inText(tei, "opener").get(0);
        assertEquals("各派出所、各大队：", Readings.of(Dom.child(opener, "salute").orElseThrow(), false).strip());
        Metadata m = Unseen.model(Doc.REDACTED).meta();
        assertEquals("关于一起冒充公检法诈骗案件的情况通报", m.title());
        assertEquals("notice", m.docType());
    }

    // ------------------------------------------------------------------ DOCX

    @Test
    void docxStylesBecomeTitleAndHeadsAndTheFootnoteANote() throws Exception {
        Document tei = Unseen.tei(Doc.DOCX);
        assertEquals(List.of(UnseenCorpus.DOCX_TITLE), Unseen.readings(tei, "titlePart"));
        assertEquals(List.of(UnseenCorpus.DOCX_HEAD_1, UnseenCorpus.DOCX_HEAD_2), Unseen.readings(tei, "head"));
        List<Element> notes = Unseen.inText(tei, "note").stream()
                .filter(n -> n.getAttribute("type").equals("footnote")).toList();
        assertEquals(1, notes.size());
        assertEquals(UnseenCorpus.DOCX_FOOTNOTE, Readings.of(notes.get(0), false).strip());
        // The note stands where the paragraph refers to it, and no reference mark is added to the text.
        Element p = (Element) notes.get(0).getParentNode();
        assertEquals("p", p.getLocalName());
        assertTrue(Readings.of(p, true).startsWith(UnseenCorpus.DOCX_PARA_2 + UnseenCorpus.DOCX_FOOTNOTE)
                || Readings.of(p, true).equals(UnseenCorpus.DOCX_PARA_2 + UnseenCorpus.DOCX_FOOTNOTE), Readings.of(p, true));
        assertFalse(Readings.diplomatic(tei).contains("[1]"));
        assertTrue(Unseen.inText(tei, "back").isEmpty(), "no note is left over for the back");
        assertReadingKeeps(Readings.regularised(tei), UnseenCorpus.DOCX_PARA_1, UnseenCorpus.DOCX_PARA_3);
        Metadata m = Unseen.model(Doc.DOCX).meta();
        assertEquals(UnseenCorpus.DOCX_TITLE, m.title());
        assertFalse(m.titleSupplied());
        assertNull(m.date(), "the plan states no date");
    }

    // ------------------------------------------------------------------ dates from internal evidence

    @Test
    void monthDayTakesItsYearFromTheReformAnniversary() throws Exception {
        Element date = creationDate(Unseen.tei(Doc.MONTH_DAY));
        assertEquals("2018-12-18", date.getAttribute("when"));
        assertEquals("medium", date.getAttribute("cert"));
        assertTrue(date.getTextContent().contains("改革开放40周年"), date.getTextContent());
        Document tei = Unseen.tei(Doc.MONTH_DAY);
        assertPersons(tei, "赵立新", "孙海燕", "钱德福");
        assertNoJunkPersons(tei);
        assertEquals("我区举办纪念改革开放40周年主题展览", Unseen.model(Doc.MONTH_DAY).meta().title());
    }

    @Test
    void monthDayTakesItsYearFromThePartyAnniversaryInTraditionalScript() throws Exception {
        Element date = creationDate(Unseen.tei(Doc.ANNIVERSARY_TRAD));
        assertEquals("2016-07-01", date.getAttribute("when"));
        assertEquals("medium", date.getAttribute("cert"));
        Metadata m = Unseen.model(Doc.ANNIVERSARY_TRAD).meta();
        assertEquals(Script.TRADITIONAL, m.script());
        assertEquals("鄭國強", m.speaker());
        assertPersons(Unseen.tei(Doc.ANNIVERSARY_TRAD), "鄭國強");
    }

    @Test
    void textWithoutADateGetsNoDate() throws Exception {
        Document tei = Unseen.tei(Doc.NO_DATE);
        assertTrue(Dom.descendants(tei.getDocumentElement(), "creation").isEmpty(), "no creation date is invented");
        Element text = Dom.child(tei.getDocumentElement(), "text").orElseThrow();
        List<Element> dated = Dom.descendants(text, "date");
        assertTrue(dated.isEmpty(), () -> "dates marked in an undated text: " + dated.get(0).getTextContent());
        Metadata m = Unseen.model(Doc.NO_DATE).meta();
        assertNull(m.date());
        assertNull(m.published());
        assertEquals("防范电信网络诈骗的十个提醒", m.title());
        List<String> paras = Unseen.readings(tei, "p");
        assertTrue(paras.stream().anyMatch(p -> p.startsWith("第一，公检法机关不会")), () -> "numbered points: " + paras);
    }

    @Test
    void readerDecodesTheBig5SpeechAsBig5() throws Exception {
        SourceDocument src = Readers.read(Unseen.file(Doc.SPEECH), null);
        assertEquals("Big5", src.encoding());
        assertNotNull(src.encodingEvidence());
    }
}
