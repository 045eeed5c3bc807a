package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadersTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String failure(Path file) {
        return assertThrows(ReadException.class, () -> Readers.read(file, null)).getMessage();
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("empty file", failure(file("empty.txt", new byte[0])));
    }

    @Test
    void binaryFile() throws IOException {
        byte[] bytes = new byte[1024];
        new Random(1).nextBytes(bytes);
        bytes[3] = 0;
        assertEquals("binary data, not text", failure(file("noise.txt", bytes)));
    }

    @Test
    void missingFileAndDirectory() {
        assertEquals("cannot read: no such file", failure(dir.resolve("missing.txt")));
        assertEquals("cannot read: is a directory", failure(dir));
    }

    @Test
    void htmlIsRecognisedByContentWhateverTheName() throws Exception {
        String page = "\uFEFF  <!DOCTYPE html><html><body><p>会议要求全力做好今年各项公安工作,确保社会稳定。</p></body></html>";
        SourceDocument doc = Readers.read(file("saved.txt", page.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals("text/html", doc.mediaType());
        assertEquals(Hint.PARAGRAPH, doc.lines().get(0).hint());
        assertEquals("saved.txt", doc.fileName());
    }

    @Test
    void htmlFragmentIsRecognisedByExtension() throws Exception {
        String fragment = "<p>会议要求全力做好今年各项公安工作,确保社会稳定。</p>";
        assertEquals("text/html", Readers.read(file("fragment.htm", fragment.getBytes(StandardCharsets.UTF_8)), null).mediaType());
        assertEquals("text/plain", Readers.read(file("fragment.txt", fragment.getBytes(StandardCharsets.UTF_8)), null).mediaType());
    }

    @Test
    void docxIsRecognisedByContentWhateverTheName() throws Exception {
        SourceDocument doc = Readers.read(file("speech.bin", DocxReaderTest.sampleDocx()), null);
        assertEquals(DocxReader.MEDIA_TYPE, doc.mediaType());
        assertEquals(Hint.TITLE, doc.lines().get(0).hint());
    }

    @Test
    void brokenDocxAndOtherZips() throws Exception {
        assertEquals("corrupt DOCX: not a ZIP archive", failure(file("fake.docx", "not a zip".getBytes(StandardCharsets.UTF_8))));
        byte[] otherZip = DocxReaderTest.zipOf("content.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
        assertEquals("corrupt DOCX: no word/document.xml in the archive", failure(file("odd.docx", otherZip)));
        assertEquals("unsupported file type: ZIP archive that is not a DOCX document", failure(file("odd.zip", otherZip)));
        byte[] badWord = DocxReaderTest.zipOf("word/document.xml", "garbage".getBytes(StandardCharsets.UTF_8));
        assertTrue(failure(file("bad.docx", badWord)).startsWith("corrupt DOCX: "));
    }

    @Test
    void legacyFormatsAreNamed() throws IOException {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals("unsupported file type: legacy Office document (OLE2, e.g. .doc); save it as .docx",
                failure(file("old.doc", ole)));
        assertEquals("unsupported file type: PDF", failure(file("x.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void forcedEncodingReachesTheReader() throws Exception {
        byte[] big5 = "會議要求".getBytes(Charset.forName("Big5"));
        SourceDocument doc = Readers.read(file("note.txt", big5), Charset.forName("Big5"));
        assertEquals("會議要求", doc.text());
        assertEquals("Big5", doc.encoding());
        assertEquals("forced by --encoding", doc.encodingEvidence());
    }

    @Test
    void plainTextRecordsFileFacts() throws Exception {
        SourceDocument doc = Readers.read(file("abc.txt", "abc\n".getBytes(StandardCharsets.US_ASCII)), null);
        assertEquals("text/plain", doc.mediaType());
        assertEquals(4, doc.size());
        assertEquals("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb", doc.sha256());
    }

    @Test
    void utf16HtmlWithoutByteOrderMarkIsHtml() throws Exception {
        String page = "<html><head><title>通知</title></head><body><p>关于加强校园周边治安管理的通知</p>"
                + "<p>各中小学要落实安保措施。</p></body></html>\n";
        for (java.nio.charset.Charset cs : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            org.jiaokan.model.SourceDocument doc = Readers.read(file("page-" + cs.name() + ".dat", page.getBytes(cs)), null);
            assertEquals("text/html", doc.mediaType(), cs.name());
            assertEquals(cs.name(), doc.encoding());
            assertTrue(doc.text().contains("各中小学要落实安保措施。"), doc.text());
        }
    }

    @Test
    void utf16TeiWithoutByteOrderMarkIsStillRefused() throws Exception {
        String tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>正文。</p></body></text></TEI>\n";
        assertTrue(failure(file("doc.xml", tei.getBytes(StandardCharsets.UTF_16LE))).startsWith("unsupported file type: TEI XML"));
    }
}
