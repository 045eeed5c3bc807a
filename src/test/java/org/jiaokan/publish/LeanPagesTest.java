package org.jiaokan.publish;

import net.sf.saxon.serialize.SerializationProperties;
import org.jiaokan.publish.html.HtmlPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site written through the short pipeline of {@link HtmlPages} is, byte for byte, the site Saxon's whole
 * serializer writes: every file of it, on the example edition and the site tests' edition, and on a theme whose
 * pages hold an element in a namespace (which the short pipeline leaves to Saxon's serializer).
 */
class LeanPagesTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        Publisher.leanPages = true;
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
        override(edition, "document.xsl", "<article class=\"document\" aria-labelledby=\"jk--title\">",
                "<article class=\"document\" aria-labelledby=\"jk--title\">" + svg);
        // and on the documents' list, one of the edition pages
        String listHeading = "<h1><xsl:sequence select=\"f:ui('list.heading')\"/></h1>";
        override(edition, "site.xsl", listHeading, svg + listHeading);

        int begunAgain = sameSite(edition, "svg");
        // each of the five documents' pages, and the edition pages once
        assertEquals(6, begunAgain, "pages begun through the short pipeline and made again");
        for (String page : List.of("doc/jk-000_48375d0ce296dd95.html", "documents.html")) {
            assertTrue(Files.readString(tmp.resolve("svg-lean/" + page)).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\""),
                    page + ": the SVG written with its namespace");
        }
    }

    @Test
    void uriAttributesWithCharactersOutsideAsciiAreEscapedAsSaxonEscapesThem() throws IOException {
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        // URI attributes (escaped) and others (left as they are) holding Chinese, spaces and a character outside the
        // BMP; an element with none; a name attribute of a (a URI attribute for HTML 4)
        String links = "<p class=\"jk-test\"><a href=\"../文档/{$docid}.html#第 1 段\" title=\"文档 𠀀\">文档</a>"
                + "<a name=\"锚\"/><img src=\"图 1.png\" alt=\"图 1\"/><form action=\"搜索?q=名\"/><a href=\"plain.html\">x</a></p>";
        override(edition, "document.xsl", "<article class=\"document\" aria-labelledby=\"jk--title\">",
                "<article class=\"document\" aria-labelledby=\"jk--title\">" + links);
        assertEquals(0, sameSite(edition, "uri"));
        String page = Files.readString(tmp.resolve("uri-lean/doc/jk-000_48375d0ce296dd95.html"));
        // escaped as Saxon escapes them: the characters outside U+0020–U+007E, the spaces left
        assertTrue(page.contains("href=\"../%E6%96%87%E6%A1%A3/jk-000_48375d0ce296dd95.html#%E7%AC%AC 1 %E6%AE%B5\""), "href escaped");
        assertTrue(page.contains("title=\"文档 𠀀\""), "title as it was");
        assertTrue(page.contains("src=\"%E5%9B%BE 1.png\" alt=\"图 1\""), "src escaped, alt not");
        assertTrue(page.contains("action=\"%E6%90%9C%E7%B4%A2?q=%E5%90%8D\""), "form/@action escaped");
        assertTrue(page.contains("<a name=\"%E9%94%9A\"></a>"), "a/@name escaped");
    }

    @Test
    void onlyTheSitesOwnOutputSettingsTakeTheShortPipeline() {
        assertTrue(HtmlPages.plain(props()));
        // as the compiler hands them on: the page's settings and the stylesheet's version
        assertTrue(HtmlPages.plain(props("method", "html", "indent", "no", "include-content-type", "no", "html-version", "5", "encoding", "UTF-8",
                "{http://saxon.sf.net/}stylesheet-version", "30")));
        assertTrue(HtmlPages.plain(props("method", "html", "html-version", "5.0", "encoding", "utf-8", "indent", "no")));
        assertFalse(HtmlPages.plain(props("indent", "yes")));
        assertFalse(HtmlPages.plain(props("method", "xhtml")));
        assertFalse(HtmlPages.plain(props("html-version", "4.01")));
        assertFalse(HtmlPages.plain(props("doctype-system", "about:legacy-compat")));
        assertFalse(HtmlPages.plain(props("escape-uri-attributes", "no")));
        assertFalse(HtmlPages.plain(props("encoding", "GB18030")));
    }

    private static SerializationProperties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return new SerializationProperties(p);
    }

    /** An edition's own copy of a bundled module with {@code from} replaced by {@code to}. */
    private static void override(Path edition, String module, String from, String to) throws IOException {
        Path file = edition.resolve("site/xslt/html/" + module);
        Files.createDirectories(file.getParent());
        try (InputStream in = Publisher.class.getClassLoader().getResourceAsStream("org/jiaokan/site/xslt/html/" + module)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains(from), module + " holds " + from);
            Files.writeString(file, text.replace(from, to));
        }
    }

    /** Publishes {@code edition} both ways, checks that every file is the same, and returns the pages begun again. */
    private int sameSite(Path edition, String name) throws IOException {
        int before = Publisher.unsuitedPages.get();
        Publisher.leanPages = true;
        Path lean = tmp.resolve(name + "-lean");
        assertEquals(List.of(), publish(edition, lean).errors());
        int begunAgain = Publisher.unsuitedPages.get() - before;

        Publisher.leanPages = false;
        Path whole = tmp.resolve(name + "-whole");
        Publisher.Result r = publish(edition, whole);
        assertEquals(List.of(), r.errors());
        assertEquals(begunAgain, Publisher.unsuitedPages.get() - before, "the comparison run took Saxon's serializer throughout");

        Map<String, byte[]> a = files(lean);
        Map<String, byte[]> b = files(whole);
        assertEquals(b.keySet(), a.keySet());
        long pages = b.keySet().stream().filter(k -> k.endsWith(".html")).count();
        assertTrue(pages >= r.pages() && r.pages() > 10, "html pages compared: " + pages);
        for (Map.Entry<String, byte[]> e : b.entrySet()) assertArrayEquals(e.getValue(), a.get(e.getKey()), e.getKey());
        return begunAgain;
    }

    private static Publisher.Result publish(Path edition, Path out) throws IOException {
        return new Publisher(new Publisher.Options(out, Set.of("html"), null, 2)).publish(List.of(edition));
    }

    private static Map<String, byte[]> files(Path site) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(site.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
