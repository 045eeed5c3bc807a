package org.jiaokan.robust;

import org.jiaokan.publish.Publisher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document over one format's size limit is left out of that format only: its site page is made and does not
 * link to the file that was not made, while the other documents' pages still link to theirs.
 */
class FormatLimitLinkTest {
    @TempDir
    Path tmp;

    @Test
    void aPageDoesNotLinkToAFormatItsDocumentIsOverTheLimitOf() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path small = Path.of("tei/docs/jk-001_e8825e5862d1a0f3.xml");
        Files.copy(small, docs.resolve(small.getFileName()));
        // Just over 1 MiB: a comment after the root element makes the file large without changing its text.
        String big = Files.readString(Path.of("tei/docs/jk-002_a7b1ffc6616cccb3.xml"), StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("jk-002_a7b1ffc6616cccb3.xml"), big + "<!--" + "填充".repeat(200_000) + "-->\n", StandardCharsets.UTF_8);
        String before = System.getProperty("jiaokan.limit.catalog");
        System.setProperty("jiaokan.limit.catalog", "1");
        try {
            Path out = tmp.resolve("site");
            Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("html", "catalog"), null, 2)).publish(List.of(docs));
            assertEquals(1, r.errors().size(), r.errors().toString());
            assertTrue(r.errors().get(0).contains("over the size limit of catalog (1 MiB)"), r.errors().get(0));
            Document bigPage = Jsoup.parse(out.resolve("doc/jk-002_a7b1ffc6616cccb3.html").toFile(), "UTF-8");
            Document smallPage = Jsoup.parse(out.resolve("doc/jk-001_e8825e5862d1a0f3.html").toFile(), "UTF-8");
            assertFalse(Files.exists(out.resolve("records/mods/jk-002_a7b1ffc6616cccb3.xml")), "left out of the catalogue");
            assertTrue(Files.exists(out.resolve("records/mods/jk-001_e8825e5862d1a0f3.xml")));
            assertTrue(bigPage.select("a[href*=records/]").isEmpty(), "no link to records that were not made");
            assertFalse(smallPage.select("a[href*=records/mods/jk-001_e8825e5862d1a0f3.xml]").isEmpty(), "the other page links to its records");
        } finally {
            if (before == null) System.clearProperty("jiaokan.limit.catalog");
            else System.setProperty("jiaokan.limit.catalog", before);
        }
    }
}
