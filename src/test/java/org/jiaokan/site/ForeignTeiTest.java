package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEI we did not write (the TEI Consortium's stylesheet tests, Chinese Buddhist texts, XInclude
 * wrappers of biographies): a readable page for every well-formed file, one error line per broken
 * one. Skips where ../shared is absent.
 */
class ForeignTeiTest {
    private static final Path EXTERNAL = Path.of("..", "shared", "external");

    @TempDir
    Path tmp;

    @Test
    void teiConsortiumStylesheetTests() throws Exception {
        check(EXTERNAL.resolve("tei-teic-stylesheets-tests"), Integer.MAX_VALUE);
    }

    @Test
    void aSampleOfChineseBuddhistTexts() throws Exception {
        check(EXTERNAL.resolve("tei-zh-bza").resolve("xml"), 25);
    }

    @Test
    void biographiesInXIncludeWrappers() throws Exception {
        check(EXTERNAL.resolve("tei-zh-biographies"), 60);
    }

    private void check(Path set, int sample) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(set), "skipped: " + set + " is absent");
        List<Path> files;
        try (Stream<Path> s = Files.walk(set)) {
            files = s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().limit(sample).toList();
        }
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<String> names = new ArrayList<>();
        int wellFormed = 0;
        List<Path> copies = new ArrayList<>();
        for (Path f : files) {
            String name = set.relativize(f).toString().replace('/', '_');
            Path c = in.resolve(name);
            Files.copy(f, c);
            copies.add(c);
            names.add(name);
        }
        List<Path> broken = new ArrayList<>();
        for (Path c : copies) {
            if (wellFormed(c)) wellFormed++;
            else broken.add(c);
        }
        Path site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), in.toString());
        assertEquals(broken.isEmpty() ? 0 : 1, r.exit(), r.err());
        assertEquals(broken.size(), r.errLines().size(), r.err());
        for (Path b : broken) assertTrue(r.err().contains("jiaokan: error: " + b + ": "), r.err());
        int pages = 0;
        for (Path c : copies) {
            if (broken.contains(c)) continue;
            String id = c.getFileName().toString().replaceFirst("\\.xml$", "");
            Path page = site.resolve("doc").resolve(id + ".html");
            if (!Files.exists(page)) continue; // a TEI file may name its own identifier
            pages++;
            String text = SiteFixtures.page(page).selectFirst("div.text").text();
            assertTrue(!text.isBlank() || Files.readString(c).replaceAll("<[^>]*>", "").isBlank(), "readable text on " + page);
        }
        try (Stream<Path> s = Files.list(site.resolve("doc"))) {
            assertEquals(wellFormed, s.filter(p -> p.toString().endsWith(".xml")).count(), "a page (and its TEI) for every well-formed file");
        }
        assertTrue(pages > 0);
    }

    private static boolean wellFormed(Path f) {
        try {
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.newSAXParser().parse(new InputSource(f.toUri().toString()), new DefaultHandler());
            return true;
        } catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            return false;
        }
    }
}
