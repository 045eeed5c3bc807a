package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Text a DOCX holds outside the runs POI lists: a text box (once, though the file holds it twice, as a shape and as
 * its fallback), custom XML inside a paragraph, a symbol, a soft hyphen, a table inside a footnote. The reader read the
 * runs alone and lost them without a word.
 */
class DocxHiddenTextTest {
    @TempDir
    Path tmp;

    private static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:v=\"urn:schemas-microsoft-com:vml\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

    private static String r(String t) {
        return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>";
    }

    private static String p(String inner) {
        return "<w:p>" + inner + "</w:p>";
    }

    private Path docx(String body, String footnotes) throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + NS + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
        String fn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes " + NS + ">" + footnotes + "</w:footnotes>";
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        String docRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/></Relationships>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String[] part : new String[][] {{"[Content_Types].xml", types}, {"_rels/.rels", rels},
                    {"word/_rels/document.xml.rels", docRels}, {"word/document.xml", doc}, {"word/footnotes.xml", fn}}) {
                z.putNextEntry(new ZipEntry(part[0]));
                z.write(part[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Path f = tmp.resolve("hidden.docx");
        Files.write(f, bytes.toByteArray());
        return f;
    }

    @Test
    void textOutsideTheRunsIsRead() throws Exception {
        String box = "<w:txbxContent><w:p>" + r("文本框里的文字") + "</w:p><w:tbl><w:tr><w:tc><w:p>" + r("格一")
                + "</w:p></w:tc><w:tc><w:p>" + r("格二") + "</w:p></w:tc></w:tr></w:tbl></w:txbxContent>";
        String body = p(r("甲段：文本框前") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline><a:graphic><a:graphicData>"
                + "<wps:wsp><wps:txbx>" + box + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
                + r("文本框后。"))
                + p("<w:smartTag w:uri=\"x\" w:element=\"place\">" + r("乙段：智能标记") + "</w:smartTag><w:customXml w:element=\"x\">" + r("和自定义XML") + "</w:customXml>")
                + p("<w:r><w:t>丙段：软</w:t><w:softHyphen/><w:t>连字符、符号</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:t>完。</w:t></w:r>")
                + p(r("丁段：注") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>")
                + p("<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:default w:val=\"1\"/></w:checkBox></w:ffData></w:fldChar></w:r>"
                    + "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + r("同意"));
        String notes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" + r("脚注正文") + "</w:p>"
                + "<w:tbl><w:tr><w:tc><w:p>" + r("脚注里的表格") + "</w:p></w:tc></w:tr></w:tbl></w:footnote>";
        SourceDocument d = Readers.read(docx(body, notes), null);
        List<String> text = d.lines().stream().map(SourceLine::text).toList();
        assertEquals(List.of("甲段：文本框前", "文本框里的文字", "格一", "格二", "文本框后。", "乙段：智能标记和自定义XML",
                "丙段：软\u00AD连字符、符号\uF0FC完。", "丁段：注", "|X|同意", "脚注正文", "脚注里的表格"), text);
        SourceLine table = d.lines().get(10);
        assertEquals(Hint.FOOTNOTE, table.hint(), "a note's table is the note's");
        assertEquals("1", table.detail());
        assertEquals(1, d.lines().get(7).anchors().size(), "the reference still anchors its note");
    }
}
