package org.jiaokan.publish;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.transform.stream.StreamSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identifier of a document read as it streams past (for one left out of an output for its size) is the one its
 * tree gives.
 */
class StreamedDocidTest {
    @TempDir
    Path tmp;

    private static String fromTree(Path file) throws Exception {
        XdmNode tei = new Processor(false).newDocumentBuilder().build(new StreamSource(file.toFile()));
        return Publisher.docid(tei, file);
    }

    private Path write(String name, String xml) throws Exception {
        return Files.writeString(tmp.resolve(name), xml, StandardCharsets.UTF_8);
    }

    private static final String TEI = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">";

    @Test
    void theExampleEditionsDocumentsHaveTheirTreesIdentifiers() throws Exception {
        int n = 0;
        try (Stream<Path> files = Files.list(Path.of("tei/docs"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("jk-.*\\.xml")).sorted().toList()) {
                assertEquals(fromTree(f), Publisher.docid(f), f.toString());
                n++;
            }
        }
        assertTrue(n >= 5, "documents read: " + n);
    }

    @Test
    void theCasesTheTreeReadingMeetsAreReadAlike() throws Exception {
        String[] docs = {
                // nested markup in the identifier, space around it, another type first
                TEI + "<teiHeader><idno type=\"URI\">https://x/</idno><idno type=\"jiaokan\">\n  jk-<hi>9</hi>\n</idno></teiHeader></TEI>",
                // no identifier: the file's name
                TEI + "<teiHeader><idno type=\"other\">a</idno></teiHeader></TEI>",
                // characters a file name may not have, and one with a leading dot
                TEI + "<teiHeader><idno type=\"jiaokan\">a/b</idno></teiHeader></TEI>",
                TEI + "<teiHeader><idno type=\"jiaokan\">.hidden</idno></teiHeader></TEI>",
                // an idno outside TEI's namespace is no idno; a typed one in the text counts
                TEI + "<teiHeader><idno xmlns=\"urn:x\" type=\"jiaokan\">not</idno></teiHeader><text><idno type=\"jiaokan\">in-text</idno></text></TEI>",
                // the 2,001st idno is not looked at
                TEI + "<teiHeader>" + "<idno type=\"n\">x</idno>".repeat(2000) + "<idno type=\"jiaokan\">too-late</idno></teiHeader></TEI>",
                TEI + "<teiHeader>" + "<idno type=\"n\">x</idno>".repeat(1999) + "<idno type=\"jiaokan\">just-in</idno></teiHeader></TEI>",
                // Han characters
                TEI + "<teiHeader><idno type=\"jiaokan\">会议-2019</idno></teiHeader></TEI>",
        };
        for (int i = 0; i < docs.length; i++) {
            Path f = write("case-" + i + ".xml", docs[i]);
            assertEquals(fromTree(f), Publisher.docid(f), docs[i].length() > 300 ? "case " + i : docs[i]);
        }
        assertEquals("jk-9", Publisher.docid(tmp.resolve("case-0.xml")));
        assertEquals("case-1", Publisher.docid(tmp.resolve("case-1.xml")));
        assertEquals("case-5", Publisher.docid(tmp.resolve("case-5.xml")));
        assertEquals("just-in", Publisher.docid(tmp.resolve("case-6.xml")));
    }

    @Test
    void aFileNoOutputTakesHasNone() throws Exception {
        assertNull(Publisher.docid(write("cut.xml", TEI + "<teiHeader><idno type=\"other\">")));
        assertNull(Publisher.docid(write("doctype.xml", "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + TEI
                + "<teiHeader><idno type=\"jiaokan\">&x;</idno></teiHeader></TEI>")));
        assertNull(Publisher.docid(tmp.resolve("missing.xml")));
        // broken after its identifier: the tree's reading fails too, so no output has it
        assertNull(Publisher.docid(write("broken-later.xml", TEI + "<teiHeader><idno type=\"jiaokan\">t-big</idno></teiHeader><text>")));
    }

    /** An identifier over the bytes a page's name may take: the file's name, cut where even that is too long, and told apart by its digest. */
    @Test
    void identifiersTooLongForAPageNameAreNotTaken() throws Exception {
        String longName = "会".repeat(80); // 240 bytes, a name the file system takes, but not with .zh-Hant.html after it
        Path f = write(longName + ".xml", TEI + "<teiHeader><idno type=\"jiaokan\">" + "文".repeat(90) + "</idno></teiHeader></TEI>");
        String id = Publisher.docid(f);
        assertEquals(fromTree(f), id);
        assertTrue(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 200, id);
        assertTrue(id.matches("(会)+-[0-9a-f]{16}"), id);
        Path other = write("会".repeat(79) + "议.xml", TEI + "<teiHeader/></TEI>");
        assertNotEquals(id, Publisher.docid(other), "two long names cut alike are told apart");
        assertEquals("文".repeat(66), Publisher.docid(write("short.xml", TEI + "<teiHeader><idno type=\"jiaokan\">" + "文".repeat(66) + "</idno></teiHeader></TEI>")));
    }
}
