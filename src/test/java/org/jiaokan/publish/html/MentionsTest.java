package org.jiaokan.publish.html;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.jiaokan.publish.Theme;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary made with the mentions of {@link Mentions} is, byte for byte, the one summary.xsl makes with its own
 * loop: on a document holding each case the loop treats apart, on the example edition's and the site tests'
 * documents, and (in {@code MentionsPropertyTest}) on generated documents.
 */
class MentionsTest {
    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    static final Stylesheets XSL;

    static {
        try {
            XSL = new Stylesheets(new Theme(null));
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers with an entry of each kind, an entry under a name the pages do not list, and one of two ids alike. */
    static final String REGISTERS = "<TEI xmlns='" + TEI_NS + "'><text><body>"
            // spellings in both scripts (the twin's spelling of a name is its entry's)
            + "<listPerson><person xml:id='per-甲'><persName xml:lang='zh-Hans'>甲</persName><persName xml:lang='zh-Hant'>甲甲</persName>"
            + "<persName xml:lang='zh-Hant'>second</persName></person><personGrp xml:id='grp-乙'/></listPerson>"
            + "<listPlace><place xml:id='pl-京'><placeName>京</placeName><placeName xml:lang='zh-Hant'>京城</placeName></place></listPlace>"
            + "<listOrg><org xml:id='org-部'><orgName xml:lang='zh-Hans'> 部 </orgName><orgName xml:lang='zh-Hant'>部\n 門</orgName></org></listOrg>"
            + "<list><item xml:id='term-两个维护'><term>两个维护</term></item></list>"
            + "<taxonomy><category xml:id='cat-x'><catDesc>x</catDesc></category></taxonomy>"
            + "<note xml:id='per-丙'>a note of the same id as an entry after it</note><listPerson><person xml:id='per-丙'/></listPerson>"
            + "</body></text></TEI>";

    /** One paragraph of text longer than 30 characters on both sides of a name, with a character outside the BMP. */
    static final String LONG = "前言𠀋的很长很长很长很长很长很长很长很长很长很长很长很长的一段文字";

    static final String THIRTY = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";

    /** A document holding each case of the summary's loop. */
    static final String DOCUMENT = "<TEI xmlns='" + TEI_NS + "' xml:lang='zh-Hans'><teiHeader><fileDesc><titleStmt><title>题</title></titleStmt>"
            + "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>"
            // a name twice in its block (the mark's way), once more in another block, a name at the start and at the end
            + "<p xml:id='b1'>" + LONG + "<persName ref='#per-甲'>甲</persName>说<persName ref='#per-甲'>甲</persName>的话" + LONG + "</p>"
            + "<p xml:id='b2'><placeName ref='#pl-京'>京</placeName>津冀\t\n  一体   <orgName ref='registers.xml#org-部'>部</orgName></p>"
            // a name the block reads twice though it is marked once; a name whose text the regularised reading leaves out
            + "<p xml:id='b3'>甲和甲：<persName ref='#per-甲'>甲</persName>；<del><persName ref='#per-甲'>甲</persName></del>。</p>"
            // interventions inside a name and around it
            + "<p xml:id='b4'>前<persName key='per-丁'>丁<surplus reason='jammer'>x1</surplus>丁</persName>后"
            + "<choice><sic>错</sic><corr>对</corr></choice><seg type='redaction'>**<supplied>补</supplied></seg>"
            + "<choice><seg type='redaction'>××</seg><supplied>乙</supplied></choice>"
            + "<choice><seg type='redaction'>××<supplied>丙</supplied></seg><supplied>丁</supplied></choice>"
            + "<rs type='person' ref='#grp-乙'>乙</rs><rs type='thing' ref='#x-1'>物</rs><rs type='org' key='org-无'>无处</rs><name type='place'>某地</name>"
            + "<name>无</name><fw>页眉</fw><note>注<persName ref='#per-甲'>甲</persName></note></p>"
            // terms without a reference (their id from the text in the simplified script), in the other script
            + "<p xml:id='b5' xml:lang='zh-Hant'><term>兩個維護</term>與<term> 两个 维护 </term>、<term type='x'>四風</term></p>"
            // references of every form: a URI scheme (no page), a path with a fragment, a bare key, an id no page can have
            + "<p xml:id='b6'><persName ref='https://example.org/#per-甲'>甲</persName><persName ref='other.xml'>戊</persName>"
            + "<persName ref='#bad id'>己</persName><persName ref='#'>庚</persName><orgName key=' org-部 '>部</orgName>"
            + "<persName ref='#per-丙'>丙</persName><placeName ref='#cat-x'>某</placeName></p>"
            // languages: an invalid tag, an inherited one, one on the name
            + "<p xml:id='b7' xml:lang='not a tag'><persName ref='#per-甲'>甲</persName><persName ref='#per-甲' xml:lang='en'>Jia</persName></p>"
            // blocks: a list item, a block inside a block, a name outside every numbered block, a block without an id
            + "<list><item xml:id='i1'><persName ref='#per-甲'>甲</persName>一</item><item>二<persName ref='#per-甲'>甲</persName></item></list>"
            + "<p xml:id='b8'>外<quote xml:id='q1'>内<persName ref='#per-甲'>甲</persName></quote></p>"
            + "<div><head><persName ref='#per-甲'>甲</persName>题</head></div>"
            // an element of another namespace with an xml:id and a leaf's name is a numbered block too
            + "<ab xml:id='b9'><x:p xmlns:x='urn:x' xml:id='x1'>异<persName ref='#per-甲'>甲</persName></x:p></ab>"
            // the private-use mark in the text itself
            + "<p xml:id='b10'>\uE000甲<persName ref='#per-甲'>甲</persName>甲</p>"
            // snippets of 30 and 31 characters on either side (one of them outside the BMP: two UTF-16 units)
            + "<p xml:id='b11'>𠀋" + THIRTY + "<placeName ref='#pl-京'>京</placeName>" + THIRTY + "</p>"
            + "<p xml:id='b12'>" + THIRTY + "<orgName ref='#org-部'>部</orgName>𠀋" + THIRTY + "</p>"
            + "</body></text></TEI>";

    @Test
    void aDocumentOfEveryCaseHasTheStylesheetsSummary() throws SaxonApiException {
        XdmNode registers = parse(REGISTERS);
        XdmNode doc = parse(DOCUMENT);
        String viaXslt = summary(doc, registers, false);
        assertEquals(viaXslt, summary(doc, registers, true));
        // and the document holds what it is made for
        XdmNode mentions = Mentions.of(XSL.processor(), doc, registers);
        assertNotNull(mentions);
        String m = mentions.toString().replaceAll("\\s+", " ");
        assertTrue(count(m, "<m ") >= 20, m);
        assertTrue(m.contains("before=\"…") && m.contains("…\""), "snippets cut to 30 characters");
        assertTrue(m.contains("before=\"…" + THIRTY + "\" after=\"" + THIRTY + "\""), "31 characters cut, 30 kept: " + m);
        assertTrue(m.contains("before=\"" + THIRTY + "\" after=\"𠀋" + THIRTY.substring(0, 29) + "…\""), "31 characters cut, 30 kept: " + m);
        assertTrue(m.contains("kind=\"term\"") && m.contains("ref=\"term-两个维护\""), "a term's id in the simplified script");
        assertTrue(m.contains("ref=\"grp-乙\" kind=\"person\""), "a personGrp's names are persons");
        assertTrue(m.contains("ref=\"per-丙\" kind=\"person\""), "the entry of an id, not the first element holding it");
        assertTrue(m.contains("ref=\"cat-x\" kind=\"term\""), "a category's names are terms");
        assertTrue(m.contains("ref=\"org-无\" kind=\"org\""), "an rs without an entry: its type");
        assertTrue(m.contains("lang=\"en\"") && m.contains("block=\"x1\""), m);
        assertTrue(!m.contains("name=\"物\"") && !m.contains("name=\"某地\"") && !m.contains("name=\"戊\""), "no kind, no page: not listed");
    }

    @Test
    void theSummariesOfTheEditionsDocumentsAreTheStylesheets() throws SaxonApiException, IOException {
        int compared = 0;
        for (Path edition : List.of(Path.of("tei/docs"), Path.of("src/test/resources/org/jiaokan/site/edition"))) {
            Path reg = edition.resolve("registers.xml");
            XdmNode registers = Files.exists(reg) ? XSL.parse(reg) : null;
            List<Path> files;
            try (Stream<Path> s = Files.list(edition)) {
                files = s.filter(p -> p.toString().endsWith(".xml") && !p.equals(reg)).sorted().toList();
            }
            for (Path f : files) {
                XdmNode doc = XSL.parse(f);
                for (XdmNode r : new XdmNode[]{registers, null}) {
                    assertEquals(summary(doc, r, false), summary(doc, r, true), f.toString());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 14, "summaries compared: " + compared);
    }

    @Test
    void aCorpusIsLeftToTheStylesheet() throws SaxonApiException {
        XdmNode corpus = parse("<teiCorpus xmlns='" + TEI_NS + "'><teiHeader/><TEI><teiHeader/><text><body><p xml:id='a'>"
                + "<persName ref='#per-甲'>甲</persName></p></body></text></TEI></teiCorpus>");
        assertNull(Mentions.of(XSL.processor(), corpus, null));
    }

    @Test
    void normalizeSpaceIsXPaths() {
        assertEquals("a b", Mentions.normalizeSpace(" \ta \r\n b\n"));
        assertEquals("a\u3000b", Mentions.normalizeSpace("a\u3000b"));
        assertEquals("a\u00A0 b", Mentions.normalizeSpace("a\u00A0  b"));
        assertEquals("", Mentions.normalizeSpace(" \t "));
        String clean = "a b";
        assertTrue(clean == Mentions.normalizeSpace(clean), "a string with nothing to change comes back itself");
    }

    static XdmNode parse(String xml) throws SaxonApiException {
        return Stylesheets.parse(XSL.processor(), xml.getBytes(StandardCharsets.UTF_8), "urn:test");
    }

    /** The summary of {@code doc}, its mentions made by {@link Mentions} or by the stylesheet. */
    static String summary(XdmNode doc, XdmNode registers, boolean java) throws SaxonApiException {
        Xslt30Transformer t = XSL.summary();
        Map<QName, XdmValue> p = new HashMap<>();
        if (registers != null) p.put(new QName("registers"), registers);
        p.put(new QName("docid"), new XdmAtomicValue("d"));
        p.put(new QName("doc-script"), new XdmAtomicValue("zh-Hans"));
        if (java) {
            XdmNode m = Mentions.of(XSL.processor(), doc, registers);
            if (m != null) p.put(new QName("mentions"), m);
        }
        t.setStylesheetParameters(p);
        t.setGlobalContextItem(doc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Serializer s = XSL.processor().newSerializer(out);
        s.setOutputProperty(Serializer.Property.METHOD, "xml");
        t.applyTemplates(doc, s);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String s, String t) {
        int n = 0;
        for (int i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) n++;
        return n;
    }
}
