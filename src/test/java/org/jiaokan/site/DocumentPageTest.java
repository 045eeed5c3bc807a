package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document pages of a small invented edition: both readings, markers, names, metadata, the other script. */
class DocumentPageTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Document notice;
    static Document news;

    @BeforeAll
    static void publish() throws Exception {
        Path ed = SiteFixtures.edition(tmp.resolve("ed"));
        site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), ed.toString());
        assertEquals(0, r.exit(), r.err());
        notice = SiteFixtures.page(site.resolve("doc/t-notice.html"));
        news = SiteFixtures.page(site.resolve("doc/t-news.html"));
    }

    @Test
    void blocksKeepTheirXmlIdsAndNumbersArePermalinks() {
        Element p = notice.getElementById("kt1-b-000003");
        assertNotNull(p);
        Element pnum = p.selectFirst("a.pnum");
        assertEquals("#kt1-b-000003", pnum.attr("href"));
        assertTrue(pnum.text().startsWith("¶"));
    }

    @Test
    void surplusIsOnlyInTheDiplomaticReadingAndMarkedWithAnExplainedButton() {
        Element pinyin = notice.select(".iv-surplus").stream().filter(e -> e.text().contains("(wěn)")).findFirst().orElseThrow();
        assertTrue(pinyin.hasClass("dipl-only"));
        Element jammer = notice.select(".iv-surplus[data-reason=jammer]").first();
        assertTrue(jammer.text().contains("x7 {k% b2 Q"));
        Element button = jammer.selectFirst("button.mk");
        assertNotNull(button, "a marker button");
        Element tip = notice.getElementById(button.attr("aria-describedby"));
        assertEquals("tooltip", tip.attr("role"));
        assertTrue(tip.text().contains("反爬虫"), tip.text());
        assertFalse(button.text().isBlank(), "the marker has a symbol and an accessible name");
    }

    @Test
    void mojibakeShowsTheSourceInTheDiplomaticAndTheRepairInTheRegularisedReading() {
        Element sic = notice.selectFirst(".iv-sic");
        assertTrue(sic.hasClass("dipl-only"));
        assertTrue(sic.text().contains("鍏畨灞€"));
        Element corr = notice.selectFirst(".iv-corr");
        assertTrue(corr.hasClass("reg-only"));
        assertEquals("公安局", corr.text());
        assertTrue(notice.getElementById(sic.selectFirst("button.mk").attr("aria-describedby")).text().contains("公安局"),
                "the marker says what the text was repaired to");
    }

    @Test
    void redactionsAreInBothReadingsAndFormeWorkOnlyInTheDiplomatic() {
        Element red = notice.selectFirst(".iv-redaction");
        assertTrue(red.text().contains("×××"));
        assertTrue(red.parents().stream().noneMatch(e -> e.hasClass("dipl-only") || e.hasClass("reg-only")));
        assertFalse(red.hasClass("dipl-only"));
        Element fw = notice.getElementById("kt1-b-000001");
        assertTrue(fw.hasClass("dipl-only") && fw.hasClass("iv-fw"));
    }

    @Test
    void theReadingSwitchIsALabelledTwoOptionGroupRegularisedByDefault() {
        Element fs = notice.selectFirst("fieldset.view-switch");
        assertNotNull(fs.selectFirst("legend"));
        List<Element> radios = fs.select("input[type=radio]");
        assertEquals(2, radios.size());
        assertTrue(radios.get(0).hasAttr("checked"));
        assertEquals("reg", radios.get(0).val());
        for (Element r : radios) assertNotNull(fs.selectFirst("label[for=" + r.id() + "]"));
        assertTrue(notice.head().select("script").stream().anyMatch(s -> s.data().contains("view=dipl")), "applied before first paint");
    }

    @Test
    void notesHaveAMarkerAndAnEndList() {
        assertTrue(notice.select(".note-ref button.mk").size() == 1);
        assertTrue(notice.selectFirst("section.notes li").text().contains("局发〔2019〕7号"));
    }

    @Test
    void namesLinkToTheirRegisterPagesWhichExist() throws Exception {
        Element a = notice.select("a.ent-person").first();
        assertEquals("王建国", a.text());
        assertEquals("../person/per-%E7%8E%8B%E5%BB%BA%E5%9B%BD.html", a.attr("href"));
        assertTrue(Files.exists(site.resolve("person/per-王建国.html")));
        assertNotNull(notice.selectFirst("a.ent-place[href=../place/pl-%E6%B1%9F%E5%B7%9E%E5%B8%82.html]"));
        assertNotNull(notice.selectFirst("a.ent-org"));
        assertNotNull(notice.selectFirst("a.ent-term"), "campaign terms have a register of their own");
    }

    @Test
    void metadataPanelShowsDateWithCertaintyAndEvidenceIssuerSourceAndDigest() {
        Element meta = notice.selectFirst("section.meta");
        String t = meta.text();
        assertTrue(t.contains("2019-06-12"), t);
        assertTrue(t.contains("中"), "certainty medium");
        assertTrue(t.contains("Year from the only year the text mentions."), t);
        assertTrue(t.contains("江州市公安局"));
        assertTrue(t.contains("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        assertEquals("https://news.example.cn/a/2019/0612.html", meta.selectFirst("dd.url a").attr("href"));
    }

    @Test
    void downloadsOfTheTeiAndTheRawSource() throws Exception {
        Element dl = notice.selectFirst("section.downloads");
        assertNotNull(dl.selectFirst("a[href=t-notice.xml]"));
        assertNotNull(dl.selectFirst("a[href=../src/notice.txt]"));
        assertNull(dl.selectFirst("a[href$=.pdf]"), "no PDF link when the print edition is not made in the run");
        assertArrayEquals(Files.readAllBytes(SiteFixtures.resource("edition/sources/notice.txt")), Files.readAllBytes(site.resolve("src/notice.txt")));
        assertArrayEquals(Files.readAllBytes(SiteFixtures.resource("edition/zhs-notice.xml")), Files.readAllBytes(site.resolve("doc/t-notice.xml")));
        assertNull(news.selectFirst("section.downloads a[href^=../src/]"), "no raw source for a document whose source is absent");
    }

    private static void assertNull(Object o, String m) { assertTrue(o == null, m); }

    @Test
    void citationPanelCanonicalLinkAndReferenceManagerTags() {
        assertEquals("https://example.org/test/t-notice.html", notice.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("江州市公安局关于开展夏季治安巡查的通知", notice.selectFirst("meta[name=citation_title]").attr("content"));
        assertEquals("2019-06-12", notice.selectFirst("meta[name=citation_date]").attr("content"));
        assertEquals("zh-CN", notice.selectFirst("meta[name=citation_language]").attr("content"));
        assertEquals("zh-TW", news.selectFirst("meta[name=citation_language]").attr("content"));
        assertEquals("report", notice.selectFirst("meta[name=DC.type]").attr("content"));
        assertEquals("article", notice.selectFirst("meta[property=og:type]").attr("content"));
        Element cite = notice.selectFirst("section.cite");
        assertEquals("https://example.org/test/t-notice.html", cite.selectFirst("a.cite-url").attr("href"));
        assertTrue(cite.selectFirst(".cite-text[data-style=gbt7714]").text().contains("江州市公安局关于开展夏季治安巡查的通知[EB/OL]"));
        assertEquals("status", cite.selectFirst(".copy-status").attr("role"));
    }

    @Test
    void everyChineseRunCarriesItsLanguage() throws Exception {
        for (Path p : SiteFixtures.pages(site)) {
            assertEquals(List.of(), SiteFixtures.hanWithoutChineseLang(SiteFixtures.page(p)), p.toString());
        }
        assertEquals("zh-Hant", news.selectFirst("div.text").attr("lang"));
        assertEquals("zh-Hans", notice.selectFirst("div.text").attr("lang"));
    }

    @Test
    void theOtherScriptPageIsConvertedLinkedAndPointsItsCanonicalAtTheSource() throws Exception {
        Document hant = SiteFixtures.page(site.resolve("doc/t-notice.zh-Hant.html"));
        assertEquals("zh-Hant", hant.selectFirst("div.text").attr("lang"));
        assertTrue(hant.getElementById("kt1-b-000003").text().contains("社會治安穩"), hant.getElementById("kt1-b-000003").text());
        assertEquals("https://example.org/test/t-notice.html", hant.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(notice.selectFirst(".script-switch a[href=t-notice.zh-Hant.html]"));
        assertNotNull(hant.selectFirst(".script-switch a[href=t-notice.html]"));
        assertNotNull(hant.selectFirst(".converted-note"));
        // the TEI is never altered
        assertArrayEquals(Files.readAllBytes(SiteFixtures.resource("edition/zhs-notice.xml")), Files.readAllBytes(site.resolve("doc/t-notice.xml")));
        Document hans = SiteFixtures.page(site.resolve("doc/t-news.zh-Hans.html"));
        assertEquals("叶寒冰", hans.selectFirst("a.ent-person").text(), "the register's spelling wins for names");
        assertTrue(hans.getElementById("kt2-b-000001").text().contains("会议"));
    }
}
