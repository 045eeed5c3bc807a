package org.jiaokan.unseen;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The unseen corpus: documents written for these tests, kept in the repository as UTF-8 and written
 * out in the encoding a real capture of that kind comes in, so the fixtures stay readable and small.
 */
public final class UnseenCorpus {

    /** One document of the corpus: its UTF-8 source, the encoding it is written in and the file name it gets. */
    public enum Doc {
        FORUM_POST("forum-post.txt", "GBK", "forum-post-gbk.txt", false),
        SPEECH("speech.txt", "Big5", "speech-big5.txt", false),
        NOTICE("notice.txt", "UTF-16LE", "notice-utf16le.txt", true),
        NEWS_PAGE("news.html", "GBK", "news-gb2312.html", false),
        WEB_CAPTURE("web-capture.txt", "UTF-8", "web-capture.txt", false),
        PINYIN("pinyin.txt", "UTF-8", "pinyin.txt", false),
        REDACTED("redacted.txt", "UTF-8", "redacted.txt", false),
        MONTH_DAY("month-day.txt", "UTF-8", "month-day.txt", false),
        ANNIVERSARY_TRAD("anniversary-trad.txt", "UTF-8", "anniversary-trad.txt", false),
        NO_DATE("no-date.txt", "UTF-8", "no-date.txt", false),
        DOCX(null, null, "work-plan.docx", false),
        /** The notice as Windows Notepad saves it: GB18030 with CRLF line ends. */
        NOTICE_CRLF("notice.txt", "GB18030", "notice-crlf.txt", false);

        private final String resource;
        private final String charset;
        private final String fileName;
        private final boolean bom;

        Doc(String resource, String charset, String fileName, boolean bom) {
            this.resource = resource;
            this.charset = charset;
            this.fileName = fileName;
            this.bom = bom;
        }

        public String fileName() { return fileName; }

        /** The text as its author wrote it (lines joined with "\n", no final newline). */
        public String text() {
            if (resource == null) throw new IllegalStateException(name() + " has no text source");
            try (InputStream in = UnseenCorpus.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing fixture " + resource);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the document into {@code dir} in its encoding and returns the file. */
        public Path write(Path dir) throws IOException {
            Path out = dir.resolve(fileName);
            if (this == DOCX) {
                writeDocx(out);
            } else {
                String lines = this == NOTICE_CRLF ? text().replace("\n", "\r\n") + "\r\n" : text() + "\n";
                byte[] body = encode(lines, Charset.forName(charset));
                byte[] bytes = bom ? concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, body) : body;
                Files.write(out, bytes);
            }
            return out;
        }
    }

    /** The DOCX's paragraphs: what a Word user typed, with the style each was given. */
    static final String DOCX_TITLE = "关于加强中小学校园周边安全管理的工作方案";
    static final String DOCX_HEAD_1 = "一、工作目标";
    static final String DOCX_HEAD_2 = "二、主要措施";
    static final String DOCX_PARA_1 = "以维护校园及周边良好治安秩序为目标，坚持预防为主、综合治理，"
            + "确保师生人身安全和学校正常教学秩序。";
    static final String DOCX_PARA_2 = "各派出所要落实“护学岗”制度，在上学和放学时段安排警力在校门口值守，"
            + "并会同学校做好安全教育工作。";
    static final String DOCX_PARA_3 = "对校园周边的网吧、娱乐场所和流动摊贩开展集中整治，由治安大队牵头，"
            + "各派出所配合实施。";
    static final String DOCX_FOOTNOTE = "“护学岗”指上学、放学时段在校门口设立的警务执勤岗位。";

    private UnseenCorpus() {}

    private static void writeDocx(Path out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(out)) {
            styled(doc, "Title", DOCX_TITLE);
            styled(doc, "Heading1", DOCX_HEAD_1);
            styled(doc, null, DOCX_PARA_1);
            styled(doc, "Heading1", DOCX_HEAD_2);
            XWPFParagraph p = styled(doc, null, DOCX_PARA_2);
            XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText(DOCX_FOOTNOTE);
            p.addFootnoteReference(note);
            styled(doc, null, DOCX_PARA_3);
            doc.write(os);
        }
    }

    private static XWPFParagraph styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    /** Strict encoding: a character the target encoding lacks is a broken fixture, not a "?" in the file. */
    private static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(b.array(), b.position(), b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("fixture not encodable in " + charset + ": " + e, e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
