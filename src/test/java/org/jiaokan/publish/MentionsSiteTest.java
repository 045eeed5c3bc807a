package org.jiaokan.publish;

import org.jiaokan.publish.html.Mentions;
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
 * A site made with the names' ids and kinds and the summaries' mentions worked out in Java ({@link Mentions}) is, byte for
 * byte, the site the stylesheets make working them out themselves: the example edition's and the site tests'; an
 * edition with its own {@code common.xsl} has them worked out by the stylesheets.
 */
class MentionsSiteTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        Publisher.javaMentions = true;
    }

    @Test
    void theExampleEditionsSiteIsTheStylesheets() throws IOException {
        sameSite(Path.of("tei"), "example");
    }

    @Test
    void theSiteTestEditionsSiteIsTheStylesheets() throws IOException {
        sameSite(Path.of("src/test/resources/org/jiaokan/site/edition"), "site");
    }

    @Test
    void anEditionsOwnCommonModuleWorksThemOutItself() throws IOException {
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        // a theme whose names of kind org are listed as places: the Java rules know nothing of it
        IncrementalPublishTest.override(edition, "common.xsl", "else if (local-name($entry) = 'org') then 'org'",
                "else if (local-name($entry) = 'org') then 'place'");
        Path out = tmp.resolve("own");
        assertEquals(List.of(), publish(edition, out).errors());
        String page = Files.readString(out.resolve("doc/jk-000_48375d0ce296dd95.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"../place/org-%E5%85%AC%E5%AE%89%E9%83%A8%E5%85%9A%E5%A7%94.html\""), "the theme's kind in the page's links");
        assertTrue(!page.contains("href=\"../org/"), "no link of the bundled kind");
    }

    private void sameSite(Path edition, String name) throws IOException {
        Publisher.javaMentions = true;
        Path java = tmp.resolve(name + "-java");
        assertEquals(List.of(), publish(edition, java).errors());
        Publisher.javaMentions = false;
        Path xslt = tmp.resolve(name + "-xslt");
        assertEquals(List.of(), publish(edition, xslt).errors());

        Map<String, byte[]> a = IncrementalPublishTest.files(java);
        Map<String, byte[]> b = IncrementalPublishTest.files(xslt);
        long names = b.entrySet().stream().filter(e -> e.getKey().startsWith("doc/") && e.getKey().endsWith(".html"))
                .mapToLong(e -> count(new String(e.getValue(), StandardCharsets.UTF_8), "class=\"ent ent-")).sum();
        assertTrue(names >= 20, "names linked in the document pages: " + names);
        long entries = b.keySet().stream().filter(k -> k.startsWith("person/") || k.startsWith("place/") || k.startsWith("org/")).count();
        assertTrue(entries >= 5, "entry pages compared: " + entries);
        IncrementalPublishTest.assertSameFiles(b, a, name + " by the stylesheets against Mentions");
    }

    private static long count(String s, String t) {
        long n = 0;
        for (int i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) n++;
        return n;
    }

    private static Publisher.Result publish(Path edition, Path out) throws IOException {
        return new Publisher(new Publisher.Options(out, Set.of("html"), null, 2)).publish(List.of(edition));
    }
}
