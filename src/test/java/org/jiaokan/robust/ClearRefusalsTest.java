package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs Jiaokan cannot convert are refused in one line that says why, and write no TEI. */
class ClearRefusalsTest {
    @TempDir
    Path tmp;

    private String refused(String name, byte[] bytes) throws Exception {
        Path in = Files.write(tmp.resolve(name), bytes);
        Path out = tmp.resolve("out-" + name);
        String reason = Cli.failsWithOneLine(out, in);
        assertEquals(0, Cli.teiFiles(out).size(), "no TEI for a refused input");
        return reason;
    }

    @Test
    void teiDocumentIsRefusedAsAlreadyAnEdition() throws Exception {
        String tei = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-model href=\"x.rng\"?>\n"
                + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>正文。</p></body></text></TEI>\n";
        assertTrue(refused("doc.xml", tei.getBytes(StandardCharsets.UTF_8)).startsWith("unsupported file type: TEI XML"));
        assertTrue(refused("corpus.xml", "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"/>".getBytes(StandardCharsets.UTF_8))
                .startsWith("unsupported file type: TEI XML"));
    }

    @Test
    void otherXmlIsTextAndKeptWhole() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;正文</a>\n";
        Path in = Files.writeString(tmp.resolve("data.xml"), xml);
        Cli.lossless(Cli.convertsCleanly(tmp.resolve("out"), in), xml);
    }

    @Test
    void unsupportedEncodingsSayWhatToDo() throws Exception {
        assertEquals("UTF-32 text is not supported; save it as UTF-8",
                refused("u32.txt", "\uFEFF标题\n".getBytes(Charset.forName("UTF-32LE"))));
        assertTrue(refused("latin1.txt", "café résumé naïve\n".getBytes(StandardCharsets.ISO_8859_1))
                .startsWith("text in an unsupported encoding: not UTF-8, GB18030 or Big5"));
    }

    @Test
    void forcedEncodingConvertsWhatDetectionRefused() throws Exception {
        Path in = Files.write(tmp.resolve("latin1.txt"), "café résumé naïve\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.of("convert", "-q", "--encoding", "ISO-8859-1", "-o", tmp.resolve("out").toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        Cli.lossless(Cli.teiFiles(tmp.resolve("out")).get(0), "café résumé naïve");
    }

    @Test
    void onlyByteOrderMarkAndCorruptContainersFailInOneLine() throws Exception {
        assertEquals("empty file (byte-order mark only)", refused("bom.txt", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertTrue(refused("bad.docx", "这不是zip".getBytes(StandardCharsets.UTF_8)).startsWith("corrupt DOCX"));
        byte[] docx = OddDocxInputsTest.docx("<w:p><w:r><w:t>文档</w:t></w:r></w:p>", null);
        assertFalse(refused("cut.docx", java.util.Arrays.copyOf(docx, 200)).isBlank());
    }

    @Test
    void outputFolderThatIsAFileIsOneClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Path in = Files.writeString(tmp.resolve("a.txt"), "正文。\n");
        CliRun r = CliRun.of("convert", "-q", "-o", file.toString(), in.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("jiaokan: error: " + file + ": output folder is a file"), r.errLines());
    }

    @Test
    void unknownEncodingNameIsRefusedInWords() throws Exception {
        Path in = Files.writeString(tmp.resolve("a.txt"), "正文。\n");
        CliRun r = CliRun.of("convert", "-q", "--encoding", "NOPE", "-o", tmp.resolve("out").toString(), in.toString());
        assertEquals(2, r.exit());
        assertEquals("Invalid value for option '--encoding': unknown encoding 'NOPE' (try UTF-8, GB18030, Big5, UTF-16LE)",
                r.errLines().get(0));
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
