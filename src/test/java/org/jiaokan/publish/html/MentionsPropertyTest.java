package org.jiaokan.publish.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated documents (names of every kind and reference, numbered blocks inside each other or in another namespace,
 * interventions around and inside names, notes, languages, whitespace, characters outside the BMP, the private-use
 * mark, long paragraphs) get, with {@link Mentions}, the summary summary.xsl makes with its own loop, and the document
 * page (with and without its twin's marks) document.xsl makes working out each name's id and kind itself, byte for byte.
 */
class MentionsPropertyTest {
    private static final String[] TEXTS = {"甲", "乙", "丙", "京", "部", "两个维护", "兩個維護", "的一段很长很长很长很长的文字", " ", "\t\n ",
        "  ", "\uE000", "𠀋", "ab", "、", "“", "，甲说", "Jia",
        // whole names spelt as their entries spell them in the document's script
        "<persName ref='#per-甲'>甲</persName>", "<placeName ref='#pl-京'>京</placeName>", "<orgName ref='#org-部'>\n部 </orgName>"};

    /** Elements a program opens: a start tag (its end tag is the name up to the first space). */
    private static final String[] ELEMENTS = {
        "p xml:id='ID'", "p", "item xml:id='ID'", "item", "quote xml:id='ID'", "ab xml:id='ID'", "head", "list", "div",
        "seg type='redaction'", "supplied", "choice", "sic", "corr", "orig", "reg", "abbr", "expan", "surplus reason='jammer'",
        "del", "fw", "note", "note resp='#ed'", "hi", "x:p xmlns:x='urn:x' xml:id='ID'", "p xml:id='ID' xml:lang='zh-Hant'",
        "p xml:lang='not a tag'", "persName ref='#per-甲'", "persName ref='#per-甲' xml:lang='en'", "placeName ref='#pl-京'",
        "orgName ref='registers.xml#org-部'", "orgName key=' org-部 '", "persName ref='https://example.org/#per-甲'",
        "persName ref='#bad id'", "persName ref='other.xml'", "persName key='per-丁'", "rs type='person' ref='#grp-乙'",
        "rs type='thing' ref='#x'", "rs type='place' ref='#pl-某'", "rs type='org' key='org-无'", "name type='place' ref='#pl-某'", "name", "term", "term type='x'", "persName ref='#per-丙'",
        "placeName ref='#cat-x'", "persName", "seg xml:id='ID'"};

    @Provide
    Arbitrary<List<Integer>> programs() {
        return Arbitraries.integers().between(0, 9999).list().ofMinSize(3).ofMaxSize(90);
    }

    @Property(tries = 300)
    void anyDocumentHasTheStylesheetsSummary(@ForAll("programs") List<Integer> program) throws SaxonApiException {
        String xml = document(program);
        XdmNode doc = MentionsTest.parse(xml);
        XdmNode registers = MentionsTest.parse(MentionsTest.REGISTERS);
        assertEquals(MentionsTest.summary(doc, registers, false), MentionsTest.summary(doc, registers, true), xml);
    }

    @Property(tries = 200)
    void anyDocumentHasTheStylesheetsPage(@ForAll("programs") List<Integer> program) throws Exception {
        String xml = document(program);
        XdmNode doc = MentionsTest.parse(xml);
        XdmNode registers = MentionsTest.parse(MentionsTest.REGISTERS);
        for (String twin : new String[]{"", "zh-Hant"}) {
            assertEquals(page(doc, registers, twin, false), page(doc, registers, twin, true), xml);
        }
    }

    private static XdmNode ui;

    /** The document page of {@code doc} (with its twin's marks where {@code twin} is given), the names' ids and kinds given or not. */
    static String page(XdmNode doc, XdmNode registers, String twin, boolean java) throws Exception {
        if (ui == null) ui = MentionsTest.XSL.parse(Path.of("site/i18n/zh-Hans.xml"));
        Xslt30Transformer t = MentionsTest.XSL.documentPage();
        Map<QName, XdmValue> p = new HashMap<>();
        p.put(new QName("registers"), registers);
        p.put(new QName("ui"), ui);
        p.put(new QName("docid"), new XdmAtomicValue("d"));
        p.put(new QName("doc-script"), new XdmAtomicValue("zh-Hans"));
        p.put(new QName("twin"), new XdmAtomicValue(twin));
        if (java) {
            Mentions.Entities e = Mentions.entities(doc, registers, "zh-Hans", twin);
            p.put(new QName("entities"), e.ids());
            p.put(new QName("entity-forms"), e.forms());
        }
        t.setStylesheetParameters(p);
        t.setGlobalContextItem(doc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.applyTemplates(doc, SaxonPages.serializer(MentionsTest.XSL.processor(), out));
        String page = out.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("<main"), page);
        return page;
    }

    /** The document a program writes: each number a piece of text, an element opened, or the last one closed. */
    static String document(List<Integer> program) {
        boolean fragment = program.get(0) % 4 == 0;
        StringBuilder sb = new StringBuilder();
        String ns = " xmlns='" + MentionsTest.TEI_NS + "'";
        if (fragment) {
            sb.append("<div").append(ns).append(">");
        } else {
            sb.append("<TEI").append(ns).append(" xml:lang='zh-Hans'><teiHeader><fileDesc><titleStmt><title>题</title></titleStmt>")
                    .append("<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>");
        }
        Deque<String> open = new ArrayDeque<>();
        int ids = 0;
        for (int v : program.subList(1, program.size())) {
            int op = v % 10;
            if (op < 4) {
                sb.append(TEXTS[(v / 10) % TEXTS.length]);
            } else if (op < 8 && open.size() < 8) {
                String start = ELEMENTS[(v / 10) % ELEMENTS.length].replace("ID", "i" + ++ids);
                sb.append('<').append(start).append('>');
                open.push(start.split(" ")[0]);
            } else if (!open.isEmpty()) {
                sb.append("</").append(open.pop()).append('>');
            }
        }
        while (!open.isEmpty()) sb.append("</").append(open.pop()).append('>');
        sb.append(fragment ? "</div>" : "</body></text></TEI>");
        return sb.toString();
    }
}
