package org.jiaokan.publish;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.serialize.SerializationProperties;
import org.jiaokan.publish.html.PageWriter;
import org.jiaokan.publish.html.SaxonPages;
import org.jiaokan.publish.html.TwinPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages written by {@link PageWriter} (the documents' and the edition's) are, byte for byte, those Saxon's
 * serializer writes (behind {@link TwinPages} for a page and its twin): every file of the example edition's and the site tests' sites; a
 * stylesheet writing each thing the HTML output method treats apart (escaping in text and attributes, control
 * characters, characters outside the BMP, void and empty elements, boolean and URI attributes, script and style);
 * the twin's marks (text, elements, attributes' values, marks inside marks). What the writer leaves to Saxon (an
 * element in a namespace, a comment, other output settings) makes the page again with Saxon's serializer.
 */
class PageWriterTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        Publisher.pageWriter = true;
    }

    @Test
    void theExampleEditionsSiteIsTheSerializersByteForByte() throws IOException {
        assertEquals(0, sameSite(Path.of("tei"), "example"));
    }

    @Test
    void theSiteTestEditionsSiteIsTheSerializersByteForByte() throws IOException {
        assertEquals(0, sameSite(Path.of("src/test/resources/org/jiaokan/site/edition"), "site"));
    }

    @Test
    void pagesWithAnElementInANamespaceAreWrittenBySaxonsSerializer() throws IOException {
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        // an inline SVG on every document page, as an edition's own theme may put there
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\" aria-hidden=\"true\"><circle r=\"4\" cx=\"4\" cy=\"4\"/></svg>";
        IncrementalPublishTest.override(edition, "document.xsl", "<article class=\"document\" aria-labelledby=\"jk--title\">",
                "<article class=\"document\" aria-labelledby=\"jk--title\">" + svg);
        // and on the documents' list, one of the edition pages
        String listHeading = "<h1><xsl:sequence select=\"f:ui('list.heading')\"/></h1>";
        IncrementalPublishTest.override(edition, "site.xsl", listHeading, svg + listHeading);
        // each of the five documents' transformations (a twin comes from the same one), and the edition pages once
        assertEquals(6, sameSite(edition, "svg"), "transformations left to Saxon's serializer");
        for (String page : List.of("doc/jk-000_48375d0ce296dd95.html", "documents.html")) {
            assertTrue(Files.readString(tmp.resolve("svg-writer/" + page)).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\""),
                    page + ": the SVG written with its namespace");
        }
    }

    @Test
    void uriAttributesWithCharactersOutsideAsciiAreEscapedAsSaxonEscapesThem() throws IOException {
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        String links = "<p class=\"jk-test\"><a href=\"../文档/{$docid}.html#第 1 段\" title=\"文档 𠀀\">文档</a>"
                + "<a name=\"锚\"/><img src=\"图 1.png\" alt=\"图 1\"/><form action=\"搜索?q=名\"/><a href=\"plain.html\">x</a></p>";
        IncrementalPublishTest.override(edition, "document.xsl", "<article class=\"document\" aria-labelledby=\"jk--title\">",
                "<article class=\"document\" aria-labelledby=\"jk--title\">" + links);
        assertEquals(0, sameSite(edition, "uri"));
        String page = Files.readString(tmp.resolve("uri-writer/doc/jk-000_48375d0ce296dd95.html"));
        assertTrue(page.contains("href=\"../%E6%96%87%E6%A1%A3/jk-000_48375d0ce296dd95.html#%E7%AC%AC 1 %E6%AE%B5\""), "href escaped");
        assertTrue(page.contains("title=\"文档 𠀀\""), "title: not a URI, as it was");
        assertTrue(page.contains("src=\"%E5%9B%BE 1.png\" alt=\"图 1\""), "src escaped, alt not");
        assertTrue(page.contains("action=\"%E6%90%9C%E7%B4%A2?q=%E5%90%8D\""), "form/@action escaped");
        assertTrue(page.contains("<a name=\"%E9%94%9A\"></a>"), "a/@name escaped");
    }

    /** A page holding each thing the HTML output method writes in its own way. */
    private static final String CASES = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
              <xsl:template match="/">
                <html lang="zh-Hans"><head><meta charset="utf-8"/><title>a &lt; b &amp; c</title>
                  <script>if (a &lt; b &amp;&amp; c) { x = "&lt;/p&gt;"; }</script>
                  <style>p &gt; a { content: "&amp;"; }</style>
                  <script src="a b/文.js" defer="defer"></script><link rel="stylesheet" href="x.css"/></head>
                <body class="jk" hidden="hidden">
                  <p title="{'&amp;{x} &amp; &quot; '' &lt; &gt; &#9;&#10;&#13; &#160; &#127;&#128;&#159; 𠀀 中'}" data-x="">text &lt;&gt;&amp;"' &#13; &#160; &#127;&#128;&#159;&#161; 𠀀 中文 &#9;tab&#10;line</p>
                  <div hidden=""></div><div hidden="HIDDEN"></div><p selected="selected"></p>
                  <select><option selected="selected" value="1">1</option><option disabled="disabled">2</option></select>
                  <input type="checkbox" checked="checked"/><input checked="no"/>
                  <br/><hr/><img src="图 1.png" alt="图 1"/><img src="plain.png"></img>
                  <a href="#第 1 段" name="锚">link</a><div href="中">not a URI</div><q cite="中">q</q>
                  <span xml:lang="en">xml:lang</span><span lang="{'x&quot;y'}">quote</span>
                  <textarea readonly="readonly"></textarea><script>var s = '<xsl:value-of select="'中&amp;'"/>';</script>
                  <xsl:element name="br">content of a void element</xsl:element>
                  <ul><li>1</li><li/></ul>
                </body></html>
              </xsl:template>
            </xsl:stylesheet>
            """;

    @Test
    void eachThingTheHtmlMethodTreatsApartIsWrittenAsSaxonWritesIt() throws SaxonApiException {
        Processor p = new Processor(false);
        Xslt30Transformer t = compile(p, CASES).load30();
        XdmNode source = source(p);
        ByteArrayOutputStream saxon = new ByteArrayOutputStream();
        t.applyTemplates(source, SaxonPages.serializer(p, saxon));
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        t.applyTemplates(source, PageWriter.page(ours));
        String page = saxon.toString(StandardCharsets.UTF_8);
        // the page holds what it is meant to test
        assertTrue(page.startsWith("<!DOCTYPE HTML><html lang=\"zh-Hans\">"), page);
        for (String s : List.of("&{x} &amp; &#34; ' < &gt; &#x9;&#xA;&#xD; &nbsp; &#x80;&#x9f; 𠀀 中", "&#xD; &nbsp; &#x80;&#x9f;¡ 𠀀 中文",
                "if (a < b && c) { x = \"</p>\"; }", "<option selected value=\"1\">", "<input type=\"checkbox\" checked>", "<div hidden=\"\"></div>",
                "<p selected=\"selected\"></p>", "defer></script>", "src=\"a b/%E6%96%87.js\"", "<br>content of a void element<ul>", "<li></li>",
                "href=\"#%E7%AC%AC 1 %E6%AE%B5\" name=\"%E9%94%9A\"", "<div href=\"中\">", "cite=\"%E4%B8%AD\"", "xml:lang=\"en\"", "var s = '中&';")) {
            assertTrue(page.contains(s), "the serializer's page holds " + s + ":\n" + page);
        }
        assertEquals(page, ours.toString(StandardCharsets.UTF_8));
        assertArrayEquals(saxon.toByteArray(), ours.toByteArray());
    }

    /** A tree marked for a page and its twin as the document stylesheet marks it, with marks inside marks. */
    private static final String TWINS = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
              <xsl:template match="/">
                <html lang="zh-Hans" jk-twin-lang="zh-Hant"><head><jk-twin><meta name="robots" content="noindex"/></jk-twin>
                  <title><jk-main>简体</jk-main><jk-twin>繁體</jk-twin></title></head>
                <body><p class="a" lang="zh-Hans" jk-twin-lang="zh-Hant" id="p1">共同<jk-main>简</jk-main><jk-twin>簡</jk-twin>文字</p>
                  <p jk-twin-title="繁 &amp; &quot;" class="b">no title on the page</p>
                  <p title="plain" jk-twin-title="{'x &amp; &quot;y&quot; &lt;'}">a literal title and the twin's, to escape</p>
                  <div><jk-main><a href="x.zh-Hant.html">繁</a><jk-twin>inside</jk-twin></jk-main><jk-twin><a href="x.html">简<jk-main>in</jk-main></a></jk-twin></div>
                  <span><jk-main>only main</jk-main></span><span><jk-twin/></span><br/><jk-twin><br/></jk-twin>
                </body></html>
              </xsl:template>
            </xsl:stylesheet>
            """;

    @Test
    void aPageAndItsTwinAreWhatSaxonWritesBehindTheTwinFilter() throws SaxonApiException {
        Processor p = new Processor(false);
        Xslt30Transformer t = compile(p, TWINS).load30();
        XdmNode source = source(p);
        ByteArrayOutputStream saxonMain = new ByteArrayOutputStream();
        ByteArrayOutputStream saxonTwin = new ByteArrayOutputStream();
        TwinPages.Marks saxonMarks = new TwinPages.Marks();
        t.applyTemplates(source, TwinPages.of(SaxonPages.serializer(p, saxonMain), SaxonPages.serializer(p, saxonTwin), saxonMarks));
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream twin = new ByteArrayOutputStream();
        TwinPages.Marks marks = new TwinPages.Marks();
        t.applyTemplates(source, PageWriter.twins(main, twin, marks));
        String m = saxonMain.toString(StandardCharsets.UTF_8);
        String w = saxonTwin.toString(StandardCharsets.UTF_8);
        assertTrue(m.contains("<title>简体</title>") && w.contains("<title>繁體</title>"), m + "\n" + w);
        assertTrue(w.contains("<p class=\"a\" lang=\"zh-Hant\" id=\"p1\">共同簡文字</p>"), w);
        assertTrue(w.contains("<p class=\"b\" title=\"繁 &amp; &#34;\">"), w);
        // the twin's value in the place of a literal one is escaped (the literal's flag of nothing to escape is not kept)
        assertTrue(m.contains("<p title=\"plain\">") && w.contains("<p title=\"x &amp; &#34;y&#34; <\">"), w);
        assertTrue(m.contains("<div><a href=\"x.zh-Hant.html\">繁</a></div>") && w.contains("<div><a href=\"x.html\">简</a></div>"), m + "\n" + w);
        assertEquals(m, main.toString(StandardCharsets.UTF_8));
        assertEquals(w, twin.toString(StandardCharsets.UTF_8));
        assertTrue(saxonMarks.any() && marks.any());
        // a page without marks is told apart (its caller makes the twin with a transformation of its own)
        Xslt30Transformer plain = compile(p, CASES).load30();
        TwinPages.Marks unmarked = new TwinPages.Marks();
        plain.applyTemplates(source(p), PageWriter.twins(new ByteArrayOutputStream(), new ByteArrayOutputStream(), unmarked));
        assertFalse(unmarked.any(), "a page without marks");
    }

    @Test
    void whatTheWriterLeavesToSaxonStopsThePage() throws SaxonApiException {
        Processor p = new Processor(false);
        for (String body : List.of("<xsl:comment>c</xsl:comment>", "<xsl:processing-instruction name=\"pi\">x</xsl:processing-instruction>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "<DIV/>", "<xsl:text disable-output-escaping=\"yes\">&lt;b&gt;</xsl:text>",
                "<p xmlns:x=\"urn:x\" x:a=\"1\"/>")) {
            String xsl = "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                    + "<xsl:output method=\"html\" html-version=\"5\" indent=\"no\" include-content-type=\"no\"/>"
                    + "<xsl:template match=\"/\"><html><body>" + body + "</body></html></xsl:template></xsl:stylesheet>";
            Xslt30Transformer t = compile(p, xsl).load30();
            t.setErrorReporter(err -> { });
            SaxonApiException e = assertThrows(SaxonApiException.class,
                    () -> t.applyTemplates(source(p), PageWriter.page(new ByteArrayOutputStream())), body);
            assertTrue(PageWriter.unsuited(e), body + ": " + e);
        }
        String indented = "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                + "<xsl:output method=\"html\" indent=\"yes\"/><xsl:template match=\"/\"><html/></xsl:template></xsl:stylesheet>";
        SaxonApiException e = assertThrows(SaxonApiException.class,
                () -> compile(p, indented).load30().applyTemplates(source(p), PageWriter.page(new ByteArrayOutputStream())));
        assertTrue(PageWriter.unsuited(e), e.toString());
    }

    @Test
    void onlyTheSitesOwnOutputSettingsAreWrittenByTheWriter() {
        assertTrue(PageWriter.plain(props()));
        assertTrue(PageWriter.plain(props("method", "html", "indent", "no", "include-content-type", "no", "html-version", "5", "encoding", "UTF-8",
                "{http://saxon.sf.net/}stylesheet-version", "30")));
        assertTrue(PageWriter.plain(props("method", "html", "html-version", "5.0", "encoding", "utf-8", "indent", "no")));
        assertFalse(PageWriter.plain(props("indent", "yes")));
        assertFalse(PageWriter.plain(props("method", "xhtml")));
        assertFalse(PageWriter.plain(props("html-version", "4.01")));
        assertFalse(PageWriter.plain(props("doctype-system", "about:legacy-compat")));
        assertFalse(PageWriter.plain(props("escape-uri-attributes", "no")));
        assertFalse(PageWriter.plain(props("encoding", "GB18030")));
    }

    private static net.sf.saxon.s9api.XsltExecutable compile(Processor p, String xsl) throws SaxonApiException {
        return p.newXsltCompiler().compile(new StreamSource(new StringReader(xsl)));
    }

    private static XdmNode source(Processor p) throws SaxonApiException {
        return p.newDocumentBuilder().build(new StreamSource(new StringReader("<x/>")));
    }

    private static SerializationProperties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return new SerializationProperties(p);
    }

    /** An edition's own copy of a bundled module with {@code from} replaced by {@code to}. */
    /** Publishes {@code edition} both ways, checks that every file is the same, and returns the pages left to Saxon. */
    private int sameSite(Path edition, String name) throws IOException {
        int before = Publisher.leftToSaxon.get();
        Publisher.pageWriter = true;
        Path ours = tmp.resolve(name + "-writer");
        assertEquals(List.of(), publish(edition, ours).errors());
        int left = Publisher.leftToSaxon.get() - before;

        Publisher.pageWriter = false;
        Path saxon = tmp.resolve(name + "-saxon");
        Publisher.Result r = publish(edition, saxon);
        assertEquals(List.of(), r.errors());
        assertEquals(left, Publisher.leftToSaxon.get() - before, "the comparison run took Saxon's serializer throughout");

        Map<String, byte[]> a = IncrementalPublishTest.files(ours);
        Map<String, byte[]> b = IncrementalPublishTest.files(saxon);
        long pages = b.keySet().stream().filter(k -> k.startsWith("doc/") && k.endsWith(".html")).count();
        assertTrue(pages >= 4, "document pages compared: " + pages);
        assertTrue(b.keySet().stream().filter(k -> k.endsWith(".html")).count() > pages + 5, "edition pages compared");
        IncrementalPublishTest.assertSameFiles(b, a, name + " by Saxon's serializer against the writer");
        return left;
    }

    private static Publisher.Result publish(Path edition, Path out) throws IOException {
        return new Publisher(new Publisher.Options(out, Set.of("html"), null, 2)).publish(List.of(edition));
    }
}
