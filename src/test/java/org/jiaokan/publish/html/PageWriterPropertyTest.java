package org.jiaokan.publish.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any text and any attribute value, written by {@link PageWriter}, come out as Saxon's serializer writes them:
 * strings made of the characters the HTML output method treats apart (markup characters, {@code &{}, control
 * characters, U+007F–U+00A0, characters outside the BMP, Chinese, a boolean attribute's name) in text, in
 * ordinary, URI and boolean attributes, in {@code script}, and on both sides of a page and its twin.
 */
class PageWriterPropertyTest {
    private static final Processor PROCESSOR = new Processor(false);
    private static final XsltExecutable PAGE = compile("""
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
              <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
              <xsl:param name="t" as="xs:string"/>
              <xsl:param name="a" as="xs:string"/>
              <xsl:template match="/">
                <html lang="zh-Hans"><head><title><xsl:value-of select="$t"/></title><script><xsl:value-of select="$t"/></script></head>
                <body class="{$a}"><p title="{$a}" data-t="{$t}"><a href="{$a}" name="{$t}"><xsl:value-of select="$t"/></a>
                  <img src="{$t}" alt="{$a}"/><select><option selected="{$a}" disabled="{$t}"><xsl:value-of select="$a"/></option></select>
                  <div hidden="{$t}"><xsl:value-of select="$a"/><br/><xsl:value-of select="$t"/></div>
                  <span lang="zh-Hans" jk-twin-lang="{$a}"><jk-main><xsl:value-of select="$t"/></jk-main><jk-twin><xsl:value-of select="$a"/></jk-twin></span>
                  <q jk-twin-cite="{$t}"><jk-twin><b title="{$t}"><xsl:value-of select="$a"/></b></jk-twin></q></p></body></html>
              </xsl:template>
            </xsl:stylesheet>
            """);

    private static XsltExecutable compile(String xsl) {
        try {
            return PROCESSOR.newXsltCompiler().compile(new StreamSource(new StringReader(xsl)));
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0001', '\u00FF').map(String::valueOf),
                Arbitraries.chars().range('\u4E00', '\u4E20').map(String::valueOf),
                Arbitraries.of("&{", "&", "<", ">", "\"", "'", "\r\n", "\t", "\u00A0", "\u007F", "\u0085", "\u009F", "\u00A1",
                        "\uD840\uDC00", "\uD83D\uDE00", "\u2028", "\uFEFF", "\uFFFD", " ", "hidden", "selected", "disabled", "%20", "#"));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 400)
    void anyTextAndAttributeAreWrittenAsSaxonWritesThem(@ForAll("values") String t, @ForAll("values") String a) throws SaxonApiException {
        XdmNode source = PROCESSOR.newDocumentBuilder().build(new StreamSource(new StringReader("<x/>")));
        Xslt30Transformer x = PAGE.load30();
        x.setStylesheetParameters(Map.<QName, XdmValue>of(new QName("t"), new XdmAtomicValue(t), new QName("a"), new XdmAtomicValue(a)));

        ByteArrayOutputStream saxon = new ByteArrayOutputStream();
        x.applyTemplates(source, SaxonPages.serializer(PROCESSOR, saxon));
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        x.applyTemplates(source, PageWriter.page(ours));
        assertEquals(saxon.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream saxonMain = new ByteArrayOutputStream();
        ByteArrayOutputStream saxonTwin = new ByteArrayOutputStream();
        x.applyTemplates(source, TwinPages.of(SaxonPages.serializer(PROCESSOR, saxonMain), SaxonPages.serializer(PROCESSOR, saxonTwin), new TwinPages.Marks()));
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream twin = new ByteArrayOutputStream();
        x.applyTemplates(source, PageWriter.twins(main, twin, new TwinPages.Marks()));
        for (List<ByteArrayOutputStream> pair : List.of(List.of(saxonMain, main), List.of(saxonTwin, twin))) {
            assertEquals(pair.get(0).toString(StandardCharsets.UTF_8), pair.get(1).toString(StandardCharsets.UTF_8));
        }
    }
}
