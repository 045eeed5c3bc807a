package org.jiaokan.site;

import org.jiaokan.cli.CliRun;
import org.jiaokan.serve.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published example edition in a real browser (headless Chromium through Selenium), over HTTP
 * ({@link SiteServer} on a free port) and from {@code file://}: the home page, a document, its two
 * readings and its other script, a script-insensitive name search and a phrase search that lands on
 * the paragraph holding the phrase; then axe-core over every kind of page. Screenshots go to
 * {@code target/screenshots}. Skipped with a message where Chromium, its driver or axe-core is absent.
 */
class SiteEndToEndTest {
    /** A document with jammer noise (surplus shown only in the diplomatic reading), in simplified script. */
    static final String NOISY = "jk-001_e8825e5862d1a0f3";
    /** The document where the name is written in traditional script (葉寒冰). */
    static final String TRADITIONAL = "jk-004_02a83077c9d50b2a";
    /** The speech in which the phrase is searched. */
    static final String SPEECH = "jk-003_b623d3678baa2c80";
    static final String NAME_QUERY = "叶寒冰";
    static final String NAME_IN_SOURCE = "葉寒冰";
    static final String PHRASE = "形成强大震慑";

    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static Path site;
    static Browser browser;
    static SiteServer server;

    @BeforeAll
    static void publishAndOpen() throws Exception {
        Browser.assumeAvailable();
        site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), "tei");
        assertEquals(0, r.exit(), r.err());
        server = new SiteServer(site, "127.0.0.1", 0, List.of()).start();
        browser = Browser.open();
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void overHttp() throws Exception {
        journey(server.url(), "http");
    }

    @Test
    void fromFile() throws Exception {
        journey(site.toUri().toString(), "file");
    }

    /** The reader's path through the site, from {@code base} (ends with a slash). */
    void journey(String base, String tag) throws Exception {
        WebDriver d = browser.driver();

        // The home page, then a document followed by its link (through the list when the home page has none).
        browser.get(base + "index.html");
        assertFalse(d.getTitle().isBlank(), "the home page has a title");
        browser.screenshot(SHOTS.resolve(tag + "-01-home.png"));
        List<WebElement> direct = d.findElements(By.cssSelector("a[href$='doc/" + NOISY + ".html']"));
        if (direct.isEmpty()) {
            click(d.findElement(By.cssSelector("a[href='documents.html']")));
            waitUntil(() -> d.getCurrentUrl().endsWith("documents.html"), "the document list opens");
            browser.screenshot(SHOTS.resolve(tag + "-02-documents.png"));
            direct = d.findElements(By.cssSelector("a[href$='doc/" + NOISY + ".html']"));
        }
        assertFalse(direct.isEmpty(), "a link to " + NOISY);
        click(direct.get(0));
        waitUntil(() -> d.getCurrentUrl().endsWith("doc/" + NOISY + ".html"), "the document page opens: " + d.getCurrentUrl());
        assertTrue(d.findElement(By.id("jk--title")).getText().length() > 4, "the document's title is shown");

        // The regularised reading hides the jammer noise; the diplomatic one shows it, marked.
        WebElement noise = d.findElement(By.cssSelector(".iv-surplus.dipl-only"));
        assertEquals("none", display(noise), "the regularised reading hides the surplus");
        assertFalse(noise.isDisplayed());
        List<WebElement> regOnly = d.findElements(By.cssSelector(".reg-only"));
        for (WebElement reg : regOnly) assertNotEquals("none", display(reg), "the regularised reading shows its own forms");
        click(d.findElement(By.cssSelector("label[for='jk--view-dipl']")));
        waitUntil(noise::isDisplayed, "the diplomatic reading shows the surplus");
        assertNotEquals("none", display(noise));
        assertEquals("visible", browser.script("return getComputedStyle(arguments[0]).visibility;", noise));
        assertTrue(noise.findElement(By.cssSelector("button.mk")).isDisplayed(), "the surplus has its marker");
        for (WebElement reg : regOnly) assertEquals("none", display(reg), "the diplomatic reading hides the regularised forms");
        assertTrue(d.getCurrentUrl().contains("view=dipl"), "the reading is kept in the URL: " + d.getCurrentUrl());
        browser.screenshot(SHOTS.resolve(tag + "-03-document-diplomatic.png"));
        click(d.findElement(By.cssSelector("label[for='jk--view-reg']")));
        waitUntil(() -> !noise.isDisplayed(), "back to the regularised reading");
        browser.screenshot(SHOTS.resolve(tag + "-04-document-regularised.png"));

        // The script toggle leads to the same document in traditional script, with the same paragraph ids.
        String sourceText = d.findElement(By.cssSelector(".text")).getText();
        List<String> ids = blockIds(d);
        click(d.findElement(By.cssSelector(".script-switch a")));
        waitUntil(() -> d.getCurrentUrl().endsWith("doc/" + NOISY + ".zh-Hant.html"), "the other-script page opens: " + d.getCurrentUrl());
        WebElement text = d.findElement(By.cssSelector(".text"));
        assertEquals("zh-Hant", text.getAttribute("lang"));
        String otherText = text.getText();
        assertNotEquals(sourceText, otherText);
        assertEquals(ids, blockIds(d), "the same paragraph ids in both scripts");
        assertTrue(traditionalOnly(otherText) > 10 && traditionalOnly(sourceText) == 0,
                "the text is in traditional script: " + traditionalOnly(otherText) + " vs " + traditionalOnly(sourceText));
        browser.screenshot(SHOTS.resolve(tag + "-05-document-other-script.png"));

        // 叶寒冰 (simplified) finds the document that writes 葉寒冰, typed into the search form.
        search(base, NAME_QUERY);
        browser.screenshot(SHOTS.resolve(tag + "-06-search-name.png"));
        WebElement hit = d.findElement(By.cssSelector("#search-results a[href*='doc/" + TRADITIONAL + ".html']"));
        click(hit);
        waitUntil(() -> d.getCurrentUrl().contains("doc/" + TRADITIONAL + ".html"), "the result opens " + TRADITIONAL);
        assertTrue(d.findElement(By.cssSelector(".text")).getText().contains(NAME_IN_SOURCE));

        // A phrase of the speech lands on the paragraph that holds it.
        String expected = anchorOf(Files.readString(Path.of("tei", "docs", SPEECH + ".xml")), PHRASE);
        search(base, "\"" + PHRASE + "\"");
        browser.screenshot(SHOTS.resolve(tag + "-07-search-phrase.png"));
        List<WebElement> snippets = d.findElements(By.cssSelector("#search-results .search-snippet"));
        assertFalse(snippets.isEmpty(), "snippets are shown");
        WebElement snippet = snippets.stream().filter(s -> s.getText().contains(PHRASE)).findFirst().orElseThrow(
                () -> new AssertionError("no snippet shows the phrase"));
        assertEquals(PHRASE, snippet.findElement(By.tagName("mark")).getText(), "the phrase is highlighted as one run");
        click(snippet.findElement(By.cssSelector("a.pnum")));
        waitUntil(() -> d.getCurrentUrl().contains("doc/" + SPEECH + ".html#"), "the paragraph link opens: " + d.getCurrentUrl());
        String url = d.getCurrentUrl();
        String hash = URLDecoder.decode(url.substring(url.indexOf('#') + 1), StandardCharsets.UTF_8);
        assertEquals(expected, hash, "the paragraph anchor reached");
        WebElement target = d.findElement(By.id(hash));
        assertTrue(target.getText().contains(PHRASE), "the anchored element holds the phrase");
        assertEquals(Boolean.TRUE, browser.script("return document.querySelector(':target') === arguments[0];", target), ":target is the paragraph");
        Number top = (Number) browser.script("return arguments[0].getBoundingClientRect().top;", target);
        Number height = (Number) browser.script("return window.innerHeight;");
        assertTrue(top.doubleValue() >= -2 && top.doubleValue() < height.doubleValue(), "the paragraph is scrolled into view: " + top);
        browser.screenshot(SHOTS.resolve(tag + "-08-phrase-paragraph.png"));
    }

    @Test
    void everyKindOfPageHasNoSeriousOrCriticalAccessibilityViolation() throws Exception {
        Axe.assumeAvailable();
        String base = server.url();
        String person = firstLink("persons.html", "person/");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "index.html");
        pages.put("documents", "documents.html");
        pages.put("document-regularised", "doc/" + NOISY + ".html");
        pages.put("document-diplomatic", "doc/" + NOISY + ".html#view=dipl");
        pages.put("document-other-script", "doc/" + NOISY + ".zh-Hant.html");
        pages.put("persons", "persons.html");
        pages.put("person", person);
        pages.put("about", "about.html");
        pages.put("search", "search.html?q=" + java.net.URLEncoder.encode(NAME_QUERY, StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        WebDriver d = browser.driver();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            // a fresh load even where only the hash differs from the page before
            if (e.getValue().contains("#")) browser.get("about:blank");
            browser.get(base + e.getValue());
            if (e.getKey().equals("search")) {
                waitUntil(() -> !d.findElements(By.cssSelector("#search-results li")).isEmpty(), "search results");
            }
            if (e.getKey().equals("document-diplomatic")) {
                assertTrue((Boolean) browser.script("return document.documentElement.classList.contains('jk-dipl');"), "the diplomatic reading is on");
            }
            List<Axe.Violation> all = Axe.run(browser);
            System.out.println("axe " + e.getKey() + ": " + all.size() + " violations, "
                    + Axe.seriousOrCritical(all).size() + " serious or critical " + all);
            for (Axe.Violation v : Axe.seriousOrCritical(all)) found.add(e.getKey() + ": " + v);
            browser.screenshot(SHOTS.resolve("axe-" + e.getKey() + ".png"));
        }
        assertEquals(List.of(), found, "axe: serious or critical violations");
    }

    // ---- helpers

    /** Searches from the form of the search page, as a reader types it. */
    void search(String base, String query) {
        WebDriver d = browser.driver();
        browser.get(base + "search.html");
        // A busy machine has been seen to hand back the page before its form was there.
        waitUntil(() -> d.getCurrentUrl().endsWith("search.html") && !d.findElements(By.id("q")).isEmpty(),
                "the search page opens: " + d.getCurrentUrl());
        WebElement q = d.findElement(By.id("q"));
        q.clear();
        q.sendKeys(query, Keys.ENTER);
        waitUntil(() -> !d.findElements(By.cssSelector("#search-results .search-result")).isEmpty(), "results for " + query);
    }

    /** The first link of an index page whose target starts with {@code prefix}. */
    String firstLink(String page, String prefix) throws Exception {
        String html = Files.readString(site.resolve(page));
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"#]+)\"").matcher(html);
        assertTrue(m.find(), "a link to " + prefix + " in " + page);
        return m.group(1);
    }

    /** The xml:id of the innermost element with an id whose text contains the phrase (tags aside). */
    static String anchorOf(String tei, String phrase) {
        Matcher m = Pattern.compile("<(p|head|item|ab)\\b[^>]*xml:id=\"([^\"]+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(tei);
        String best = null;
        int bestLength = Integer.MAX_VALUE;
        while (m.find()) {
            String text = m.group(3).replaceAll("<[^>]+>", "");
            if (text.contains(phrase) && text.length() < bestLength) {
                best = m.group(2);
                bestLength = text.length();
            }
            // look inside as well: an item within a paragraph
            String inner = anchorOrNull(m.group(3), phrase);
            if (inner != null) return inner;
        }
        assertTrue(best != null, "the TEI holds the phrase " + phrase);
        return best;
    }

    private static String anchorOrNull(String fragment, String phrase) {
        Matcher m = Pattern.compile("<(item|p|head|ab)\\b[^>]*xml:id=\"([^\"]+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(fragment);
        while (m.find()) if (m.group(3).replaceAll("<[^>]+>", "").contains(phrase)) return m.group(2);
        return null;
    }

    List<String> blockIds(WebDriver d) {
        List<String> ids = new ArrayList<>();
        for (WebElement e : d.findElements(By.cssSelector(".text [id]"))) ids.add(e.getAttribute("id"));
        return ids;
    }

    /** Characters of the text that exist only in traditional script (a fixed list of common ones). */
    static long traditionalOnly(String s) {
        String trad = "們與會時這個來對說為國發動關種經過問學當開從點現後於實還們體進區長門書東車馬認應議間專費際";
        return s.codePoints().filter(c -> trad.indexOf(c) >= 0).count();
    }

    String display(WebElement e) {
        return (String) browser.script("return getComputedStyle(arguments[0]).display;", e);
    }

    void click(WebElement e) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    void waitUntil(java.util.function.BooleanSupplier ok, String what) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage(what).until(x -> ok.getAsBoolean());
    }
}
