package org.jiaokan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jiaokan build --watch} in a JVM of its own, as an editor runs it: the first build, then a source changed,
 * and the edition and site it leaves are those of a build from scratch.
 */
class WatchBuildTest {
    @TempDir
    Path tmp;

    private static String waitFor(Path log, String line, int occurrences, Process p, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (s.split(java.util.regex.Pattern.quote(line), -1).length - 1 >= occurrences) return s;
            if (!p.isAlive()) throw new AssertionError("the watch stopped (" + p.exitValue() + "):\n" + s);
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' x" + occurrences + " within " + seconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void aChangedSourceIsBuiltAndPublishedAgainAsABuildFromScratchWould() throws Exception {
        Path ed = Forked.edition(tmp.resolve("ed"), 3);
        Path site = tmp.resolve("site");
        Path log = tmp.resolve("watch.log");
        Process p = Forked.start(List.of(), Map.of(), log, "build", "--watch", "--formats", "html", "-o", site.toString(), ed.toString());
        try {
            waitFor(log, "jiaokan: watching", 1, p, 300);
            String added = "会后，与会人员进行了分组讨论。";
            Path source = ed.resolve("sources/n00.txt");
            Files.writeString(source, Files.readString(source, StandardCharsets.UTF_8) + added + "\n", StandardCharsets.UTF_8);
            String out = waitFor(log, "jiaokan: watching", 2, p, 300);
            assertTrue(out.contains("jiaokan: changed: sources/n00.txt\n"), out);
            assertTrue(out.contains("(1 changed; 1 converted, 2 from cache)"), out);
            assertTrue(out.matches("(?s).*jiaokan: built again in [0-9.]+ s\n.*"), out);
            assertTrue(p.isAlive(), "the watch goes on after a round");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }

        // The same sources built from scratch, in another JVM.
        Path fresh = Forked.edition(tmp.resolve("fresh"), 3);
        Files.copy(ed.resolve("sources/n00.txt"), fresh.resolve("sources/n00.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path freshSite = tmp.resolve("fresh-site");
        Process q = Forked.start(List.of(), Map.of(), tmp.resolve("fresh.log"), "build", "-q", "--no-cache", "--formats", "html",
                "-o", freshSite.toString(), fresh.toString());
        assertTrue(q.waitFor(300, TimeUnit.SECONDS), "the build from scratch ran too long");
        assertEquals(0, q.exitValue(), Files.readString(tmp.resolve("fresh.log")));

        Map<String, byte[]> tei = Forked.contents(ed.resolve("docs")), freshTei = Forked.contents(fresh.resolve("docs"));
        assertEquals(freshTei.keySet(), tei.keySet());
        freshTei.forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(tei.get(name), StandardCharsets.UTF_8), name));
        Map<String, byte[]> pages = Forked.contents(site), freshPages = Forked.contents(freshSite);
        assertEquals(freshPages.keySet(), pages.keySet());
        freshPages.forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(pages.get(name), StandardCharsets.UTF_8), name));
        assertTrue(pages.entrySet().stream().anyMatch(e -> e.getKey().startsWith("doc") && e.getKey().endsWith(".html")
                && new String(e.getValue(), StandardCharsets.UTF_8).contains("与会人员进行了分组讨论")), "the change is on a page");
    }
}
