package org.jiaokan.pdf;

import org.jiaokan.cli.CliRun;
import org.jiaokan.site.HtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A byte a source's encoding cannot decode is kept in the TEI as {@code g type="damage"}; readers see
 * it: on the site the mark 〓 in both readings with an explanation naming the byte, in the PDF the
 * mark with the byte in a footnote, in the search index nothing.
 */
class DamageMarkTest {
    @TempDir
    static Path tmp;
    static Path site;
    static CliRun publish;

    private static final String TEXT_HANS = "关于加强辖区治安巡逻工作的通知\n各派出所：\n为进一步加强辖区治安管理，现将有关事项通知如下。\n";
    private static final String TEXT_HANT = "關於加強轄區治安巡邏工作的通知\n各派出所：\n為進一步加強轄區治安管理，現將有關事項通知如下。\n";

    /** The text in {@code cs} with one byte {@code bad} before the character at {@code at}. */
    private static byte[] damaged(String text, Charset cs, int at, int bad) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(text.substring(0, at).getBytes(cs));
        b.write(bad);
        b.writeBytes(text.substring(at).getBytes(cs));
        return b.toByteArray();
    }

    @BeforeAll
    static void publishDamagedSources() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("xunluo.txt"), damaged(TEXT_HANS, StandardCharsets.UTF_8, 20, 0xFF));
        Files.write(in.resolve("xunluo-hant.txt"), damaged(TEXT_HANT, Charset.forName("Big5"), 20, 0x80));
        Path tei = tmp.resolve("tei");
        CliRun c = CliRun.of("convert", "-q", "-o", tei.toString(), in.toString());
        assertEquals(0, c.exit(), c.err());
        site = tmp.resolve("site");
        boolean pdf = PdfTools.fontsMissing() == null;
        publish = CliRun.of("publish", "-o", site.toString(), "--formats", pdf ? "html,pdf" : "html", tei.toString());
    }

    @Test
    void theSitePageShowsTheMarkWithTheByteInBothReadings() throws Exception {
        assertEquals(0, publish.exit(), publish.err());
        for (String[] c : new String[][]{{"xunluo", "0xFF"}, {"xunluo-hant", "0x80"}}) {
            Document page = Jsoup.parse(site.resolve("doc/" + c[0] + ".html").toFile(), "UTF-8");
            List<Element> marks = page.select(".iv-damage");
            assertEquals(1, marks.size(), c[0] + ": one damaged byte, one mark");
            Element mark = marks.get(0);
            assertEquals(c[1], mark.attr("data-byte"));
            Element button = mark.selectFirst("button.mk-damage");
            assertEquals("〓", button.selectFirst("[aria-hidden=true]").text(), "the customary mark of an illegible character");
            Element tip = page.getElementById(button.attr("aria-describedby"));
            assertTrue(tip != null && tip.attr("role").equals("tooltip"));
            assertTrue(tip.text().contains(c[1]), () -> "the explanation names the byte: " + tip.text());
            assertTrue(tip.text().contains("损坏"), tip.text());
            // Shown in both readings: neither it nor a parent is kept to one of them.
            for (Element e = mark; e != null; e = e.parent()) {
                assertFalse(e.hasClass("dipl-only") || e.hasClass("reg-only"), c[0] + ": the mark is in one reading only");
            }
        }
        Document other = Jsoup.parse(site.resolve("doc/xunluo.zh-Hant.html").toFile(), "UTF-8");
        assertEquals("0xFF", other.selectFirst(".iv-damage").attr("data-byte"), "the page in the other script has it too");
    }

    @Test
    void theStringsOfBothInterfacesExplainIt() throws Exception {
        String css = Files.readString(site.resolve("assets/jiaokan.css"));
        assertTrue(css.contains(".mk-damage"), "the mark is styled by the theme");
        for (String lang : List.of("en", "zh-Hans")) {
            String strings = new String(getClass().getResourceAsStream("/org/jiaokan/site/i18n/" + lang + ".xml").readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(strings.contains("k=\"iv.damage\"") && strings.contains("k=\"iv.damage.mark\""), lang);
        }
    }

    @Test
    void thePagesStayValidHtml() throws Exception {
        assertEquals(0, publish.exit(), publish.err());
        HtmlChecker checker = new HtmlChecker();
        for (String page : List.of("doc/xunluo.html", "doc/xunluo-hant.html", "doc/xunluo.zh-Hant.html", "about.html")) {
            assertEquals(List.of(), checker.errors(site.resolve(page)), page);
        }
        Document about = Jsoup.parse(site.resolve("about.html").toFile(), "UTF-8");
        assertTrue(about.getElementById("iv-damage").text().contains("(2)"), "the about page counts the damaged bytes");
    }

    @Test
    void theSearchIndexHasNoTraceOfTheDamage() throws Exception {
        assertEquals(0, publish.exit(), publish.err());
        StringBuilder all = new StringBuilder();
        try (var s = Files.walk(site.resolve("search"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) all.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        String index = all.toString();
        assertFalse(index.contains("〓"), "no mark in the index");
        assertFalse(index.contains("\uDCFF") || index.contains("\\udcff") || index.contains("\\uDCFF"), "no escape of the byte in the index");
        assertTrue(index.contains("巡逻") || index.contains("巡"), "the text around it is indexed");
    }

    @Test
    void thePdfHasTheMarkAndTheByteInAFootnote() throws Exception {
        Assumptions.assumeTrue(PdfTools.fontsMissing() == null, PdfTools::fontsMissing);
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        assertEquals(0, publish.exit(), publish.err());
        assertTrue(org.jiaokan.publish.fonts.FontCoverage.of(org.jiaokan.publish.fonts.CjkFonts.locate()).inSerif(0x3013),
                "the serif face has 〓");
        String text = PdfTools.run("pdftotext", "-enc", "UTF-8", site.resolve("pdf/xunluo.pdf").toString(), "-");
        assertTrue(text.contains("〓"), "the mark is in the text");
        assertTrue(text.contains("损坏字节") && text.contains("0xFF"), () -> "the footnote names the byte:\n" + text);
        String hant = PdfTools.run("pdftotext", "-enc", "UTF-8", site.resolve("pdf/xunluo-hant.pdf").toString(), "-");
        assertTrue(hant.contains("〓") && hant.contains("0x80"), hant);
    }
}
