package org.jiaokan.publish.html;

import net.sf.saxon.s9api.SaxonApiException;
import org.jiaokan.publish.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stylesheets compiled ahead on a thread of their own are the ones the run is given, and their errors are its errors. */
class StylesheetsAheadTest {
    @TempDir
    Path tmp;

    /** A theme of its own (an override of one module), so that no other test's compilation is taken for it. */
    private Theme theme(String name, String documentXsl) throws Exception {
        Path site = Files.createDirectories(tmp.resolve(name).resolve("xslt/html"));
        Files.writeString(site.resolve("document.xsl"), documentXsl);
        return new Theme(tmp.resolve(name));
    }

    @Test
    void theRunTakesTheCompilationBegunAhead() throws Exception {
        String bundled = new String(new Theme(null).bytes("xslt/html/document.xsl"), java.nio.charset.StandardCharsets.UTF_8);
        // the bundled module with a comment: the same stylesheets, another fingerprint
        Theme theme = theme("own", bundled.replaceFirst("(<xsl:stylesheet[^>]*>)", "$1<!-- own -->"));
        assertFalse(Stylesheets.begunAhead(theme));
        Stylesheets.compileAhead(theme);
        assertTrue(Stylesheets.begunAhead(theme));
        Stylesheets.compileAhead(theme); // already begun: nothing more
        Stylesheets s = Stylesheets.of(theme);
        assertFalse(Stylesheets.begunAhead(theme), "the run took the compilation begun ahead");
        assertSame(s, Stylesheets.of(theme), "kept for the next run");
        Stylesheets.compileAhead(theme); // compiled: nothing more
        assertFalse(Stylesheets.begunAhead(theme));
        assertSame(s, Stylesheets.of(theme));
    }

    @Test
    void aThemeThatDoesNotCompileFailsTheRunAsWithoutCompilingAhead() throws Exception {
        Theme theme = theme("broken", "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                + "<xsl:template match=\"/\"><xsl:value-of select=\"1 +\"/></xsl:template></xsl:stylesheet>");
        Stylesheets.compileAhead(theme);
        assertTrue(Stylesheets.begunAhead(theme));
        SaxonApiException ahead = assertThrows(SaxonApiException.class, () -> Stylesheets.of(theme));
        SaxonApiException again = assertThrows(SaxonApiException.class, () -> Stylesheets.of(theme));
        assertTrue(ahead.getMessage() != null && ahead.getMessage().equals(again.getMessage()), ahead + " / " + again);
    }
}
