package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Home, the document list, the registers, the about and search pages, the sitemap; theme overrides; errors. */
class EditionPagesTest {
    @TempDir
    static Path tmp;
    static Path ed;
    static Path site;

    @BeforeAll
    static void publish() throws Exception {
        ed = SiteFixtures.edition(tmp.resolve("ed"));
        site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), ed.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void theDocumentListIsAPlainTableWithFacetsForTheScript() throws Exception {
        Document d = SiteFixtures.page(site.resolve("documents.html"));
        List<Element> rows = d.select("table.documents tbody tr");
        assertEquals(2, rows.size());
        assertEquals("2019-06-12", rows.get(0).child(0).text(), "sorted by date");
        assertEquals("doc/t-notice.html", rows.get(0).selectFirst("a").attr("href"));
        assertEquals("Notice", rows.get(0).attr("data-genre"));
        assertEquals("江州市", rows.get(0).attr("data-place"));
        assertEquals("江州市公安局", rows.get(0).attr("data-issuer"));
        for (String facet : List.of("genre", "place", "issuer", "year")) assertNotNull(d.selectFirst("select[data-facet=" + facet + "]"), facet);
    }

    /** No page title begins or ends with the separator (the front page's began with " · " where its own title is empty). */
    @Test
    void eachPageIsTitledWithTheEditionAfterItsOwnTitle() throws Exception {
        for (String page : List.of("index.html", "documents.html", "persons.html", "about.html")) {
            String title = SiteFixtures.page(site.resolve(page)).title();
            assertFalse(title.isBlank() || title.startsWith(" ") || title.startsWith("·") || title.endsWith("·"), page + ": " + title);
        }
    }

    @Test
    void aRegisterEntryListsEveryMentionInContextLinkedToItsParagraph() throws Exception {
        Document d = SiteFixtures.page(site.resolve("person/per-叶寒冰.html"));
        Element li = d.selectFirst("section.mentions li");
        assertEquals("../doc/t-news.html#kt2-b-000001", li.selectFirst("a.pnum").attr("href"));
        assertEquals("葉寒冰", li.selectFirst("mark").text());
        assertTrue(li.text().contains("縣委書記"), li.text());
        assertTrue(d.selectFirst("dl.entry").text().contains("叶寒冰"));
        Document places = SiteFixtures.page(site.resolve("places.html"));
        assertEquals(2, places.select("ul.register-index li").size());
        assertTrue(SiteFixtures.page(site.resolve("place/pl-嶺東縣.html")).text().contains("999999"), "authority code");
        assertTrue(Files.exists(site.resolve("terms.html")) && Files.exists(site.resolve("orgs.html")));
    }

    @Test
    void twoMentionsInOneParagraphEachShowTheirOwnContext() throws Exception {
        Path two = SiteFixtures.edition(tmp.resolve("two-mentions"));
        Path news = two.resolve("zht-news.xml");
        String tei = Files.readString(news);
        String once = "出席會議並講話。</p>";
        assertTrue(tei.contains(once));
        Files.writeString(news, tei.replace(once, "出席會議並講話。會議通報了全縣一季度禁毒工作的情況，部署了下一階段的重點任務和工作措施。"
                + "會後，<persName ref=\"registers.xml#per-叶寒冰\">葉寒冰</persName>前往戒毒所調研。</p>"));
        Path out = tmp.resolve("two-mentions-site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), two.toString());
        assertEquals(0, r.exit(), r.err());
        List<Element> items = SiteFixtures.page(out.resolve("person/per-叶寒冰.html")).select("section.mentions li");
        assertEquals(2, items.size());
        for (Element li : items) assertEquals("葉寒冰", li.selectFirst("mark").text());
        String first = items.get(0).text(), second = items.get(1).text();
        assertTrue(first.contains("縣委書記葉寒冰出席"), first);
        assertTrue(second.contains("會後，葉寒冰前往戒毒所調研"), second);
        assertFalse(second.contains("縣委書記"), "the second mention's own context, not the first's: " + second);
    }

    @Test
    void aboutShowsEveryKindOfInterventionWithAnExampleWhereTheEditionHasOne() throws Exception {
        Document d = SiteFixtures.page(site.resolve("about.html"));
        assertTrue(d.getElementById("iv-surplus-jammer").text().contains("x7 {k% b2 Q"));
        assertTrue(d.getElementById("iv-sic").text().contains("鍏畨灞€"));
        assertTrue(d.getElementById("iv-fw").text().contains("首页"));
        assertTrue(d.getElementById("iv-redaction").text().contains("×××"));
        assertTrue(d.getElementById("iv-surplus-jammer").selectFirst("a").attr("href").endsWith("view=dipl"));
    }

    @Test
    void theSearchPageFollowsTheContract() throws Exception {
        Document d = SiteFixtures.page(site.resolve("search.html"));
        Element form = d.selectFirst("form[role=search]");
        assertEquals("search.html", form.attr("action"));
        assertEquals("get", form.attr("method"));
        assertEquals("q", form.selectFirst("input[type=search]#q").attr("name"));
        assertEquals("polite", d.getElementById("search-status").attr("aria-live"));
        assertNotNull(d.getElementById("search-facets"));
        assertEquals("ol", d.getElementById("search-results").tagName());
        Element last = d.body().children().last();
        assertEquals("assets/search.js", last.attr("src"));
    }

    @Test
    void homeSitemapAssetsAndInterfaceStrings() throws Exception {
        Document home = SiteFixtures.page(site.resolve("index.html"));
        assertEquals(2, home.select("ul.doc-list li").size());
        assertTrue(home.text().contains("Anti-scraping noise is kept as surplus."), "editorial principles from the documents");
        String map = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(map.contains("<loc>https://example.org/test/t-notice.html</loc>"), map);
        assertTrue(Files.exists(site.resolve("assets/jiaokan.css")) && Files.exists(site.resolve("assets/jiaokan.js")));
        String en = Files.readString(site.resolve("assets/i18n-en.js"));
        assertTrue(en.contains("\"nav.documents\": \"Documents\""), en);
        assertEquals("首页", home.selectFirst("[data-i18n=nav.home]").text(), "the pages are written in zh-Hans");
    }

    @Test
    void anEditionOverridesAThemeFileAtTheSamePath() throws Exception {
        Path own = SiteFixtures.edition(tmp.resolve("own"));
        Files.writeString(own.resolve("edition.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>一个测试版本</title></titleStmt>
                <publicationStmt><idno type="URI">https://example.org/own/</idno></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader></teiCorpus>
                """);
        Files.createDirectories(own.resolve("site/css"));
        Files.writeString(own.resolve("site/css/jiaokan.css"), "body { color: teal; }\n");
        Files.createDirectories(own.resolve("site/i18n"));
        Files.writeString(own.resolve("site/i18n/zh-Hans.xml"), Files.readString(SiteFixtures.resource("/org/jiaokan/site/i18n/zh-Hans.xml"))
                .replace("<s k=\"nav.home\">首页</s>", "<s k=\"nav.home\">本版首页</s>"));
        Path out = tmp.resolve("own-site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), own.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals("body { color: teal; }\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("assets/jiaokan.css")));
        Document home = SiteFixtures.page(out.resolve("index.html"));
        assertEquals("本版首页", home.selectFirst("[data-i18n=nav.home]").text());
        assertTrue(home.selectFirst("h1").text().contains("一个测试版本"));
        assertEquals("一个测试版本", home.title(), "the front page titled by the edition alone (it was \" · 一个测试版本\")");
    }

    @Test
    void aBrokenFileIsOneErrorLineAndTheOthersArePublished() throws Exception {
        Path bad = SiteFixtures.edition(tmp.resolve("bad"));
        Files.writeString(bad.resolve("broken.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>未闭合</body></text></TEI>");
        Files.writeString(bad.resolve("doctype.xml"), "<?xml version=\"1.0\"?><!DOCTYPE TEI SYSTEM \"http://example.invalid/x.dtd\"><TEI/>");
        Path out = tmp.resolve("bad-site");
        CliRun r = CliRun.of("publish", "--formats", "html", "-o", out.toString(), bad.toString());
        assertEquals(1, r.exit());
        List<String> lines = r.errLines();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("jiaokan: error: " + bad.resolve("broken.xml") + ": ")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("jiaokan: error: " + bad.resolve("doctype.xml") + ": ")), r.err());
        assertTrue(Files.exists(out.resolve("doc/t-notice.html")) && Files.exists(out.resolve("doc/t-news.html")));
    }

    @Test
    void publishingTwiceGivesTheSameBytes() throws Exception {
        Path again = tmp.resolve("again");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", again.toString(), ed.toString());
        assertEquals(0, r.exit(), r.err());
        for (Path p : SiteFixtures.pages(site)) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.resolve(site.relativize(p).toString())), p.toString());
        }
    }
}
