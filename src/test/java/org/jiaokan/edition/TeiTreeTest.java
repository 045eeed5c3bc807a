package org.jiaokan.edition;

import org.jiaokan.TestSupport;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.read.Readers;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.tei.Registers;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build reads what it needs of a TEI file (its validity, its register contributions, its ids) from the tree the file
 * was written from, not from the file parsed again: the tree gives what the bytes give, new or merged with an editor's
 * file, and an invalid tree is found invalid.
 */
class TeiTreeTest {
    private static List<Path> sources() throws Exception {
        List<Path> out = new ArrayList<>(TestSupport.seeds());
        try (var l = Files.list(Path.of("tei", "sources"))) {
            l.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }

    private static void assertSameReading(Document tree, byte[] bytes, EditionDocument doc, String name) throws Exception {
        assertArrayEquals(bytes, XmlWriter.bytes(tree), name + ": the bytes are the tree's");
        Document parsed = Xml.parse(bytes);
        assertEquals(Schemas.jiaokan().validate(bytes, name), Schemas.jiaokan().validate(tree, bytes, name), name);
        assertEquals(Registers.contributions(parsed, name, Registers.codes(doc)), Registers.contributions(tree, name, Registers.codes(doc)), name);
        assertEquals(Conversion.xmlIds(parsed), Conversion.xmlIds(tree), name);
        assertFalse(Conversion.xmlIds(tree).isEmpty(), name);
    }

    @Test
    void theTreeReadsAsTheBytesParsedAgain(@TempDir Path dir) throws Exception {
        int contributions = 0;
        for (Path source : sources()) {
            SourceDocument src = Readers.read(source, null);
            var edition = TestSupport.exampleEdition();
            EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
            Path file = dir.resolve(source.getFileName() + ".xml");
            TeiFiles.Made made = TeiFiles.writeTree(file, date -> Toolkit.get().writer(edition).write(doc, date));
            assertArrayEquals(Files.readAllBytes(file), made.outcome().bytes());
            assertSameReading(made.tree(), made.outcome().bytes(), doc, file.toString());
            contributions += Registers.contributions(made.tree(), file.toString(), Registers.codes(doc)).size();

            // An editor's change to the file: the merged tree reads as the merged bytes.
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            Document edited = Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
            Element p = Dom.descendants(Dom.child(edited.getDocumentElement(), "text").orElseThrow(), "p").get(0);
            p.appendChild(edited.createTextNode("（编者按：此段已核对。）"));
            Files.write(file, XmlWriter.bytes(edited));
            TeiFiles.Made merged = TeiFiles.writeTree(file, date -> Toolkit.get().writer(edition).write(doc, date));
            assertTrue(new String(merged.outcome().bytes(), StandardCharsets.UTF_8).contains("编者按"), file.toString());
            assertFalse(merged.outcome().keptUnits().isEmpty(), file.toString());
            assertSameReading(merged.tree(), merged.outcome().bytes(), doc, file + " (merged)");
        }
        assertTrue(contributions > 20, "names were compared: " + contributions);
    }

    @Test
    void aFileThatLacksADigestALaterVersionRecordsKeepsItsDate(@TempDir Path dir) throws Exception {
        // The example's jk-000 as a version before the root's digest wrote it: converted on 2026-12-01. Written again
        // it gains that digest and keeps its date (an upgrade dated every document of an edition anew).
        String id = "jk-000_48375d0ce296dd95";
        String committed = Files.readString(Path.of("tei/docs/" + id + ".xml"), StandardCharsets.UTF_8);
        String rootUnit = "\n        <unit digest=\"1a1b1a1e469729a1\" ref=\"attributes:/TEI\"/>";
        assertTrue(committed.contains(rootUnit) && committed.contains("<date when=\"2026-12-01\">"), "the example as expected");
        Path file = dir.resolve(id + ".xml");
        Files.writeString(file, committed.replace(rootUnit, ""), StandardCharsets.UTF_8);
        SourceDocument src = Readers.read(Path.of("tei/sources/000_48375d0ce296dd95.txt"), null);
        var edition = TestSupport.exampleEdition();
        EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
        TeiFiles.Made made = TeiFiles.writeTree(file, date -> Toolkit.get().writer(edition).write(doc, date));
        assertEquals(committed, new String(made.outcome().bytes(), StandardCharsets.UTF_8));
        assertTrue(TeiFiles.sameBesideDigests(committed.replace(rootUnit, "").getBytes(StandardCharsets.UTF_8),
                committed.getBytes(StandardCharsets.UTF_8)));
        assertFalse(TeiFiles.sameBesideDigests(committed.getBytes(StandardCharsets.UTF_8),
                committed.replace("2026-12-01", "2026-12-02").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidTreeIsFoundInvalid() throws Exception {
        Path source = TestSupport.seeds().get(0);
        SourceDocument src = Readers.read(source, null);
        var edition = TestSupport.exampleEdition();
        EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
        Document tree = Toolkit.get().writer(edition).write(doc, "2026-01-01");
        Element body = Dom.descendants(tree.getDocumentElement(), "body").get(0);
        body.appendChild(tree.createElementNS(Xml.TEI_NS, "table"));
        byte[] bytes = XmlWriter.bytes(tree);
        List<String> errors = Schemas.jiaokan().validate(tree, bytes, "invalid.xml");
        assertFalse(errors.isEmpty());
        assertEquals(Schemas.jiaokan().validate(bytes, "invalid.xml"), errors);
    }
}
