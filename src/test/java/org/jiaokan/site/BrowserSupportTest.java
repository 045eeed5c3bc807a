package org.jiaokan.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The browser and accessibility test support, proved on two small static pages. */
class BrowserSupportTest {

    /** One browser for the class: starting Chromium takes seconds. */
    static Browser b;

    @BeforeAll
    static void start() {
        b = Browser.open();
    }

    @AfterAll
    static void quit() {
        if (b != null) b.close();
    }

    static Path page(String name) throws URISyntaxException {
        return Path.of(BrowserSupportTest.class.getResource(name).toURI());
    }

    @Test
    void opensAFilePageRunsItsScriptAndReadsAnElement() throws Exception {
        b.get(page("clean.html"));
        assertTrue(b.driver().getCurrentUrl().startsWith("file:"), b.driver().getCurrentUrl());
        assertEquals("测试页：全县消防工作会议", b.driver().getTitle());
        assertEquals("本县于三月五日召开消防工作会议，部署春季火灾防控工作。", b.find("#p-1").getText());
        assertEquals("zh-Hant", b.find("#p-2").getAttribute("lang"));
        assertEquals("脚本已运行", b.find("#status").getText());
        Path shot = b.screenshot(Path.of("target/screenshots/browser-support-clean.png"));
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG screenshot");
    }

    @Test
    void opensAPageServedByTheSiteServer() throws Exception {
        try (org.jiaokan.serve.SiteServer server = new org.jiaokan.serve.SiteServer(page("clean.html").getParent(), "127.0.0.1", 0, List.of()).start()) {
            b.get(server.url() + "clean.html");
            assertEquals("會議要求各鄉鎮落實責任。", b.find("#p-2").getText());
            assertEquals("脚本已运行", b.find("#status").getText());
        }
    }

    @Test
    void aMissingAltTextIsReported() throws Exception {
        Axe.assumeAvailable();
        b.get(page("violation.html"));
        List<Axe.Violation> v = Axe.run(b);
        Axe.Violation alt = v.stream().filter(x -> x.id().equals("image-alt")).findFirst()
                .orElseThrow(() -> new AssertionError("image-alt not reported: " + v));
        assertEquals("critical", alt.impact());
        assertEquals(List.of("#photo"), alt.targets());
        assertFalse(Axe.seriousOrCritical(v).isEmpty());
    }

    @Test
    void aCleanPagePasses() throws Exception {
        Axe.assumeAvailable();
        b.get(page("clean.html"));
        assertEquals(List.of(), Axe.run(b), "violations on a clean page");
        // Running again on the same page reuses the injected script.
        assertEquals(List.of(), Axe.run(b));
    }
}
