package org.jiaokan.publish.search;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * search.js in a real browser from file://: the fixture search.html (the page contract), the script and the
 * index built from the fixture TEI, rendered by headless Chromium. Skipped where Chromium is not installed.
 */
class SearchPageBrowserTest {
    @TempDir
    static Path tmp;
    static Path site;
    static String chromium;

    @BeforeAll
    static void build() throws Exception {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) chromium = c;
        }
        Assumptions.assumeTrue(chromium != null, "chromium is not installed: the search page is not rendered");
        site = tmp.resolve("site");
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(SearchFixtures.write(tmp.resolve("tei")))), site, 2);
        Files.createDirectories(site.resolve("assets"));
        Files.copy(SearchJsTest.SEARCH_JS, site.resolve("assets/search.js"));
        try (InputStream in = SearchPageBrowserTest.class.getResourceAsStream("search.html")) {
            Files.write(site.resolve("search.html"), in.readAllBytes());
        }
    }

    static String dom(String query) throws Exception {
        String url = site.resolve("search.html").toUri() + query;
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + tmp.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom", url));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return out;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void queryStringFromFileUrlFindsBothScripts() throws Exception {
        String dom = dom("?q=" + q("叶寒冰"));
        assertTrue(dom.contains("找到 2 个结果"), dom);
        assertTrue(dom.contains("<mark>葉寒冰</mark>"), dom);
        assertTrue(dom.contains("<mark>叶寒冰</mark>"), dom);
        assertTrue(dom.contains("href=\"doc/doc-b.html#b-p1\""), dom);
        assertTrue(dom.contains("<legend>人物</legend>"), dom);
        assertTrue(dom.contains("value=\"叶寒冰\"") || dom.contains("id=\"q\""), dom);
    }

    @Test
    void hashQueryAndSourceTextNeverBecomesMarkup() throws Exception {
        String dom = dom("#q=" + q("<img src=x onerror=alert(1)> 扫黑除恶"));
        assertFalse(dom.contains("<img src=\"x\""), dom);
        assertTrue(dom.contains("没有结果") || dom.contains("找到"), dom);
        String phrase = dom("#q=" + q("扫黑除恶"));
        assertTrue(phrase.contains("找到 2 个结果"), phrase);
        assertFalse(phrase.contains("doc/doc-c.html"), phrase);
    }
}
