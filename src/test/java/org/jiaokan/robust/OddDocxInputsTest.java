package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOCX files of unusual shape convert into valid TEI that keeps their text, or fail with one line. */
class OddDocxInputsTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @TempDir
    Path tmp;

    /** A minimal DOCX package around a body (and footnotes, when given). */
    static byte[] docx(String body, String footnotes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + (footnotes == null ? "" : "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>")
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            if (footnotes != null) {
                put(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
                        + "</Relationships>");
                put(zip, "word/footnotes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes xmlns:w=\"" + W + "\">"
                        + footnotes + "</w:footnotes>");
            }
            put(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
                    + "\"><w:body>" + body + "</w:body></w:document>");
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private Path convert(String name, String body, String footnotes, String kept) throws Exception {
        Path in = Files.write(tmp.resolve(name + ".docx"), docx(body, footnotes));
        Path tei = Cli.convertsCleanly(tmp.resolve("out-" + name), in);
        Cli.losslessAgainstReader(tei, in);
        if (kept != null) assertTrue(org.jiaokan.TestSupport.noSpace(Cli.diplomatic(tei)).contains(kept), name + " lost " + kept);
        return tei;
    }

    @Test
    void emptyParagraphsAroundText() throws Exception {
        convert("empty-paragraphs", "<w:p/><w:p></w:p><w:p><w:r><w:t></w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>唯一的段落。</w:t></w:r></w:p><w:p/>", null, "唯一的段落。");
    }

    @Test
    void onlyEmptyParagraphs() throws Exception {
        Path in = Files.write(tmp.resolve("blank.docx"), docx("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>", null));
        Cli.convertsOrFailsInOneLine(tmp.resolve("out"), in);
    }

    @Test
    void tablesOnly() throws Exception {
        convert("tables-only", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc>"
                + "<w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>", null, "嵌套");
    }

    @Test
    void footnoteOnly() throws Exception {
        convert("footnote-only", "<w:p><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
                "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                        + "<w:footnote w:id=\"1\"><w:p><w:r><w:t>脚注内容。</w:t></w:r></w:p></w:footnote>", null);
    }

    @Test
    void fieldsHyperlinksAndRevisions() throws Exception {
        convert("fields", "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2020-01-01</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                + "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"
                + "<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t>"
                + "<w:sym w:char=\"F0E0\"/></w:r></w:p>"
                + "<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件</w:t></w:r></w:p></w:sdtContent></w:sdt>"
                + "<w:p><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>", null, "链接");
    }

    @Test
    void deeplyNestedTables() throws Exception {
        String open = "<w:tbl><w:tr><w:tc>";
        String close = "<w:p/></w:tc></w:tr></w:tbl>";
        convert("nested-tables", open.repeat(200) + "<w:p><w:r><w:t>最深处。</w:t></w:r></w:p>" + close.repeat(200) + "<w:p/>", null,
                "最深处。");
    }
}
