package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page of the published example edition is valid HTML: zero errors from the Nu HTML checker. */
class ExampleSiteValidityTest {
    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheExampleEditionHasNoHtmlErrors() throws Exception {
        Path site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "-o", site.toString(), "tei");
        assertEquals(0, r.exit(), r.err());
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 40, "home, list, indexes, 10 document pages and the register pages: " + pages.size());
        HtmlChecker vnu = new HtmlChecker();
        List<String> errors = new ArrayList<>();
        for (Path p : pages) errors.addAll(vnu.errors(p));
        assertEquals(List.of(), errors.stream().limit(40).toList(), errors.size() + " HTML errors");
        List<String> unlabelled = new ArrayList<>();
        for (Path p : pages) SiteFixtures.hanWithoutChineseLang(SiteFixtures.page(p)).forEach(s -> unlabelled.add(p.getFileName() + ": " + s));
        assertEquals(List.of(), unlabelled.stream().limit(20).toList(), "Chinese text without lang=zh…");
    }
}
