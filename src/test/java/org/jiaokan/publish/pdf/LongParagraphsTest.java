package org.jiaokan.publish.pdf;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** A very long paragraph reaches FOP as a sequence of blocks inside its own, with every character of its text in order. */
class LongParagraphsTest {
    private static final String FO = "xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"";

    /** The XSL-FO {@code xml} through the filter, as XML again (namespace declarations left out of the comparison). */
    private static String through(String xml) throws Exception {
        StringWriter out = new StringWriter();
        TransformerHandler h = ((SAXTransformerFactory) SAXTransformerFactory.newInstance()).newTransformerHandler();
        h.getTransformer().setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
        h.setResult(new StreamResult(out));
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        org.xml.sax.XMLReader r = f.newSAXParser().getXMLReader();
        r.setContentHandler(new LongParagraphs(h));
        r.parse(new org.xml.sax.InputSource(new StringReader(xml)));
        return out.toString();
    }

    private static String text(String xml) {
        return xml.replaceAll("<[^>]*>", "");
    }

    @Test
    void aShortParagraphPassesUnchanged() throws Exception {
        String fo = "<fo:block " + FO + " id=\"b1\" text-indent=\"2em\">全市公安机关<fo:inline id=\"n1\" font-weight=\"bold\">要认真</fo:inline>落实。</fo:block>";
        assertEquals(fo, through(fo));
    }

    @Test
    void aLongParagraphIsDividedAfterSentencesInBlocksOfItsOwn() throws Exception {
        String sentence = "全市公安机关要认真落实安全生产责任制度，切实做好各项工作。"; // 29 characters
        String body = sentence.repeat(500); // 14,500
        String fo = "<fo:block " + FO + " id=\"b1\" text-indent=\"2em\" space-after=\"3pt\">" + body + "</fo:block>";
        String out = through(fo);
        assertEquals(body, text(out), "every character, in order");
        assertTrue(out.startsWith("<fo:block " + FO + " id=\"b1\" text-indent=\"2em\" space-after=\"3pt\">"), out.substring(0, 200));
        Matcher parts = Pattern.compile("<fo:block text-indent=\"0pt\">([^<]*)</fo:block>").matcher(out);
        int n = 0;
        while (parts.find()) {
            n++;
            assertTrue(parts.group(1).length() <= LongParagraphs.HARD, "a part of " + parts.group(1).length());
        }
        assertTrue(n >= 2, out.length() + " characters, " + n + " parts");
        String first = out.substring(out.indexOf('>') + 1, out.indexOf("<fo:block text-indent"));
        assertTrue(first.endsWith("。") && first.length() > LongParagraphs.SOFT && first.length() <= LongParagraphs.SOFT + sentence.length(),
                "the first part ends at the first sentence's end after " + LongParagraphs.SOFT + ": " + first.length());
    }

    @Test
    void withoutSentencesTheTextIsDividedAtTheHardLimitAndInlinesAreOpenedAgainWithoutTheirIds() throws Exception {
        String body = "全市公安机关要认真落实安全生产责任制度" .repeat(800); // 15,200, no sentence end
        String fo = "<fo:block " + FO + " id=\"b1\">开头<fo:basic-link internal-destination=\"x\"><fo:inline id=\"i1\" color=\"red\">" + body
                + "</fo:inline></fo:basic-link>结尾</fo:block>";
        String out = through(fo);
        assertEquals("开头" + body + "结尾", text(out));
        assertEquals(1, out.split("id=\"i1\"", -1).length - 1, "the inline's id once: " + out.replaceAll("[^<>a-z=\"0-9 :-]", ""));
        assertTrue(out.contains("</fo:inline></fo:basic-link></fo:block><fo:block text-indent=\"0pt\"><fo:basic-link internal-destination=\"x\"><fo:inline color=\"red\">"),
                "closed and opened again, nested as they were");
        assertTrue(out.endsWith("</fo:inline></fo:basic-link>结尾</fo:block></fo:block>"), out.substring(out.length() - 120));
        Matcher parts = Pattern.compile("<fo:block text-indent=\"0pt\">").matcher(out);
        int n = 0;
        while (parts.find()) n++;
        assertEquals(2, n, "15,202 characters in three parts of at most " + LongParagraphs.HARD);
    }

    @Test
    void aClosingQuoteStaysWithItsSentenceAndAMarkWithItsLetter() throws Exception {
        String sentence = "会议指出：“要认真落实安全生产责任制度，切实做好各项工作。”"; // 30 characters
        String out = through("<fo:block " + FO + ">" + sentence.repeat(300) + "</fo:block>");
        Matcher parts = Pattern.compile("<fo:block text-indent=\"0pt\">([^<]*)").matcher(out);
        int n = 0;
        while (parts.find()) {
            n++;
            assertTrue(parts.group(1).startsWith("会议指出"), "a part begins with " + parts.group(1).substring(0, 3));
        }
        assertTrue(n >= 1);
        String marked = "a\u0301".repeat(5000); // no sentence: divided at the hard limit, never before a combining mark
        String hard = through("<fo:block " + FO + ">" + marked + "</fo:block>");
        assertEquals(marked, text(hard));
        assertFalse(hard.contains("\"0pt\">\u0301"), "a part begins with a combining mark");
    }

    @Test
    void textInAFootnoteOrABookmarkIsNotDivided() throws Exception {
        String body = "全市公安机关要认真落实" .repeat(1000);
        String fo = "<fo:root " + FO + "><fo:bookmark-tree><fo:bookmark internal-destination=\"b\"><fo:bookmark-title>" + body
                + "</fo:bookmark-title></fo:bookmark></fo:bookmark-tree><fo:block><fo:footnote><fo:inline>" + body
                + "</fo:inline><fo:footnote-body><fo:block>注</fo:block></fo:footnote-body></fo:footnote></fo:block></fo:root>";
        String out = through(fo);
        assertFalse(out.contains("text-indent=\"0pt\""), "not divided");
        assertEquals(text(fo), text(out));
    }

    @Property(tries = 200)
    void theTextIsKeptWhateverTheChunks(@ForAll @IntRange(min = 1, max = 9000) int chunk, @ForAll @IntRange(min = 0, max = 30) int period) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) b.append(period > 0 && i % (period * 97 + 1) == 0 ? '。' : i % 501 == 0 ? "𠀀" : "字");
        String body = b.toString();
        StringBuilder seen = new StringBuilder();
        int[] depth = {0};
        LongParagraphs f = new LongParagraphs(new org.xml.sax.helpers.DefaultHandler() {
            @Override public void characters(char[] ch, int start, int length) {
                seen.append(ch, start, length);
                assertFalse(length > 0 && Character.isLowSurrogate(ch[start]), "a pair divided");
            }
            @Override public void startElement(String u, String l, String q, org.xml.sax.Attributes a) { depth[0]++; }
            @Override public void endElement(String u, String l, String q) { depth[0]--; }
        });
        f.startElement(LongParagraphs.FO, "block", "fo:block", new org.xml.sax.helpers.AttributesImpl());
        char[] ch = body.toCharArray();
        for (int i = 0; i < ch.length; ) {
            int end = Math.min(i + chunk, ch.length);
            if (end < ch.length && Character.isHighSurrogate(ch[end - 1])) end++; // a parser never divides a pair either
            f.characters(ch, i, end - i);
            i = end;
        }
        f.endElement(LongParagraphs.FO, "block", "fo:block");
        assertEquals(body, seen.toString());
        assertEquals(0, depth[0], "every element opened is closed");
    }
}
