package org.jiaokan.publish;

import org.jiaokan.publish.html.EntryPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register entries' pages made by {@link EntryPages} are, byte for byte, those the stylesheet makes with its
 * template {@code entry}, and the rest of the site is the same: the example edition's, the site tests' (with its
 * hostile strings), an incremental publication's; an edition with its own {@code site.xsl} has its entries' pages made
 * by it.
 */
class EntryPagesSiteTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        Publisher.javaEntryPages = true;
    }

    @Test
    void theExampleEditionsEntryPagesAreTheStylesheets() throws IOException {
        sameSite(Path.of("tei"), "example", 20);
    }

    @Test
    void theSiteTestEditionsEntryPagesAreTheStylesheets() throws IOException {
        sameSite(Path.of("src/test/resources/org/jiaokan/site/edition"), "site", 5);
    }

    @Test
    void anIncrementalPublicationsEntryPagesAreAFullOneByTheStylesheet() throws IOException {
        Path edition = tmp.resolve("edition-incremental");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        Path out = tmp.resolve("incremental");
        IncrementalPublishTest.run(edition, out, true);
        // one document's text changes: the pages of the entries it names are made again, the others kept
        Path changed = IncrementalPublishTest.documents(edition).get(1);
        String text = Files.readString(changed, StandardCharsets.UTF_8);
        int stop = text.indexOf('。', text.indexOf("<body"));
        assertTrue(stop > 0);
        Files.writeString(changed, text.substring(0, stop) + "，另行通知" + text.substring(stop), StandardCharsets.UTF_8);
        int before = Publisher.entryPagesMade.get();
        IncrementalPublishTest.run(edition, out, true);
        int made = Publisher.entryPagesMade.get() - before;
        Map<String, byte[]> incremental = IncrementalPublishTest.files(out);
        long entries = incremental.keySet().stream().filter(IncrementalPublishTest::isEntryPage).count();
        assertTrue(made > 0 && made < entries, "entry pages made again: " + made + " of " + entries);

        Publisher.javaEntryPages = false;
        Path full = tmp.resolve("full");
        IncrementalPublishTest.run(edition, full, false);
        IncrementalPublishTest.assertSameFiles(IncrementalPublishTest.files(full), incremental, "incremental against the stylesheet's");
    }

    @Test
    void anEditionsOwnSiteModuleMakesThemItself() throws IOException {
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        IncrementalPublishTest.override(edition, "site.xsl", "<h2><xsl:sequence select=\"f:ui('reg.mentions')\"/>",
                "<h2 class=\"own\"><xsl:sequence select=\"f:ui('reg.mentions')\"/>");
        Path out = tmp.resolve("own");
        int before = Publisher.entryPagesMade.get();
        assertEquals(List.of(), publish(edition, out).errors());
        assertEquals(before, Publisher.entryPagesMade.get(), "no entry page made without the stylesheet");
        String page = Files.readString(out.resolve("org/org-公安部党委.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h2 class=\"own\">"), "the edition's own template made the page");
    }

    private void sameSite(Path edition, String name, int atLeast) throws IOException {
        Publisher.javaEntryPages = true;
        Path java = tmp.resolve(name + "-java");
        int before = Publisher.entryPagesMade.get();
        assertEquals(List.of(), publish(edition, java).errors());
        int made = Publisher.entryPagesMade.get() - before;
        Publisher.javaEntryPages = false;
        Path xslt = tmp.resolve(name + "-xslt");
        assertEquals(List.of(), publish(edition, xslt).errors());

        Map<String, byte[]> a = IncrementalPublishTest.files(java);
        Map<String, byte[]> b = IncrementalPublishTest.files(xslt);
        long entries = b.keySet().stream().filter(k -> k.matches("(person|place|org|term)/.*\\.html")).count();
        assertTrue(entries >= atLeast, "entry pages compared: " + entries);
        assertEquals(entries, made, "entry pages made without the stylesheet");
        IncrementalPublishTest.assertSameFiles(b, a, name + " by the stylesheet against EntryPages");
    }

    private static Publisher.Result publish(Path edition, Path out) throws IOException {
        return new Publisher(new Publisher.Options(out, Set.of("html"), null, 2)).publish(List.of(edition));
    }
}
