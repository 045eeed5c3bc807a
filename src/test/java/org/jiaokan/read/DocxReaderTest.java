package org.jiaokan.read;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxReaderTest {

    /** A small speech as Word writes it: styled title, subtitle and headings, a table, a footnote. */
    static byte[] sampleDocx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            addStyle(styles, "Title", "Title");
            addStyle(styles, "Subtitle", "Subtitle");
            addStyle(styles, "Heading1", "heading 1");
            addStyle(styles, "2", "heading 2");
            paragraph(doc, "Title", "在全县公安机关奥运安保工作会议上的讲话");
            paragraph(doc, "Subtitle", "(2008年8月8日)");
            paragraph(doc, null, "同志们:");
            paragraph(doc, null, "");
            paragraph(doc, "Heading1", "一、提高认识");
            XWPFParagraph withNote = paragraph(doc, null, "今天是8月8日,距离奥运会开幕仅有几个小时");
            XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText("指北京奥运会开幕式。");
            withNote.addFootnoteReference(note);
            withNote.createRun().setText("的时间了。");
            paragraph(doc, "2", "(一)加强巡逻");
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("单位");
            table.getRow(0).getCell(1).setText("警力");
            paragraph(doc, null, "谢谢大家。");
            doc.getProperties().getCoreProperties().setTitle("奥运安保讲话");
            doc.getProperties().getCoreProperties().setCreator("县公安局");
            doc.getProperties().getCoreProperties().setDescription("会议讲话稿");
            doc.getProperties().getCoreProperties().setKeywords("奥运,安保");
            doc.getProperties().getCoreProperties().setCreated("2008-08-08T08:00:00Z");
            doc.write(out);
            return out.toByteArray();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static void addStyle(XWPFStyles styles, String id, String name) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        styles.addStyle(new XWPFStyle(ct));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        if (!text.isEmpty()) p.createRun().setText(text);
        return p;
    }

    @Test
    void stylesTablesAndFootnotesBecomeHintedLines() throws Exception {
        SourceDocument doc = new DocxReader().read("speech.docx", sampleDocx(), null);
        assertEquals(List.of(
                new SourceLine("在全县公安机关奥运安保工作会议上的讲话", Hint.TITLE, ""),
                new SourceLine("(2008年8月8日)", Hint.SUBTITLE, ""),
                new SourceLine("同志们:", Hint.PARAGRAPH, ""),
                new SourceLine("一、提高认识", Hint.HEADING, "1"),
                new SourceLine("今天是8月8日,距离奥运会开幕仅有几个小时的时间了。", Hint.PARAGRAPH, "",
                        List.of(new SourceLine.NoteAnchor("今天是8月8日,距离奥运会开幕仅有几个小时".length(), "1"))),
                new SourceLine("(一)加强巡逻", Hint.HEADING, "2"),
                new SourceLine("单位", Hint.PARAGRAPH, ""),
                new SourceLine("警力", Hint.PARAGRAPH, ""),
                new SourceLine("谢谢大家。", Hint.PARAGRAPH, ""),
                new SourceLine("指北京奥运会开幕式。", Hint.FOOTNOTE, "1")), doc.lines());
        // The decoded text has the note where the reference stands, and no mark the source lacks.
        assertTrue(doc.text().contains("仅有几个小时指北京奥运会开幕式。的时间了。"), doc.text());
        assertFalse(doc.text().contains("[1]"));
        assertTrue(doc.text().endsWith("谢谢大家。"));
        assertEquals("UTF-8", doc.encoding());
        assertEquals("DOCX (Office Open XML, UTF-8 XML parts)", doc.encodingEvidence());
        assertEquals(DocxReader.MEDIA_TYPE, doc.mediaType());
    }

    @Test
    void corePropertiesAreRecorded() throws Exception {
        SourceDocument doc = new DocxReader().read("speech.docx", sampleDocx(), null);
        assertEquals("奥运安保讲话", doc.properties().get("docx.title"));
        assertEquals("县公安局", doc.properties().get("docx.creator"));
        assertEquals("会议讲话稿", doc.properties().get("docx.description"));
        assertEquals("奥运,安保", doc.properties().get("docx.keywords"));
        assertEquals("2008-08-08T08:00:00Z", doc.properties().get("docx.created"));
    }

    @Test
    void zipThatIsNotWordIsCorrupt() throws Exception {
        byte[] zip = zipOf("word/document.xml", "this is not XML".getBytes(StandardCharsets.UTF_8));
        ReadException e = assertThrows(ReadException.class, () -> new DocxReader().read("bad.docx", zip, null));
        assertTrue(e.getMessage().startsWith("corrupt DOCX: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void truncatedDocxIsCorrupt() throws Exception {
        byte[] whole = sampleDocx();
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        ReadException e = assertThrows(ReadException.class, () -> new DocxReader().read("half.docx", half, null));
        assertTrue(e.getMessage().startsWith("corrupt DOCX: "), e.getMessage());
    }

    /** A part that unpacks to hundreds of times its packed size is refused as over a limit, not called damaged. */
    @Test
    void aZipBombIsOverALimitNotCorrupt() throws Exception {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>关于</w:t></w:r></w:p>";
        byte[] body = (head + " ".repeat(20 << 20) + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8);
        byte[] docx = replaceEntry(sampleDocx(), "word/document.xml", body);
        assertTrue(docx.length < body.length / 500, "packed " + docx.length);
        ReadException e = assertThrows(ReadException.class, () -> new DocxReader().read("bomb.docx", docx, null));
        assertEquals("DOCX not read: a part of it unpacks to more than 100 times its packed size, the limit against zip bombs", e.getMessage());
    }

    @Test
    void aPartOverThePackagesSizeLimitIsSaidSo() {
        Exception poi = new IOException("cannot read", new org.apache.poi.util.RecordFormatException(
                "Tried to allocate an array of length 314,572,990, but the maximum length for this record type is 100,000,000."));
        assertEquals("DOCX not read: a part of it unpacks to 314572990 bytes, over the reader's limit of 100000000 bytes",
                DocxReader.overLimit(poi));
        assertEquals(null, DocxReader.overLimit(new IOException("Truncated ZIP file")));
    }

    @Test
    void externalEntitiesAreNotFetched(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-MARKER");
        String hostile = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "%s">]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p></w:body></w:document>
                """.formatted(secret.toUri());
        byte[] docx = replaceEntry(sampleDocx(), "word/document.xml", hostile.getBytes(StandardCharsets.UTF_8));
        // POI's XML parsers refuse any DOCTYPE, so the entity is never resolved.
        ReadException e = assertThrows(ReadException.class, () -> new DocxReader().read("xxe.docx", docx, null));
        assertTrue(e.getMessage().startsWith("corrupt DOCX: DOCTYPE is disallowed"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-MARKER"));
    }

    static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] replaceEntry(byte[] docx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(name) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
