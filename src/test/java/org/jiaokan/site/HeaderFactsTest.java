package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Facts of a header as the document's page shows them: an issuing body both the creation and the title statement name
 * is one row (it was two); a character XML cannot carry is shown by its code point, U+0000, not by the id of its
 * declaration, which begins with the document's key.
 */
class HeaderFactsTest {
    @TempDir
    Path tmp;

    @Test
    void oneIssuerRowAndCodePointsByTheirNumbers() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String id = "jk-001_e8825e5862d1a0f3";
        String tei = Files.readString(Path.of("tei/docs/" + id + ".xml"), StandardCharsets.UTF_8);
        assertTrue(tei.contains("<creation>") && tei.contains("</titleStmt>"));
        tei = tei.replace("<creation>", "<creation><orgName type=\"issuer\">某市人民政府办公室</orgName>")
                .replace("</titleStmt>", "<author role=\"issuer\">某市人民政府办公室</author></titleStmt>");
        Files.writeString(in.resolve(id + ".xml"), tei, StandardCharsets.UTF_8);
        Path nul = tmp.resolve("nul.txt");
        Files.writeString(nul, "关于做好安全生产工作的通知\n" + "各单位要认真落实安全生产责任制，加强隐患排查治理。".repeat(6) + "\u0000各项要求。\n",
                StandardCharsets.UTF_8);
        CliRun c = CliRun.of("convert", "-q", "-o", in.toString(), nul.toString());
        assertEquals(0, c.exit(), c.err());
        Path out = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());

        String page = Files.readString(out.resolve("doc/" + id + ".html"), StandardCharsets.UTF_8);
        assertEquals(1, Pattern.compile("data-i18n=\"meta.issuer\"").matcher(page).results().count(), page);
        assertTrue(Pattern.compile("data-i18n=\"meta.issuer\">[^<]*</span></dt><dd[^>]*>某市人民政府办公室</dd>").matcher(page).find(), page);
        String nulPage = Files.readString(out.resolve("doc/nul.html"), StandardCharsets.UTF_8);
        assertTrue(nulPage.contains("⟨U+0000⟩"), nulPage);
        assertFalse(Pattern.compile("⟨[a-z0-9]+-U0000⟩").matcher(nulPage).find(), nulPage);
    }
}
