package org.jiaokan.front;

import org.jiaokan.TestSupport;
import org.jiaokan.model.Block;
import org.jiaokan.model.Metadata;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.tei.TeiWriter;
import org.jiaokan.xml.Dom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front matter of speeches, reports and official documents (GB/T 9704-2012), and what the header
 * says about who made a document, when, and where it was published: on invented documents in both
 * scripts, as GBK and Big5 plain text, DOCX and HTML.
 */
class FrontMatterTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset GBK = Charset.forName("GBK");
    private static final String CONVERTED_ON = "2026-01-01";

    private static Path dir;
    private static final Map<String, Path> FILES = new HashMap<>();
    private static final Map<String, byte[]> TEI = new HashMap<>();

    @BeforeAll
    static void write() throws Exception {
        dir = Files.createTempDirectory("jiaokan-front");
        FILES.put("speech-big5", FrontMatterCorpus.writeText(dir, "speech-big5.txt", FrontMatterCorpus.SPEECH_BIG5, BIG5));
        FILES.put("speech-gbk", FrontMatterCorpus.writeText(dir, "speech-gbk.txt", FrontMatterCorpus.SPEECH_GBK, GBK));
        FILES.put("speech-withheld", FrontMatterCorpus.writeText(dir, "speech-withheld.txt", FrontMatterCorpus.SPEECH_WITHHELD_BIG5, BIG5));
        FILES.put("notice-gbk", FrontMatterCorpus.writeText(dir, "notice-gbk.txt", FrontMatterCorpus.NOTICE_GBK, GBK));
        FILES.put("notice-big5", FrontMatterCorpus.writeText(dir, "notice-big5.txt", FrontMatterCorpus.NOTICE_BIG5, BIG5));
        FILES.put("news-gbk", FrontMatterCorpus.writeText(dir, "news-gbk.txt", FrontMatterCorpus.NEWS_GBK, GBK));
        FILES.put("report-docx", FrontMatterCorpus.writeDocx(dir, "report.docx"));
        FILES.put("page-html", FrontMatterCorpus.writeHtml(dir, "page.html"));
    }

    @AfterAll
    static void clean() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static synchronized byte[] bytes(String name) throws Exception {
        byte[] b = TEI.get(name);
        if (b == null) {
            b = TestSupport.convert(FILES.get(name), CONVERTED_ON);
            TEI.put(name, b);
        }
        return b;
    }

    private static Document tei(String name) throws Exception {
        return TestSupport.parse(bytes(name));
    }

    private static Metadata meta(String name) throws Exception {
        return TestSupport.model(FILES.get(name)).meta();
    }

    private static Element header(Document tei) {
        return Dom.child(tei.getDocumentElement(), "teiHeader").orElseThrow();
    }

    private static Element one(Element root, String local) {
        List<Element> found = Dom.descendants(root, local);
        assertFalse(found.isEmpty(), () -> "no " + local);
        return found.get(0);
    }

    private static Element front(Document tei) {
        Element text = Dom.child(tei.getDocumentElement(), "text").orElseThrow();
        return Dom.child(text, "front").orElseThrow(() -> new AssertionError("no front"));
    }

    private static List<String> texts(Element root, String local) {
        return Dom.descendants(root, local).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static Element creationDate(Document tei) {
        return one(one(header(tei), "creation"), "date");
    }

    // ------------------------------------------------------------------ speeches and reports

    @Test
    void parenthesisedDateLineUnderTheTitleDatesTheSpeechWithCertaintyBig5() throws Exception {
        Document tei = tei("speech-big5");
        assertEquals(List.of("（2016年3月9日）"), texts(front(tei), "dateline"));
        Element date = creationDate(tei);
        assertEquals("2016-03-09", date.getAttribute("when"));
        assertEquals("high", date.getAttribute("cert"));
    }

    @Test
    void chineseNumeralDateLinesDateTheSpeechInBothScripts() throws Exception {
        Element simplified = creationDate(tei("speech-gbk"));
        assertEquals("2019-05-30", simplified.getAttribute("when"));
        assertEquals("high", simplified.getAttribute("cert"));
        Document traditional = tei("speech-withheld");
        assertEquals(List.of("（二○一八年十一月九日）"), texts(front(traditional), "dateline"));
        assertEquals("2018-11-09", creationDate(traditional).getAttribute("when"));
        assertEquals("high", creationDate(traditional).getAttribute("cert"));
    }

    @Test
    void officeAndNameUnderTheTitleIsTheSpeakerAndAuthor() throws Exception {
        Document tei = tei("speech-big5");
        assertEquals(List.of("縣公安局局長　王建國"), texts(front(tei), "byline"));
        assertEquals("王建國", meta("speech-big5").speaker());
        Element author = one(one(header(tei), "titleStmt"), "author");
        assertEquals("王建國", author.getTextContent());
        assertEquals("speaker", author.getAttribute("role"));
        assertEquals("zh-Hant", author.getAttribute("xml:lang"));
        assertEquals("王建國", one(one(header(tei), "bibl"), "author").getTextContent());
    }

    @Test
    void aWithheldNameUnderTheTitleIsABylineWithARedaction() throws Exception {
        for (String name : List.of("speech-gbk", "speech-withheld")) {
            Document tei = tei(name);
            Element byline = one(front(tei), "byline");
            assertTrue(byline.getTextContent().contains("×××"), name);
            List<Element> marks = Dom.descendants(byline, "seg").stream()
                    .filter(s -> "redaction".equals(s.getAttribute("type"))).toList();
            assertEquals(1, marks.size(), () -> name + ": ××× not marked as withheld");
            assertEquals("×××", marks.get(0).getTextContent());
        }
        assertEquals("×××", meta("speech-gbk").speaker());
        assertEquals("市政府副市長 ×××", meta("speech-withheld").speaker());
    }

    @Test
    void aNameAloneUnderASpeechTitleIsTheSpeaker() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "name-alone.txt",
                "在全区安全生产工作会议上的讲话\n李红梅\n同志们：\n今天召开全区安全生产工作会议，安排部署下一阶段工作。\n", GBK);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertEquals(List.of("李红梅"), texts(front(tei), "byline"));
        assertEquals("李红梅", TestSupport.model(p).meta().speaker());
    }

    @Test
    void anOfficeRunIntoTheNameIsTheSpeakerInBothScripts() throws Exception {
        Path t = FrontMatterCorpus.writeText(dir, "run-in-big5.txt",
                "在全縣春節安保工作會議上的講話\n縣公安局局長王建國\n同志們：\n春節將至，全縣安保任務十分繁重，大家要切實負起責任。\n", BIG5);
        assertEquals(List.of("縣公安局局長王建國"), texts(front(TestSupport.parse(TestSupport.convert(t, CONVERTED_ON))), "byline"));
        assertEquals("王建國", TestSupport.model(t).meta().speaker());
        Path s = FrontMatterCorpus.writeText(dir, "run-in-gbk.txt",
                "在全市禁毒工作会议上的讲话\n市委书记李明华\n同志们：\n禁毒工作事关人民群众切身利益，各级各部门要高度重视。\n", GBK);
        assertEquals(List.of("市委书记李明华"), texts(front(TestSupport.parse(TestSupport.convert(s, CONVERTED_ON))), "byline"));
        assertEquals("李明华", TestSupport.model(s).meta().speaker());
    }

    @Test
    void aSentenceUnderTheTitleStaysAParagraph() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "sentence.txt",
                "全市治安形势总体平稳\n今年以来全市刑事案件立案数同比下降，群众安全感稳步提升。\n这是全市公安机关共同努力的结果。\n", GBK);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertTrue(texts(front(tei), "byline").isEmpty());
        assertTrue(texts(front(tei), "dateline").isEmpty());
    }

    @Test
    void traditionalSalutationsOpenTheSpeech() throws Exception {
        assertEquals(List.of("同志們："), texts(one(tei("speech-big5").getDocumentElement(), "opener"), "salute"));
        assertEquals(List.of("各位領導、同志們："), texts(one(tei("speech-withheld").getDocumentElement(), "opener"), "salute"));
        assertEquals(List.of("各位领导、同志们："), texts(one(tei("speech-gbk").getDocumentElement(), "opener"), "salute"));
    }

    @Test
    void aDocxReportHasItsDateLineAndSpeakerInTheFront() throws Exception {
        Document tei = tei("report-docx");
        assertEquals(List.of(FrontMatterCorpus.DOCX_DATE), texts(front(tei), "dateline"));
        assertEquals(List.of(FrontMatterCorpus.DOCX_SPEAKER), texts(front(tei), "byline"));
        assertEquals("2020-01-15", creationDate(tei).getAttribute("when"));
        assertEquals("high", creationDate(tei).getAttribute("cert"));
        assertEquals("李明华", one(one(header(tei), "titleStmt"), "author").getTextContent());
    }

    // ------------------------------------------------------------------ official documents (GB/T 9704)

    @Test
    void theHeadOfAnOfficialDocumentIsFrontMatterInBothScripts() throws Exception {
        for (String name : List.of("notice-gbk", "notice-big5")) {
            Element front = front(tei(name));
            assertEquals(List.of("江州市公安局文件"), texts(front, "docAuthor"), name);
            assertEquals(1, Dom.descendants(front, "docImprint").size(), name);
            assertTrue(one(front, "docImprint").getTextContent().contains("〔20"), name);
            assertEquals(1, texts(front, "titlePart").size(), name);
            assertTrue(texts(front, "titlePart").get(0).endsWith("的通知"), name);
            assertTrue(Dom.descendants(one(front, "docImprint"), "persName").stream()
                    .noneMatch(p -> p.getTextContent().startsWith("江公")), "the code in a document number names no one");
        }
        assertEquals(List.of("簽發人：陳立群"), texts(front(tei("notice-big5")), "byline"));
    }

    @Test
    void documentNumberSignerIssuerAndAddresseesGoToTheHeader() throws Exception {
        Metadata m = meta("notice-gbk");
        assertEquals("江公通字〔2019〕12号", m.docNumber());
        assertEquals("张德明", m.signer());
        assertEquals("江州市公安局", m.issuer());
        assertEquals(List.of("各省、自治区、直辖市公安厅(局)"), m.addressees());
        assertEquals("notice", m.docType());
        Metadata t = meta("notice-big5");
        assertEquals("江公通字〔2020〕7號", t.docNumber());
        assertEquals("陳立群", t.signer());
        assertEquals(List.of("各分局、各派出所", "市局各部門"), t.addressees());

        Document tei = tei("notice-gbk");
        Element bibl = one(header(tei), "bibl");
        assertTrue(Dom.descendants(bibl, "idno").stream().anyMatch(i -> "docNumber".equals(i.getAttribute("type"))
                && "江公通字〔2019〕12号".equals(i.getTextContent())));
        Element author = one(one(header(tei), "titleStmt"), "author");
        assertEquals("江州市公安局", author.getTextContent());
        assertEquals("issuer", author.getAttribute("role"));
        assertEquals("江州市公安局", one(bibl, "author").getTextContent());
        Element org = one(one(header(tei), "particDesc"), "org");
        assertEquals("addressee", org.getAttribute("role"));
        assertEquals("各省、自治区、直辖市公安厅(局)", org.getTextContent().strip());
        assertEquals(List.of("各省、自治区、直辖市公安厅(局)："), texts(one(tei.getDocumentElement(), "opener"), "salute"));
    }

    @Test
    void attachmentNoteSignatureDateAndFootRecordAreRecognised() throws Exception {
        for (String name : List.of("notice-gbk", "notice-big5")) {
            Document tei = tei(name);
            Element body = one(tei.getDocumentElement(), "body");
            Map<String, String> abs = new HashMap<>();
            for (Element ab : Dom.descendants(body, "ab")) abs.put(ab.getAttribute("type"), ab.getTextContent().strip());
            for (Element t : Dom.descendants(body, "trailer")) abs.put(t.getAttribute("type"), t.getTextContent().strip());
            assertTrue(abs.get("attachments").startsWith("附件："), name);
            assertTrue(abs.get("copies-to").startsWith("抄送："), name);
            assertTrue(abs.get("printed").endsWith("印发") || abs.get("printed").endsWith("印發"), name);
            Element closer = one(body, "closer");
            assertEquals(List.of("江州市公安局"), texts(closer, "signed"), name);
            assertEquals(1, texts(closer, "dateline").size(), name);
        }
        assertEquals("2019-06-12", creationDate(tei("notice-gbk")).getAttribute("when"));
        assertEquals("high", creationDate(tei("notice-gbk")).getAttribute("cert"));
        assertEquals("2020-01-06", creationDate(tei("notice-big5")).getAttribute("when"));
    }

    @Test
    void officialDocumentBlocksKeepTheirRoles() throws Exception {
        List<Block> blocks = TestSupport.model(FILES.get("notice-gbk")).blocks();
        assertEquals(Block.ISSUER_MARK, blocks.get(0).detail());
        assertEquals(Block.DOC_NUMBER, blocks.get(1).detail());
        assertEquals(Block.Type.TITLE, blocks.get(2).type());
        assertEquals(Block.ADDRESSEE, blocks.get(3).detail());
    }

    @Test
    void aDocumentNumberUnderTheTitleAndABodyAddressedAloneBig5() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "compiled-big5.txt", String.join("\n",
                "江州市人民政府關於加強冬季消防安全工作的通知",
                "（江政發〔2021〕3號）",
                "市公安局：",
                "入冬以來，全市火災隱患增多，請你局會同有關部門開展消防安全大檢查。",
                "江州市人民政府",
                "二○二一年十一月二日",
                "（此件公開發布）", ""), BIG5);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertEquals(List.of("（江政發〔2021〕3號）"), texts(front(tei), "docImprint"));
        assertEquals(List.of("市公安局："), texts(one(tei.getDocumentElement(), "opener"), "salute"));
        Metadata m = TestSupport.model(p).meta();
        assertEquals("江政發〔2021〕3號", m.docNumber());
        assertEquals(List.of("市公安局"), m.addressees());
        assertEquals("2021-11-02", m.date().when());
        Element closer = one(tei.getDocumentElement(), "closer");
        assertEquals(List.of("江州市人民政府"), texts(closer, "signed"));
        assertEquals(List.of("（此件公開發布）"), texts(one(tei.getDocumentElement(), "body"), "trailer"));
        assertEquals(List.of(), Schemas.jiaokan().validate(TestSupport.convert(p, CONVERTED_ON), "compiled-big5"));
    }

    @Test
    void aTitleAboutADocumentIsNotAnIssuingBodysMark() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "about.txt",
                "关于转发省公安厅有关文件\n各派出所：\n现将省公安厅有关文件转发给你们，请认真贯彻执行。\n", GBK);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertTrue(texts(front(tei), "docAuthor").isEmpty());
        assertEquals(List.of("关于转发省公安厅有关文件"), texts(front(tei), "titlePart"));
    }

    @Test
    void aSalutationWithTheBig5VerticalColonOpensTheSpeech() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "colon-big5.txt",
                "在全縣交通安全工作會議上的講話\n各位領導、同志們︰\n今天召開全縣交通安全工作會議，部署下一階段工作。\n謝謝大家。\n", BIG5);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertEquals(List.of("各位領導、同志們︰"), texts(one(tei.getDocumentElement(), "opener"), "salute"));
    }

    // ------------------------------------------------------------------ web pages

    @Test
    void webPagePublisherOriginalSourceUrlAndTimestampAreKeptApart() throws Exception {
        Metadata m = meta("page-html");
        assertEquals("江州新闻网", m.publisher());
        assertEquals("江州日报", m.originalSource());
        assertEquals("https://news.example.cn/2020/03/25/c_1234.htm", m.pageUrl(), "the canonical link wins over og:url");
        assertEquals("周海涛", m.author(), "the credit word 本报记者 is not the name");
        assertEquals("2020-03-25T18:08:57", m.published().when());

        Document tei = tei("page-html");
        Element bibl = one(header(tei), "bibl");
        assertEquals("江州新闻网", one(bibl, "publisher").getTextContent());
        assertTrue(texts(bibl, "orgName").contains("江州日报"), "the original source is kept beside the publisher");
        assertTrue(Dom.descendants(bibl, "idno").stream().anyMatch(i -> "URI".equals(i.getAttribute("type"))
                && i.getTextContent().equals("https://news.example.cn/2020/03/25/c_1234.htm")));
        assertEquals("周海涛", one(one(header(tei), "titleStmt"), "author").getTextContent());
        Element textDate = Dom.descendants(one(front(tei), "byline"), "date").get(0);
        assertEquals("2020-03-25T18:08:57", textDate.getAttribute("when"));
        assertEquals("2020-03-25 18:08:57", textDate.getTextContent(), "the time of day is inside the date");
    }

    @Test
    void aChineseDateWithATimeOfDayIsOneMoment() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "moment-big5.txt",
                "江州警方破獲一起盜竊案\n發布時間：2021年7月15日 09:30\n7月14日，江州市公安局破獲一起入室盜竊案。\n", BIG5);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        Element date = Dom.descendants(Dom.child(tei.getDocumentElement(), "text").orElseThrow(), "date").get(0);
        assertEquals("2021-07-15T09:30:00", date.getAttribute("when"));
        assertEquals("2021年7月15日 09:30", date.getTextContent());
    }

    @Test
    void aCreditWordAloneIsNoAuthor() throws Exception {
        Path p = dir.resolve("credit-word.html");
        Files.writeString(p, FrontMatterCorpus.HTML
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"author\" content=\"记者\">")
                .replace("作者：本报记者 周海涛", "作者：记者"));
        Metadata m = TestSupport.model(p).meta();
        assertEquals("", m.author());
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertTrue(texts(header(tei), "author").stream().noneMatch(a -> a.equals("记者")));
    }

    @Test
    void ogUrlIsThePageUrlWithoutACanonicalLink() throws Exception {
        Path p = dir.resolve("og.html");
        Files.writeString(p, FrontMatterCorpus.HTML.replaceFirst("<link rel=\"canonical\"[^>]*>", ""));
        assertEquals("https://news.example.cn/2020/03/25/c_1234.htm?from=og", TestSupport.model(p).meta().pageUrl());
    }

    @Test
    void aSavedPageGivesItsAddressAndCaptureDate() throws Exception {
        Path p = dir.resolve("saved.html");
        String page = FrontMatterCorpus.HTML
                .replaceFirst("<link rel=\"canonical\"[^>]*>", "")
                .replaceFirst("<meta property=\"og:url\"[^>]*>", "")
                .replaceFirst("<html ", "<!--\n Page saved with SingleFile \n url: https://news.example.cn/2020/03/25/c_1234.htm \n"
                        + " saved date: Thu Mar 26 2020 09:15:42 GMT+0800 (China Standard Time)\n-->\n<html ");
        Files.writeString(p, page);
        Metadata m = TestSupport.model(p).meta();
        assertEquals("https://news.example.cn/2020/03/25/c_1234.htm", m.pageUrl());
        assertEquals("2020-03-26T09:15:42", m.captured().when());
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        assertTrue(Dom.descendants(one(header(tei), "bibl"), "date").stream()
                .anyMatch(d -> "captured".equals(d.getAttribute("type")) && "2020-03-26T09:15:42".equals(d.getAttribute("when"))));
        assertEquals(List.of(), Schemas.jiaokan().validate(TestSupport.convert(p, CONVERTED_ON), "saved"));
        assertEquals(List.of(), TestSupport.teiAll().validate(TestSupport.convert(p, CONVERTED_ON), "saved"));
    }

    // ------------------------------------------------------------------ header

    @Test
    void headerContentCarriesTheLanguageOfTheText() throws Exception {
        Document tei = tei("notice-big5");
        Element h = header(tei);
        assertEquals("en", h.getAttribute("xml:lang"), "the header's prose is English");
        for (Element e : Dom.descendants(h, "title")) assertEquals("zh-Hant", e.getAttribute("xml:lang"));
        for (Element e : Dom.descendants(h, "author")) assertEquals("zh-Hant", e.getAttribute("xml:lang"));
        for (Element e : Dom.descendants(one(h, "bibl"), "persName")) assertEquals("zh-Hant", e.getAttribute("xml:lang"));
        Document page = tei("page-html");
        assertEquals("zh-Hans", one(one(header(page), "bibl"), "publisher").getAttribute("xml:lang"));
    }

    @Test
    void aTitleMadeFromTheOpeningWordsIsDevised() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "untitled.txt",
                "今年以来，全市公安机关紧紧围绕平安建设目标，扎实推进各项工作。\n群众安全感和满意度持续提升。\n", GBK);
        Metadata m = TestSupport.model(p).meta();
        assertTrue(m.titleSupplied());
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        for (String parent : List.of("titleStmt", "bibl")) {
            Element title = one(one(header(tei), parent), "title");
            assertEquals("desc", title.getAttribute("type"), parent);
            assertTrue(title.getTextContent().startsWith("[") && title.getTextContent().endsWith("]"), parent);
        }
        assertTrue(Dom.descendants(one(header(tei), "bibl"), "note").stream()
                .anyMatch(n -> "title".equals(n.getAttribute("type")) && n.getTextContent().contains("devised")));
    }

    @Test
    void thePublicationDateIsNotEarlierThanTheConversion() throws Exception {
        byte[] b = TestSupport.convert(FILES.get("news-gbk"), "2099-12-31");
        Document tei = TestSupport.parse(b);
        Element pubDate = one(one(header(tei), "publicationStmt"), "date");
        String change = one(one(header(tei), "revisionDesc"), "change").getAttribute("when");
        assertTrue(pubDate.getAttribute("when").compareTo(change) >= 0,
                () -> pubDate.getAttribute("when") + " is earlier than " + change);
    }

    // ------------------------------------------------------------------ dates in the text

    @Test
    void monthAndDayInTheTextTakeTheInferredYearWithLowCertainty() throws Exception {
        Document tei = tei("news-gbk");
        assertEquals("2019-05-30", creationDate(tei).getAttribute("when"));
        Element body = one(tei.getDocumentElement(), "body");
        Element date = Dom.descendants(body, "date").stream().filter(d -> d.getTextContent().equals("5月30日"))
                .findFirst().orElseThrow();
        assertEquals("2019-05-30", date.getAttribute("when"));
        assertEquals("low", date.getAttribute("cert"));
        assertTrue(TeiWriter.isOwnResp(date.getAttribute("resp")), date.getAttribute("resp"));
        Element stated = Dom.descendants(one(tei("speech-gbk").getDocumentElement(), "body"), "date").stream()
                .filter(d -> d.getTextContent().equals("6月26日")).findFirst().orElseThrow();
        assertEquals("2019-06-26", stated.getAttribute("when"));
        assertEquals("low", stated.getAttribute("cert"));
    }

    @Test
    void monthAndDayStayWithoutAYearWhenNoneCanBeInferred() throws Exception {
        Path p = FrontMatterCorpus.writeText(dir, "no-year.txt",
                "江州警方开展夏季巡逻\n8月3日，江州市公安局组织民警开展夏季夜间巡逻。\n巡逻持续到凌晨。\n", GBK);
        Document tei = TestSupport.parse(TestSupport.convert(p, CONVERTED_ON));
        Element date = Dom.descendants(one(tei.getDocumentElement(), "body"), "date").get(0);
        assertEquals("--08-03", date.getAttribute("when"));
    }

    // ------------------------------------------------------------------ contract

    @Test
    void everyFixtureIsValidAndLossless() throws Exception {
        for (String name : FILES.keySet()) {
            byte[] b = bytes(name);
            assertEquals(List.of(), Schemas.jiaokan().validate(b, name), name);
            Document tei = TestSupport.parse(b);
            String dip = TestSupport.noSpace(Readings.diplomatic(tei));
            if (!name.endsWith("html") && !name.endsWith("docx")) {
                Charset cs = name.contains("big5") || name.contains("withheld") ? BIG5 : GBK;
                String source = TestSupport.noSpace(new String(Files.readAllBytes(FILES.get(name)), cs));
                assertEquals(source, dip, name);
            }
        }
    }

    @Test
    void everyFixtureIsValidTeiAll() throws Exception {
        var teiAll = TestSupport.teiAll();
        for (String name : FILES.keySet()) assertEquals(List.of(), teiAll.validate(bytes(name), name), name);
    }
}
