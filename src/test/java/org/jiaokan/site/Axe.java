package org.jiaokan.site;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accessibility checks with axe-core, run inside the page a {@link Browser} shows: WCAG 2.0/2.1
 * levels A and AA.
 *
 * <p>axe-core comes from npm; {@code .ci/run} installs it with
 * {@code npm install --prefix .tools/npm axe-core@VERSION}. Another folder holding
 * {@code axe.min.js} can be named with the system property {@code jiaokan.axe.dir} or the
 * environment variable {@code JIAOKAN_AXE_DIR}. Where it is absent the test is skipped with a message.
 */
public final class Axe {

    /** The rule tags run: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The folder holding axe.min.js (read at each call). */
    public static Path dir() {
        return Browser.location("jiaokan.axe.dir", "JIAOKAN_AXE_DIR", ".tools/npm/node_modules/axe-core");
    }

    private static volatile String source;

    private Axe() {}

    /**
     * One rule broken on a page.
     *
     * @param id      the axe rule ({@code image-alt}, {@code color-contrast} …)
     * @param impact  minor, moderate, serious or critical
     * @param help    what the rule asks
     * @param targets CSS selectors of the offending elements
     */
    public record Violation(String id, String impact, String help, List<String> targets) {
        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** Skips the calling test, with a message, unless axe-core is installed. */
    public static void assumeAvailable() {
        Path dir = dir();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("axe.min.js")), () -> "skipped: no axe-core at " + dir.toAbsolutePath()
                + " (npm install --prefix .tools/npm axe-core; .ci/run installs it)");
    }

    static String source() {
        assumeAvailable();
        if (source == null) {
            try {
                source = Files.readString(dir().resolve("axe.min.js"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The violations of the page the browser shows now. */
    public static List<Violation> run(Browser browser) {
        return run(browser.driver());
    }

    @SuppressWarnings("unchecked")
    public static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                        targets: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(e => done('axe failed: ' + e));
                """, TAGS);
        if (result instanceof String s) throw new IllegalStateException(s);
        List<Violation> out = new ArrayList<>();
        for (Object o : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) o;
            List<String> targets = new ArrayList<>();
            for (Object t : (List<Object>) v.get("targets")) targets.add(String.valueOf(t));
            out.add(new Violation(String.valueOf(v.get("id")), String.valueOf(v.get("impact")), String.valueOf(v.get("help")), targets));
        }
        return out;
    }

    /** Only the serious and critical violations, the ones the site's tests allow none of. */
    public static List<Violation> seriousOrCritical(List<Violation> all) {
        return all.stream().filter(Violation::seriousOrCritical).toList();
    }
}
