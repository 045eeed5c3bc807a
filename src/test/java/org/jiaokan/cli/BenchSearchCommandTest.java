package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code jiaokan bench search} on a few generated pages, without Pagefind (it needs npm and the network). */
class BenchSearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void measuresOurIndexAndFindsEveryPageInBothScripts() throws Exception {
        assumeTrue(org.jiaokan.publish.search.SearchBench.nodeCommand() != null, "node is not installed: recall cannot be measured");
        Path json = dir.resolve("figures.json");
        CliRun run = CliRun.of("bench", "search", "--docs", "40", "--no-pagefind", "--work", dir.resolve("w").toString(),
                "--json", json.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*recall: all\\s+100\\.0 %.*"), run.out());
        assertTrue(run.out().matches("(?s).*false hits: phrase\\s+0 \\(0 %\\).*"), run.out());
        assertTrue(run.out().matches("(?s).*葉寒冰 \\(other-script\\)\\s+(\\d+)\\s+\\1/0.*"), run.out());
        String figures = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(figures.contains("\"name\": \"jiaokan\""), figures);
        assertTrue(figures.contains("\"recall\": \"100.0 %\""), figures);
        assertTrue(Files.isRegularFile(dir.resolve("w/ours/search/index.js")));
        assertTrue(Files.isRegularFile(dir.resolve("w/pages/doc/p00000.html")));
    }

    @Test
    void relativeWorkingFolder() throws Exception {
        assumeTrue(org.jiaokan.publish.search.SearchBench.nodeCommand() != null, "node is not installed: recall cannot be measured");
        Path work = Path.of("target", "bench-search-test");
        CliRun run = CliRun.of("bench", "search", "--docs", "12", "--no-pagefind", "--work", work.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*recall: all\\s+100\\.0 %.*"), run.out());
        assertTrue(Files.isRegularFile(work.resolve("bench-search.json")));
    }

    @Test
    void rejectsZeroPages() {
        CliRun run = CliRun.of("bench", "search", "--docs", "0", "--work", dir.resolve("w").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--docs must be at least 1"), run.err());
    }
}
