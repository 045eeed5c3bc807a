package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a source says becomes markup, script, an event handler or a javascript: URL. */
class SourceMarkupSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void sourceStringsStayText() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(SiteFixtures.resource("hostile.xml"), in.resolve("hostile.xml"));
        Path site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        for (Path p : SiteFixtures.pages(site)) {
            Document d = SiteFixtures.page(p);
            for (Element s : d.select("script")) {
                assertTrue(s.hasAttr("src") ? s.attr("src").matches("(\\.\\./)?assets/[a-zA-Z0-9.-]+\\.js") : s.data().startsWith("(function(){var d=document.documentElement"),
                        p + ": a script that is not the theme's: " + s);
            }
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), p + ": event handler " + a);
                    if (a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().equals("action")) {
                        assertFalse(a.getValue().strip().toLowerCase().matches("^(javascript|vbscript|data):.*"), p + ": " + a);
                    }
                });
                assertFalse(e.tagName().equals("img") || e.tagName().equals("iframe") || e.tagName().equals("object"), p + ": " + e);
            }
        }
        Document d = SiteFixtures.page(site.resolve("doc/hostile.html"));
        assertTrue(d.getElementById("x-1").text().contains("<script>alert(1)</script>"), "the text is shown as text");
        assertTrue(d.selectFirst("h1").text().contains("<script>alert(\"title\")</script>"));
        assertNull(d.selectFirst("link[rel=canonical]"));
        assertNotNull(d.selectFirst("a[href=https://example.org/ok]"), "safe links stay links");
        String html = Files.readString(site.resolve("doc/hostile.html"));
        assertTrue(html.contains("正文&lt;script&gt;alert(1)&lt;/script&gt;"), "text is escaped");
    }
}
