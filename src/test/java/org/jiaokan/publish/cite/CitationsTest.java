package org.jiaokan.publish.cite;

import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Citations of invented documents of each kind: a speech with its speaker (simplified script), a
 * notice of an issuing body (simplified), a news item with its reporter (traditional) and a document
 * whose title the editors devised (traditional, uncertain date).
 */
class CitationsTest {

    private static final EditionInfo EDITION = new EditionInfo("公安文書示例版", "Jiaokan project", "https://example.org/ed/");
    private static final Citations CITATIONS = Citations.forEdition(EDITION);

    static Document fixture(String name) throws Exception {
        try (InputStream in = CitationsTest.class.getResourceAsStream(name + ".xml")) {
            assertNotNull(in, name);
            return Xml.parse(in.readAllBytes());
        }
    }

    static CitationSet cite(String name) throws Exception {
        return CITATIONS.of(fixture(name), "https://example.org/ed/doc/t-" + name + ".html");
    }

    @Test
    void speechIsCitedUnderItsSpeaker() throws Exception {
        CitationSet c = cite("speech");
        assertEquals("孟庆林. 在全市公安机关夏季治安整治动员会上的讲话[EB/OL]. (2018-06-12). https://example.org/ed/doc/t-speech.html.", c.gbt7714());
        assertEquals("孟庆林. “在全市公安机关夏季治安整治动员会上的讲话.” 公安文書示例版. Jiaokan project, June 12, 2018. https://example.org/ed/doc/t-speech.html.", c.chicago());
        assertEquals("孟庆林. (2018, June 12). 在全市公安机关夏季治安整治动员会上的讲话. 公安文書示例版; Jiaokan project. https://example.org/ed/doc/t-speech.html", c.apa());
    }

    @Test
    void noticeIsCitedUnderItsIssuingBody() throws Exception {
        CitationSet c = cite("notice");
        assertEquals("青山市公安局交通警察支队. 关于开展道路交通安全隐患排查整治工作的通知[EB/OL]. (2021-09-03). https://example.org/ed/doc/t-notice.html.", c.gbt7714());
        assertEquals("青山市公安局交通警察支队. “关于开展道路交通安全隐患排查整治工作的通知.” 公安文書示例版. Jiaokan project, September 3, 2021. https://example.org/ed/doc/t-notice.html.", c.chicago());
        assertEquals("青山市公安局交通警察支队. (2021, September 3). 关于开展道路交通安全隐患排查整治工作的通知. 公安文書示例版; Jiaokan project. https://example.org/ed/doc/t-notice.html", c.apa());
        // The body is one name: never split into given and family names.
        assertTrue(c.bibtex().contains("author = {{青山市公安局交通警察支队}}"), c.bibtex());
    }

    @Test
    void newsItemIsCitedUnderItsReporterWithThePublicationDate() throws Exception {
        CitationSet c = cite("news");
        // The source's publication date (30 November) wins over the meeting's date (29 November).
        assertEquals("龐曉薇. 東嶺縣召開冬季消防安全工作會議 部署2022年火災防控[EB/OL]. (2021-11-30). https://example.org/ed/doc/t-news.html.", c.gbt7714());
        assertEquals("龐曉薇. “東嶺縣召開冬季消防安全工作會議 部署2022年火災防控.” 公安文書示例版. Jiaokan project, November 30, 2021. https://example.org/ed/doc/t-news.html.", c.chicago());
        assertEquals("龐曉薇. (2021, November 30). 東嶺縣召開冬季消防安全工作會議 部署2022年火災防控. 公安文書示例版; Jiaokan project. https://example.org/ed/doc/t-news.html", c.apa());
        assertEquals("""
                TY  - ELEC\r
                ID  - t-news\r
                AU  - 龐曉薇\r
                TI  - 東嶺縣召開冬季消防安全工作會議 部署2022年火災防控\r
                T2  - 公安文書示例版\r
                PY  - 2021\r
                DA  - 2021/11/30/\r
                PB  - Jiaokan project\r
                UR  - https://example.org/ed/doc/t-news.html\r
                LA  - zh-TW\r
                N1  - Original source: 東嶺日報\r
                N1  - Original URL: http://news.example.com/a/2021/1130/123.html\r
                ER  - \r
                """, c.ris());
        assertEquals("""
                @misc{t-news,
                  author = {{龐曉薇}},
                  title = {{東嶺縣召開冬季消防安全工作會議 部署2022年火災防控}},
                  year = {2021},
                  date = {2021-11-30},
                  howpublished = {公安文書示例版},
                  publisher = {Jiaokan project},
                  url = {https://example.org/ed/doc/t-news.html},
                  language = {zh-TW},
                  note = {Original source: 東嶺日報. \\url{http://news.example.com/a/2021/1130/123.html}}
                }
                """, c.bibtex());
    }

    @Test
    void devisedTitleKeepsItsBracketsAndIsCitedByTitle() throws Exception {
        CitationSet c = cite("devised");
        assertEquals("[3月上旬,全區公安機關召開禁毒工作推進會…][EB/OL]. (2017-03). https://example.org/ed/doc/t-devised.html.", c.gbt7714());
        // No author: Chicago starts with the title (not the site's name); the uncertain date is marked.
        assertEquals("“[3月上旬,全區公安機關召開禁毒工作推進會…].” Jiaokan project, [March 2017?]. https://example.org/ed/doc/t-devised.html.", c.chicago());
        assertEquals("[3月上旬,全區公安機關召開禁毒工作推進會…]. (ca. 2017, March). 公安文書示例版; Jiaokan project. https://example.org/ed/doc/t-devised.html", c.apa());
        assertTrue(c.ris().contains("N1  - Title devised by the editors\r\n"), c.ris());
        assertTrue(c.ris().contains("DA  - 2017/03//\r\n"), c.ris());
    }

    @Test
    void cslJsonIsOneItemWithTheHeadersFacts() throws Exception {
        CitationSet c = cite("devised");
        assertEquals("[{\"id\":\"t-devised\",\"type\":\"webpage\",\"language\":\"zh-TW\",\"issued\":{\"date-parts\":[[2017,3]],\"circa\":true},"
                + "\"container-title\":\"\\u516C\\u5B89\\u6587\\u66F8\\u793A\\u4F8B\\u7248\",\"note\":\"Title devised by the editors\","
                + "\"publisher\":\"Jiaokan project\",\"title\":\"[3\\u6708\\u4E0A\\u65EC,\\u5168\\u5340\\u516C\\u5B89\\u6A5F\\u95DC\\u53EC\\u958B"
                + "\\u7981\\u6BD2\\u5DE5\\u4F5C\\u63A8\\u9032\\u6703\\u2026]\",\"URL\":\"https://example.org/ed/doc/t-devised.html\"}]\n", c.cslJson());
    }

    @Test
    void theMapHasEveryFormatByName() throws Exception {
        java.util.Map<String, String> m = CITATIONS.citations(fixture("speech"), "https://example.org/ed/doc/t-speech.html");
        assertEquals(List.of("gbt7714", "chicago", "apa", "bibtex", "ris", "csl-json"), List.copyOf(m.keySet()));
        assertEquals(cite("speech").gbt7714(), m.get("gbt7714"));
    }

    @Test
    void outsideAnEditionTheFilesOwnPublisherIsNamed() throws Exception {
        CitationSet c = Citations.forEdition(EditionInfo.NONE).of(fixture("speech"), null);
        assertEquals("孟庆林. “在全市公安机关夏季治安整治动员会上的讲话.” Jiaokan project, June 12, 2018. https://example.org/ed/t-speech.html.", c.chicago());
        assertEquals("孟庆林. 在全市公安机关夏季治安整治动员会上的讲话[EB/OL]. (2018-06-12). https://example.org/ed/t-speech.html.", c.gbt7714());
        assertTrue(c.ris().contains("PB  - Jiaokan project\r\n") && !c.ris().contains("T2  - "), c.ris());
    }

    @Test
    void withoutAGivenUrlTheHeadersCanonicalUriIsCited() throws Exception {
        CitationSet c = CITATIONS.of(fixture("speech"), null);
        assertTrue(c.gbt7714().endsWith(" https://example.org/ed/t-speech.html."), c.gbt7714());
        assertTrue(c.ris().contains("UR  - https://example.org/ed/t-speech.html\r\n"));
    }

    @Test
    void aParagraphIsCitedWithItsAnchor() throws Exception {
        CitationSet c = CITATIONS.of(fixture("notice"), "https://example.org/ed/doc/t-notice.html#p-3");
        assertTrue(c.gbt7714().endsWith(". https://example.org/ed/doc/t-notice.html#p-3."), c.gbt7714());
        assertTrue(c.bibtex().contains("url = {https://example.org/ed/doc/t-notice.html\\#p-3}"), c.bibtex());
    }

    @Test
    void noSourceStringCanBreakOutOfABibTeXFieldOrARisLine() throws Exception {
        String xml = new String(CitationsTest.class.getResourceAsStream("speech.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("<title type=\"main\" xml:lang=\"zh-Hans\">在全市公安机关夏季治安整治动员会上的讲话</title>",
                        "<title type=\"main\" xml:lang=\"zh-Hans\">讲话}, note = {\\input{/etc/passwd} 100% &amp; $x$ #1 a_b ^ ~&#10;TY  - JOUR</title>");
        CitationSet c = CITATIONS.of(Xml.parse(xml), "https://example.org/ed/doc/a b{c}.html");
        assertTrue(c.bibtex().contains("title = {{讲话\\}, note = \\{\\textbackslash{}input\\{/etc/passwd\\} 100\\% \\& \\$x\\$ \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} TY - JOUR}}"), c.bibtex());
        assertTrue(c.bibtex().contains("url = {https://example.org/ed/doc/a\\%20b\\%7Bc\\%7D.html}"), c.bibtex());
        // Braces balance: the entry closes exactly once at its end.
        int depth = 0;
        String b = c.bibtex();
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            if (ch == '\\') { i++; continue; }
            if (ch == '{') depth++;
            if (ch == '}') { depth--; assertTrue(depth > 0 || i == b.length() - 2, "entry closed early at " + i + ": " + b); }
        }
        assertEquals(0, depth);
        // The line break in the title cannot start a new RIS record.
        assertEquals(1, c.ris().lines().filter(l -> l.startsWith("TY  - ")).count(), c.ris());
        assertTrue(c.ris().contains("TI  - 讲话}, note = {\\input{/etc/passwd} 100% & $x$ #1 a_b ^ ~ TY - JOUR\r\n"), c.ris());
    }

    @Test
    void markupInATitleStaysLiteralText() throws Exception {
        // The formatted references are plain text: characters that look like markup are kept as
        // characters (nothing lost), and the page that shows them escapes them like any text.
        String xml = new String(CitationsTest.class.getResourceAsStream("notice.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("<title type=\"main\" xml:lang=\"zh-Hans\">关于开展道路交通安全隐患排查整治工作的通知</title>",
                        "<title type=\"main\" xml:lang=\"zh-Hans\">关于&lt;b&gt;整治&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;的通知</title>");
        CitationSet c = CITATIONS.of(Xml.parse(xml), "https://example.org/ed/doc/t-notice.html");
        for (String s : List.of(c.gbt7714(), c.chicago(), c.apa())) {
            assertTrue(s.contains("关于<b>整治</b> & <script>x()</script>的通知"), s);
        }
    }

    /** A header's address that is not a web address (javascript:, file:) reaches no citation, as it reaches no page or record. */
    @Test
    void onlyWebAddressesAreCited() throws Exception {
        String xml = new String(CitationsTest.class.getResourceAsStream("notice.xml").readAllBytes(), StandardCharsets.UTF_8);
        String hostile = xml.replaceFirst("(<publicationStmt>)", "$1<idno type=\"URI\">javascript:alert(21)//x.html</idno>")
                .replaceFirst("(<bibl[^>]*>)", "$1<idno type=\"URI\">file:///etc/passwd</idno>");
        assertNotEquals(xml, hostile);
        CitationSet c = CITATIONS.of(Xml.parse(hostile), "");
        for (String s : List.of(c.gbt7714(), c.chicago(), c.apa(), c.bibtex(), c.ris(), c.cslJson())) {
            assertFalse(s.contains("javascript:") || s.contains("file:"), s);
        }
        assertEquals("https://example.org/x.html", TeiHeaderData.web(" https://example.org/x.html "));
        assertEquals("", TeiHeaderData.web("javascript:alert(1)"));
    }

    @Test
    void oneRunCitesFromManyThreadsWithTheSameResults() throws Exception {
        List<String> names = List.of("speech", "notice", "news", "devised");
        List<CitationSet> expected = new ArrayList<>();
        for (String n : names) expected.add(cite(n));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CitationSet>> got = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String n = names.get(i % 4);
                Document d = fixture(n);
                got.add(pool.submit(() -> CITATIONS.of(d, "https://example.org/ed/doc/t-" + n + ".html")));
            }
            for (int i = 0; i < got.size(); i++) assertEquals(expected.get(i % 4), got.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void editionInfoComesFromTheCorpusHeader() throws Exception {
        Document corpus = Xml.parse("""
                <teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
                <titleStmt><title>示例版：公安文書</title><editor>E</editor></titleStmt>
                <publicationStmt><publisher>某大学图书馆</publisher><idno type="URI">https://example.org/x/</idno><idno type="prefix">jk-</idno></publicationStmt>
                <sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader></teiCorpus>""");
        assertEquals(new EditionInfo("示例版：公安文書", "某大学图书馆", "https://example.org/x/"), EditionInfo.fromCorpus(corpus));
    }

    @Test
    void theDownloadFilesAreWritten(@TempDir Path dir) throws Exception {
        CitationSet c = cite("notice");
        c.writeFiles(dir.resolve("cite"), "t-notice");
        assertEquals(c.bibtex(), Files.readString(dir.resolve("cite/t-notice.bib")));
        assertEquals(c.ris(), Files.readString(dir.resolve("cite/t-notice.ris")));
        assertEquals(c.cslJson(), Files.readString(dir.resolve("cite/t-notice.json")));
        assertThrows(java.io.IOException.class, () -> c.writeFiles(dir, "../escape"));
    }
}
