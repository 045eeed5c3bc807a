package org.jiaokan.site;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.*;

/** Where Chromium, its driver or axe-core is missing, a test is skipped with a message, not failed. */
class BrowserAbsentTest {

    @AfterEach
    void restore() {
        System.clearProperty("jiaokan.chromium");
        System.clearProperty("jiaokan.chromedriver");
        System.clearProperty("jiaokan.axe.dir");
    }

    @Test
    void noChromiumSkips() {
        System.setProperty("jiaokan.chromium", "/nonexistent/chromium");
        TestAbortedException e = assertThrows(TestAbortedException.class, Browser::open);
        assertTrue(e.getMessage().contains("no Chromium at /nonexistent/chromium"), e.getMessage());
    }

    @Test
    void noDriverSkips() {
        System.setProperty("jiaokan.chromium", "/bin/sh");
        System.setProperty("jiaokan.chromedriver", "/nonexistent/chromedriver");
        TestAbortedException e = assertThrows(TestAbortedException.class, Browser::open);
        assertTrue(e.getMessage().contains("no chromedriver at /nonexistent/chromedriver"), e.getMessage());
    }

    @Test
    void noAxeSkips() {
        System.setProperty("jiaokan.axe.dir", "/nonexistent/axe-core");
        TestAbortedException e = assertThrows(TestAbortedException.class, Axe::assumeAvailable);
        assertTrue(e.getMessage().contains("no axe-core at /nonexistent/axe-core"), e.getMessage());
    }
}
