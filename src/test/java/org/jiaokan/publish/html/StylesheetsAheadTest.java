package org.jiaokan.publish.html;

import net.sf.saxon.s9api.SaxonApiException;
import org.jiaokan.publish.Publisher;
import org.jiaokan.publish.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stylesheets compiled ahead on a thread of their own are the ones the run is given, and their errors are its errors. */
class StylesheetsAheadTest {
    @TempDir
    Path tmp;

    /** A theme of its own (an override of one module), so that no other test's compilation is taken for it. */
    private Path site(String name, String documentXsl) throws Exception {
        Path site = tmp.resolve(name).resolve("site");
        Files.createDirectories(site.resolve("xslt/html"));
        Files.writeString(site.resolve("xslt/html/document.xsl"), documentXsl);
        return site;
    }

    /** The bundled document module with a comment: the same stylesheets, another fingerprint. */
    private static String bundledWith(String comment) throws Exception {
        String bundled = new String(new Theme(null).bytes("xslt/html/document.xsl"), java.nio.charset.StandardCharsets.UTF_8);
        return bundled.replaceFirst("(<xsl:stylesheet[^>]*>)", "$1<!-- " + comment + " -->");
    }

    @Test
    void theRunTakesTheCompilationBegunAhead() throws Exception {
        Theme theme = new Theme(site("own", bundledWith("own")));
        assertNull(Stylesheets.pendingAhead(theme));
        Stylesheets.compileAhead(theme);
        CompletableFuture<Stylesheets> ahead = Stylesheets.pendingAhead(theme);
        assertNotNull(ahead, "begun");
        Stylesheets.compileAhead(theme);
        assertSame(ahead, Stylesheets.pendingAhead(theme), "begun once");
        Stylesheets s = Stylesheets.of(theme);
        assertSame(ahead.join(), s, "the run is given what the thread compiled");
        assertNull(Stylesheets.pendingAhead(theme), "taken");
        assertSame(s, Stylesheets.of(theme), "kept for the next run");
        Stylesheets.compileAhead(theme);
        assertNull(Stylesheets.pendingAhead(theme), "compiled: not begun again");
    }

    @Test
    void aThemeThatDoesNotCompileFailsTheRunWithTheSameError() throws Exception {
        Theme theme = new Theme(site("broken", "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                + "<xsl:template match=\"/\"><xsl:value-of select=\"1 +\"/></xsl:template></xsl:stylesheet>"));
        Stylesheets.compileAhead(theme);
        CompletableFuture<Stylesheets> ahead = Stylesheets.pendingAhead(theme);
        CompletionException failed = assertThrows(CompletionException.class, ahead::join);
        SaxonApiException inThread = assertInstanceOf(SaxonApiException.class, failed.getCause());
        SaxonApiException inRun = assertThrows(SaxonApiException.class, () -> Stylesheets.of(theme));
        assertEquals(inThread.getMessage(), inRun.getMessage());
        assertNull(Stylesheets.pendingAhead(theme));
    }

    @Test
    void aThemeChangedMeanwhileIsCompiledAsItIsNow() throws Exception {
        Path site = site("changed", bundledWith("before"));
        Stylesheets.compileAhead(new Theme(site));
        CompletableFuture<Stylesheets> before = Stylesheets.pendingAhead(new Theme(site));
        Files.writeString(site.resolve("xslt/html/document.xsl"), bundledWith("after"));
        Stylesheets now = Stylesheets.of(new Theme(site));
        assertNotNull(before.join());
        assertNotSame(before.join(), now, "not the stylesheets of the theme before");
        // the compilation of the theme before is not kept for a run that will never ask for it
        Files.writeString(site.resolve("xslt/html/document.xsl"), bundledWith("before"));
        assertNull(Stylesheets.pendingAhead(new Theme(site)));
    }

    @Test
    void buildCompilesAheadTheThemeThePublicationUses() throws Exception {
        Path site = site("edition", bundledWith("edition"));
        Path edition = site.getParent();
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Theme used = new Theme(Publisher.sort(List.of(edition)).themeDir());
        assertNull(Stylesheets.pendingAhead(used));
        Publisher.compileSiteAhead(edition);
        CompletableFuture<Stylesheets> ahead = Stylesheets.pendingAhead(used);
        assertNotNull(ahead, "the publication's theme is the one compiled ahead");
        assertSame(ahead.join(), Stylesheets.of(used));
    }
}
