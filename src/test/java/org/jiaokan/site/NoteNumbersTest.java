package org.jiaokan.site;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.jiaokan.publish.Publisher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's notes are numbered as the count of the notes outside the header before each (a note inside another
 * is not before it), on a page made in one pass however many notes the document has: 1,500 notes, one of them
 * inside another and two in the header, against that count made by XPath on the TEI.
 */
class NoteNumbersTest {
    @TempDir
    Path tmp;

    @Test
    void notesAreNumberedByTheNotesBeforeThemOnADocumentOfManyNotes() throws Exception {
        Path edition = SiteFixtures.edition(tmp.resolve("edition"));
        // the fixture's document with notes of its own (an editorial note among them)
        Path doc = edition.resolve("zhs-notice.xml");
        String tei = Files.readString(doc);
        int body = tei.indexOf("</body>");
        assertTrue(body > 0, "the fixture has a body");
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            notes.append("<p xml:id=\"nn-").append(i).append("\">段").append(i).append("<note xml:id=\"nn-n").append(i).append("\">注").append(i);
            if (i == 700) notes.append("<note xml:id=\"nn-inner\">内注</note>");
            notes.append("</note>。</p>\n");
        }
        tei = tei.substring(0, body) + notes + tei.substring(body);
        // two notes in the header, which no count takes
        tei = tei.replaceFirst("</titleStmt>", "<note>header one</note></titleStmt>").replaceFirst("<sourceDesc>", "<sourceDesc><note>header two</note>");
        Files.writeString(doc, tei);

        // the numbers the page must show: the count of the notes before each, outside the header and not around it
        Processor p = new Processor(false);
        XdmNode teiTree = p.newDocumentBuilder().build(doc.toFile());
        XPathCompiler xc = p.newXPathCompiler();
        xc.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        List<Integer> expected = new ArrayList<>();
        for (XdmItem n : xc.evaluate("//text//note[not(ancestor::note)]", teiTree)) {
            expected.add(Integer.parseInt(xc.evaluateSingle("count(preceding::note[not(ancestor::teiHeader)]) + 1", n).getStringValue()));
        }
        int inner = Integer.parseInt(xc.evaluateSingle("count(//note[@xml:id = 'nn-inner']/preceding::note[not(ancestor::teiHeader)]) + 1", teiTree).getStringValue());
        assertTrue(expected.size() >= 1500, "notes in the text: " + expected.size());

        Path site = tmp.resolve("site");
        Publisher.Result r = new Publisher(new Publisher.Options(site, Set.of("html"), null, 2)).publish(List.of(edition));
        assertEquals(List.of(), r.errors());
        String docid = Publisher.docid(teiTree, doc);
        Document page = SiteFixtures.page(site.resolve("doc/" + docid + ".html"));

        List<Integer> markers = new ArrayList<>();
        for (Element a : page.select("div.text a.note-link")) markers.add(Integer.parseInt(a.text()));
        assertEquals(expected, markers, "the markers in the text");
        List<Integer> listed = new ArrayList<>();
        for (Element li : page.select("section.notes > ol > li")) listed.add(Integer.parseInt(li.id().substring("jk--note-".length())));
        assertEquals(expected, listed, "the list of notes");
        // the note inside another: its marker in the list item of the note around it, the only item with one
        List<Element> withMarker = page.select("section.notes > ol > li:has(a.note-link)");
        assertEquals(1, withMarker.size(), "list items holding a marker");
        assertEquals(List.of(String.valueOf(inner)), withMarker.get(0).select("a.note-link").eachText(), "the inner note's marker");
    }
}
