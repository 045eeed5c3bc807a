package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.jiaokan.publish.Theme;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EntryPages} against the bundled stylesheet's template {@code entry}, on registers and summaries holding what the
 * pipeline rarely or never makes: spellings in another namespace, with an invalid or no language, blank and missing
 * labels, codes without a type, nested entries, ids that name no page, documents without an id or sharing one, blocks and
 * ids that must be escaped in links, characters the HTML writer escapes or leaves out, names only the documents give.
 */
class EntryPagesTest {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";

    private static final String REGISTERS = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <listPerson>
              <person xml:id="per-a"><persName xml:lang="zh-Hans">甲  乙</persName><persName xml:lang="zh-Hant">甲乙</persName><idno type="wikidata">Q1</idno><idno>  x \t y </idno></person>
              <person xml:id="per-b"><persName xml:lang="bad tag!">A &amp; "B" &lt;c&gt;</persName><x:name xmlns:x="urn:x" xml:lang="en">Other ns</x:name><name xml:lang="">no lang</name></person>
              <person xml:id="per-empty"><note>only a note</note></person>
              <person xml:id="per-blank"><persName>   </persName></person>
              <person><persName>no id</persName></person>
              <person xml:id="-not-a-page"><persName>not a page id</persName></person>
              <personGrp xml:id="grp-1"><name>Group</name><person xml:id="per-nested"><persName>Nested</persName></person></personGrp>
            </listPerson>
            <listPlace><place xml:id="pl-x"><placeName>P&#xA0;lace&#x85;&#x80; &amp;{x}</placeName><location><geo>1 2</geo></location></place></listPlace>
            <listOrg><org xml:id="org-y"><orgName xml:lang="zh">机构</orgName><orgName xml:lang="zh-Hans">机构二</orgName></org></listOrg>
            </body></text></TEI>""";

    private static final List<String> SUMMARIES = List.of("""
            <doc id="d 1&amp;x" script="zh-Hant" title="T &lt;1&gt; &amp; &quot;q&quot;&#xA0;&#x85;" date="" lang="">\
            <m ref="per-a" kind="person" name="甲乙" lang="" block="块-1" n="3" before="…&amp;{a}" after="b&#9;&#10;&#13;c"/>\
            <m ref="per-a" kind="person" name="" lang="zh-Hant" n="4" before="" after=""/>\
            <m ref="term-自由" kind="term" name="" lang="zh-Hans" block="b2" n="" before="x" after="y"/>\
            <m kind="person" name="no ref"/>\
            </doc>""", """
            <doc script="zh-Hans" title="no id" date="2020-01-02" lang="zh-Hans">\
            <m ref="per-a" kind="person" name="甲乙" lang="zh-Hans" block="b1" n="1" before="" after=""/>\
            </doc>""", """
            <doc id="d2" title="no script" date="1999" lang="en">\
            <m ref="term-自由" kind="term" name="自由" block="b9" n="9" before="" after=""/>\
            <m ref="org-z" kind="org" name="另一机构" lang="zh-Hans" block="b%20" n="2" before="" after=""/>\
            <m ref="per-nested" kind="person" name="Nested" n="1"/>\
            </doc>""", """
            <doc id="d 1&amp;x" script="zh-Hans" title="the same id" date="2001" lang="zh-Hans">\
            <m ref="per-a" kind="person" name="甲乙" lang="zh-Hans" block="b5" n="5" before="" after=""/>\
            <m ref="pl-x" kind="place" name="P" block="b6" n="6" before="" after=""/>\
            </doc>""");

    @Test
    void everyEntryPageIsTheStylesheets() throws Exception {
        Stylesheets xsl = new Stylesheets(new Theme(null));
        XdmNode registers = parse(xsl, REGISTERS);
        List<XdmNode> summaries = new ArrayList<>();
        for (String s : SUMMARIES) summaries.add(parse(xsl, s));

        Map<String, byte[]> byStylesheet = stylesheetPages(xsl, registers, summaries);
        EntryPages pages = EntryPages.of(transformer(xsl, registers, summaries), registers, summaries);
        assertNotNull(pages);
        Map<String, byte[]> byJava = new TreeMap<>();
        for (EntryPages.Entry e : pages.entries()) byJava.put(e.page(), pages.page(e));

        Map<String, byte[]> entries = new TreeMap<>();
        byStylesheet.forEach((k, v) -> {
            if (k.matches("(person|place|org|term)/.*")) entries.put(k, v);
        });
        assertEquals(entries.keySet(), byJava.keySet());
        // every case is there: the registers' entries with a page id (nested too), and the ids only the documents name
        assertEquals(List.of("person/per-a.html", "person/per-b.html", "person/per-empty.html", "person/per-blank.html",
                "person/grp-1.html", "person/per-nested.html", "place/pl-x.html", "org/org-y.html",
                "term/term-自由.html", "org/org-z.html"), pages.entries().stream().map(EntryPages.Entry::page).toList());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) assertArrayEquals(e.getValue(), byJava.get(e.getKey()), e.getKey());

        String a = new String(byJava.get("person/per-a.html"), StandardCharsets.UTF_8);
        assertTrue(a.contains("href=\"../doc/d%201%26x.html#%E5%9D%97-1\""), a);
        assertTrue(a.contains("<dt><span data-i18n=\"reg.code\">"), a);
        assertTrue(a.contains(" (4)</h2>"), "every mention counted, the one of a document without an id too");
        String term = new String(byJava.get("term/term-自由.html"), StandardCharsets.UTF_8);
        assertTrue(term.contains("<h1 lang=\"zh\">自由</h1>"), "the first name given");
    }

    @Test
    void pagesItCannotMakeAsTheStylesheetAreLeftToIt() throws Exception {
        Stylesheets xsl = new Stylesheets(new Theme(null));
        XdmNode registers = parse(xsl, REGISTERS);
        // a kind the stylesheet would make a folder of
        List<XdmNode> odd = List.of(parse(xsl, "<doc id=\"d\"><m ref=\"x-1\" kind=\"../x\" name=\"n\"/></doc>"));
        assertNull(EntryPages.of(transformer(xsl, registers, odd), registers, odd));
        // two entries of one page (the stylesheet stops at the second)
        XdmNode twice = parse(xsl, REGISTERS.replace("xml:id=\"per-blank\"", "xml:id=\"per-a\""));
        List<XdmNode> none = List.of();
        assertNull(EntryPages.of(transformer(xsl, twice, none), twice, none));
        assertNotNull(EntryPages.of(transformer(xsl, registers, none), registers, none));
    }

    private static Map<String, byte[]> stylesheetPages(Stylesheets xsl, XdmNode registers, List<XdmNode> summaries) throws SaxonApiException {
        Xslt30Transformer t = transformer(xsl, registers, summaries);
        URI base = URI.create("file:///jiaokan-site/");
        t.setBaseOutputURI(base.toString());
        Map<String, byte[]> pages = new TreeMap<>();
        t.setResultDocumentHandler(uri -> {
            String rel = base.relativize(URI.create(uri.toString())).getPath();
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            Destination d = rel.endsWith(".xml") ? xsl.processor().newSerializer(bos) : PageWriter.page(bos);
            d.onClose(() -> pages.put(rel, bos.toByteArray()));
            return d;
        });
        t.callTemplate(new QName("main"), new XdmDestination());
        return pages;
    }

    private static Xslt30Transformer transformer(Stylesheets xsl, XdmNode registers, List<XdmNode> summaries) throws SaxonApiException {
        Xslt30Transformer t = xsl.site();
        Map<QName, XdmValue> p = new HashMap<>();
        p.put(new QName("registers"), registers);
        try {
            p.put(new QName("ui"), xsl.parse(Path.of("site/i18n/zh-Hans.xml")));
        } catch (java.io.IOException e) {
            throw new SaxonApiException(e);
        }
        p.put(new QName("summaries"), new XdmValue(summaries));
        p.put(new QName("formats"), new XdmAtomicValue("html"));
        t.setStylesheetParameters(p);
        return t;
    }

    private static XdmNode parse(Stylesheets xsl, String xml) throws SaxonApiException {
        return Stylesheets.parse(xsl.processor(), xml.getBytes(StandardCharsets.UTF_8), "urn:test");
    }
}
