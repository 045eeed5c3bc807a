package org.jiaokan.publish;

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
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document page and its other-script twin made in one transformation are, byte for byte, the pages that a
 * transformation for each gives: on the example edition (both scripts, interventions, names with the register's
 * spellings in the other script) and on the site tests' edition.
 */
class TwinPagesTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        Publisher.onePassTwins = true;
    }

    @Test
    void theExampleEditionsPagesAreThoseOfATransformationForEach() throws IOException {
        samePages(Path.of("tei"), 3);
    }

    @Test
    void theSiteTestEditionsPagesAreThoseOfATransformationForEach() throws IOException {
        samePages(Path.of("src/test/resources/org/jiaokan/site/edition"), 2);
    }

    @Test
    void anEditionsOwnModuleWrittenWithoutTheTwinGetsTheSecondTransformation() throws IOException {
        // header.xsl copied with a change of its own (a comment), as from a release before the one-pass twins
        Path edition = tmp.resolve("edition");
        IncrementalPublishTest.copy(Path.of("tei"), edition);
        IncrementalPublishTest.override(edition, "header.xsl", "<xsl:function name=\"f:header\"",
                "<!-- the edition's own copy -->\n  <xsl:function name=\"f:header\"");
        Path header = edition.resolve("site/xslt/html/header.xsl");
        assertTrue(Files.readString(header).contains("the edition's own copy"));
        int before = Publisher.twinsInOnePass.get();
        Path own = tmp.resolve("own");
        assertEquals(List.of(), publish(edition, own).errors());
        assertEquals(before, Publisher.twinsInOnePass.get(), "no twin made in the same pass");

        Path bundled = tmp.resolve("bundled");
        assertEquals(List.of(), publish(Path.of("tei"), bundled).errors());
        Map<String, byte[]> a = pages(own);
        Map<String, byte[]> b = pages(bundled);
        assertTrue(a.keySet().stream().anyMatch(k -> k.matches(".*\\.zh-Han[st]\\.html")), a.keySet().toString());
        IncrementalPublishTest.assertSameFiles(b, a, "the bundled theme's against the edition's own module");
    }

    private void samePages(Path edition, int atLeast) throws IOException {
        int before = Publisher.twinsInOnePass.get();
        Publisher.onePassTwins = true;
        Path one = tmp.resolve("one");
        assertEquals(List.of(), publish(edition, one).errors());
        int made = Publisher.twinsInOnePass.get() - before;
        assertTrue(made >= atLeast, "twins made in one pass: " + made);

        Publisher.onePassTwins = false;
        Path two = tmp.resolve("two");
        assertEquals(List.of(), publish(edition, two).errors());
        assertEquals(made, Publisher.twinsInOnePass.get() - before, "the comparison run made its twins on their own");

        Map<String, byte[]> a = pages(one);
        Map<String, byte[]> b = pages(two);
        assertEquals(b.keySet(), a.keySet());
        int twins = 0;
        for (Map.Entry<String, byte[]> e : b.entrySet()) {
            String page = new String(a.get(e.getKey()), StandardCharsets.UTF_8);
            assertFalse(page.contains("jk-main") || page.contains("jk-twin"), e.getKey() + " holds a mark of the one pass");
            assertArrayEquals(e.getValue(), a.get(e.getKey()), e.getKey());
            if (e.getKey().matches(".*\\.zh-Han[st]\\.html")) twins++;
        }
        assertEquals(made, twins);
    }

    private static Publisher.Result publish(Path edition, Path out) throws IOException {
        return new Publisher(new Publisher.Options(out, Set.of("html"), null, 2)).publish(List.of(edition));
    }

    private static Map<String, byte[]> pages(Path site) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(site.resolve("doc"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
