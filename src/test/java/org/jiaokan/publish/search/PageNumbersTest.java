package org.jiaokan.publish.search;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ¶ number a search result cites is the one its paragraph has on the document's page. The search counted the
 * index's units (notes among them, forme work not) and cited ¶3 for the paragraph the page numbers ¶4.
 */
class PageNumbersTest {
    @TempDir
    Path tmp;

    @Test
    void everyUnitsNumberIsItsAnchorsNumberOnThePage() throws Exception {
        Path out = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), "tei");
        assertEquals(0, r.exit(), r.err());
        int compared = 0, differentFromPlace = 0;
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            for (Path tei : s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().toList()) {
                SearchDocument d = SearchDocument.read(tei);
                org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(out.resolve("doc/" + d.docid() + ".html").toFile(), "UTF-8");
                Map<String, Integer> onPage = new HashMap<>();
                for (org.jsoup.nodes.Element a : page.select("a.pnum[href^=#]")) {
                    onPage.putIfAbsent(a.attr("href").substring(1), Integer.parseInt(a.text().replace("¶", "")));
                }
                int place = 0;
                for (SearchDocument.Unit u : d.units()) {
                    place++;
                    // a unit whose anchor the page numbers cites that number (a note, its paragraph's); any other none
                    assertEquals(onPage.getOrDefault(u.anchor(), 0), u.number(), tei + ": " + u.anchor());
                    if (u.number() == 0) continue;
                    compared++;
                    if (u.number() != place) differentFromPlace++;
                }
            }
        }
        assertTrue(compared > 50, "units compared: " + compared);
        assertTrue(differentFromPlace > 0, "the page's numbers differ from the units' places somewhere (else the test proves little)");
    }
}
