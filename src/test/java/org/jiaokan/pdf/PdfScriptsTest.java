package org.jiaokan.pdf;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invented notices in both scripts with Greek, Cyrillic and mathematical signs (from the DejaVu faces, after the
 * CJK ones), a private-use character and control characters (set as their code points) and a character no face has (an error line naming the
 * file and the character; the other files are still printed).
 */
class PdfScriptsTest {
    @TempDir
    static Path tmp;
    static Path out;
    static CliRun run;
    static Path invisible, longParagraph;
    static final String LONG = "全市公安机关要认真落实安全生产责任制度，切实做好汛期各项工作。".repeat(400) + "会议结束";
    static Path greek, traditional, hieroglyph, privateUse, web;

    static String tei(String title, String lang, String... paragraphs) {
        StringBuilder b = new StringBuilder("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"" + lang + "\"><teiHeader><fileDesc><titleStmt><title>")
                .append(title).append("</title></titleStmt><publicationStmt><p>测试</p></publicationStmt><sourceDesc><p>虚构</p></sourceDesc>"
                        + "</fileDesc></teiHeader><text><body>");
        for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
        return b.append("</body></text></TEI>").toString();
    }

    @BeforeAll
    static void publish() throws Exception {
        String missing = PdfTools.fontsMissing();
        Assumptions.assumeTrue(missing == null, missing);
        Path in = Files.createDirectories(tmp.resolve("in"));
        greek = Files.writeString(in.resolve("greek.xml"), tei("东湖区统计局关于发布测量公式的通知", "zh-Hans",
                "各街道办事处：现将角度公式发布如下，其中ϑ表示倾角，Δ表示差值，计算结果取x−y的绝对值。",
                "俄文资料名称为«Отчёт»，请各单位对照执行。"));
        traditional = Files.writeString(in.resolve("traditional.xml"), tei("東湖區公安分局關於轉發測量規範的通知", "zh-Hant",
                "各派出所：規範所稱係數ϑ≤0.5者為合格，偏差應在−3°至+3°之間。"));
        hieroglyph = Files.writeString(in.resolve("hieroglyph.xml"), tei("江州市博物馆展品说明", "zh-Hans",
                "展品铭文首字为𓀀，释读待定。"));
        privateUse = Files.writeString(in.resolve("private-use.xml"), tei("柳林镇档案整理说明", "zh-Hans",
                "原件第三行有一造字\uE425，系旧排版系统的自造字。",
                // control characters XML carries (a C1 control and DEL, from a source decoded as it said): no face draws them
                "原件页脚有控制字符\u0089与\u007F，照录。"));
        // No-break spaces, as a title copied from a web page's byline has them (the sans face has no glyph for one).
        web = Files.writeString(in.resolve("web.xml"), tei("来源：江州新闻网\u00A0\u00A0时间：2020-03-25\u00A0\u00A0编辑：王明", "zh-Hans",
                "本网讯\u00A0\u00A0记者从市公安局获悉，全市治安形势总体平稳。"));
        // Marks of direction and variation selectors, as text from the web has them, and characters only the faces for
        // other scripts have, between Han characters and a full-width comma (FOP set each such run in one face, the
        // CJK one, and refused the character as a missing glyph).
        invisible = Files.writeString(in.resolve("invisible.xml"), tei("江州市网信办\u200E转发通知", "zh-Hans",
                "本网讯\u200E记者\u202E获悉\u202C，会议\u2066强调\u2069安全\u061C第一。",
                "网友留言❤\uFE0F，点赞\uD83D\uDE00，谢谢ϑ。"));
        // A source with no line ends: one paragraph of 13,000 characters (FOP's line breaking grows with the square of a
        // paragraph's length; one of 500,000 filled the heap).
        longParagraph = Files.writeString(in.resolve("long.xml"), tei("江州市会议记录", "zh-Hans", LONG));
        out = tmp.resolve("out");
        run = CliRun.of("publish", "-q", "--formats", "pdf", "-o", out.toString(), greek.toString(), traditional.toString(),
                hieroglyph.toString(), privateUse.toString(), web.toString(), invisible.toString(), longParagraph.toString());
    }

    @Test
    void aCharacterNoFaceHasIsOneErrorLineNamingTheFileAndTheCharacter() {
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.err());
        String line = lines.get(0);
        assertEquals("jiaokan: error: " + hieroglyph + ": missing glyph: no font has U+13000 𓀀 (EGYPTIAN HIEROGLYPH A001)", line);
        assertFalse(Files.exists(out.resolve("pdf/hieroglyph.pdf")), "no PDF with a # in it");
        assertTrue(Files.exists(out.resolve("pdf/greek.pdf")) && Files.exists(out.resolve("pdf/edition.pdf")), "the other files are printed");
    }

    @Test
    void greekCyrillicAndMathematicalSignsComeFromDejaVuAndChineseStaysInTheCjkFaces() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        for (Path pdf : List.of(out.resolve("pdf/greek.pdf"), out.resolve("pdf/traditional.pdf"))) {
            String fonts = PdfTools.run("pdffonts", pdf.toString());
            assertTrue(fonts.contains("DejaVu"), fonts);
            assertTrue(fonts.contains("UMing"), fonts);
        }
        String text = PdfTools.run("pdftotext", out.resolve("pdf/greek.pdf").toString(), "-").replaceAll("\\s+", "");
        assertTrue(text.contains("其中ϑ表示倾角，Δ表示差值，计算结果取x−y的绝对值。"), text);
        assertTrue(text.contains("«Отчёт»"), text);
        String hant = PdfTools.run("pdftotext", out.resolve("pdf/traditional.pdf").toString(), "-").replaceAll("\\s+", "");
        assertTrue(hant.contains("係數ϑ≤0.5者為合格，偏差應在−3°至+3°之間。"), hant);
        // The Chinese text is set in the CJK faces.
        String plain = PdfTools.run("pdffonts", out.resolve("pdf/private-use.pdf").toString());
        assertTrue(plain.contains("UMing"), plain);
    }

    @Test
    void aPrivateUseCharacterIsSetAsItsCodePoint() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        String text = PdfTools.run("pdftotext", out.resolve("pdf/private-use.pdf").toString(), "-").replaceAll("\\s+", "");
        assertTrue(text.contains("有一造字〈U+E425〉，系旧排版系统的自造字"), text);
        assertTrue(text.contains("有控制字符〈U+0089〉与〈U+007F〉，照录"), text);
    }

    @Test
    void noBreakSpacesInAHeadingAndTheTextAreSet() throws Exception {
        assertTrue(Files.exists(out.resolve("pdf/web.pdf")), run.err());
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        String text = PdfTools.run("pdftotext", out.resolve("pdf/web.pdf").toString(), "-").replaceAll("[\\s\u00A0]+", "");
        assertTrue(text.contains("来源：江州新闻网时间：2020-03-25编辑：王明"), text);
        assertTrue(text.contains("本网讯记者从市公安局获悉"), text);
    }

    @Test
    void marksOfDirectionAndSelectorsAreLeftOutAndCharactersOfOtherFacesAreSetInThem() throws Exception {
        assertTrue(Files.exists(out.resolve("pdf/invisible.pdf")), run.err());
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        String text = PdfTools.run("pdftotext", out.resolve("pdf/invisible.pdf").toString(), "-").replaceAll("\\s+", "");
        assertTrue(text.contains("本网讯记者获悉，会议强调安全第一。"), text);
        assertTrue(text.contains("网友留言❤，点赞\uD83D\uDE00，谢谢ϑ。"), text);
        assertTrue(text.contains("江州市网信办转发通知"), text);
        String fonts = PdfTools.run("pdffonts", out.resolve("pdf/invisible.pdf").toString());
        assertTrue(fonts.contains("DejaVuSans") && fonts.contains("UMing"), fonts);
    }

    @Test
    void aVeryLongParagraphIsSetWhole() throws Exception {
        assertTrue(Files.exists(out.resolve("pdf/long.pdf")), run.err());
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        StringBuilder body = new StringBuilder();
        for (String line : PdfTools.run("pdftotext", out.resolve("pdf/long.pdf").toString(), "-").split("[\n\f]")) {
            String l = line.strip();
            if (l.equals("江州市会议记录") || l.matches("\\d+")) continue; // the running head, the page numbers
            body.append(l);
        }
        assertTrue(body.toString().replaceAll("\\s+", "").contains(LONG), "the paragraph's text whole and in order");
    }

    @Test
    void thePdfsPassVeraPdf() throws Exception {
        for (String name : List.of("greek.pdf", "traditional.pdf", "private-use.pdf", "web.pdf", "invisible.pdf", "long.pdf", "edition.pdf")) {
            for (var f : List.of(org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A, org.verapdf.pdfa.flavours.PDFAFlavour.PDFUA_1)) {
                assertEquals(List.of(), PdfTools.veraFailures(out.resolve("pdf/" + name), f), name + " " + f.getId());
            }
        }
    }
}
