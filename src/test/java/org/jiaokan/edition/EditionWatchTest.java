package org.jiaokan.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch of {@code build --watch}: what it takes for a change, and what it does not. */
class EditionWatchTest {
    @TempDir
    Path tmp;

    private Path edition() throws Exception {
        Path e = tmp.resolve("edition");
        Files.createDirectories(e.resolve("sources"));
        Files.createDirectories(e.resolve("docs"));
        Files.createDirectories(e.resolve(".jiaokan/cache"));
        Files.createDirectories(e.resolve("out"));
        Files.writeString(e.resolve("edition.xml"), "<x/>");
        Files.writeString(e.resolve("sources/a.txt"), "第一");
        Files.writeString(e.resolve("docs/a.xml"), "<TEI/>");
        return e;
    }

    /** {@code next} with a limit, run while {@code change} happens a little later. */
    private static List<String> nextDuring(EditionWatch w, long timeout, ThrowingRunnable change) throws Exception {
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(150);
                change.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        List<String> changed = w.next(100, timeout);
        later.get(10, TimeUnit.SECONDS);
        return changed;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aSourceChangedAddedOrRemovedIsAChange() throws Exception {
        Path e = edition();
        try (EditionWatch w = new EditionWatch(e, List.of(e.resolve("out")))) {
            assertEquals(List.of("sources/a.txt"), nextDuring(w, 20_000, () -> Files.writeString(e.resolve("sources/a.txt"), "第一，第二")));
            assertEquals(List.of("sources/b.txt", "sources/sub/c.txt"), nextDuring(w, 20_000, () -> {
                Files.writeString(e.resolve("sources/b.txt"), "乙");
                Files.createDirectories(e.resolve("sources/sub"));
                Files.writeString(e.resolve("sources/sub/c.txt"), "丙");
            }), "a new file, and one in a new folder, in one change");
            // a file in the folder made during the last change is watched too
            assertEquals(List.of("sources/sub/c.txt"), nextDuring(w, 20_000, () -> Files.writeString(e.resolve("sources/sub/c.txt"), "丙丁")));
            assertEquals(List.of("sources/b.txt"), nextDuring(w, 20_000, () -> Files.delete(e.resolve("sources/b.txt"))));
            assertEquals(List.of("site/css/jiaokan.css"), nextDuring(w, 20_000, () -> {
                Files.createDirectories(e.resolve("site/css"));
                Files.writeString(e.resolve("site/css/jiaokan.css"), "body{}");
            }), "the theme");
        }
    }

    @Test
    void whatIsLeftOutAndWhatTheBuildWritesAreNoChange() throws Exception {
        Path e = edition();
        try (EditionWatch w = new EditionWatch(e, List.of(e.resolve("out")))) {
            assertEquals(List.of(), nextDuring(w, 1500, () -> {
                Files.writeString(e.resolve(".jiaokan/cache/x"), "cache");
                Files.writeString(e.resolve("out/index.html"), "<p>");
                Files.writeString(e.resolve("sources/.a.txt.swp"), "editor");
                // a file written and put back as it was is no change
                byte[] same = Files.readAllBytes(e.resolve("edition.xml"));
                var time = Files.getLastModifiedTime(e.resolve("edition.xml"));
                Files.write(e.resolve("edition.xml"), same);
                Files.setLastModifiedTime(e.resolve("edition.xml"), time);
            }), "the caches, the output folder, dot-files, a file put back");

            // A build: it writes the TEI and edition.xml, while the editor changes a source.
            List<String> first = nextDuring(w, 20_000, () -> Files.writeString(e.resolve("sources/a.txt"), "改"));
            assertEquals(List.of("sources/a.txt"), first);
            Files.writeString(e.resolve("docs/a.xml"), "<TEI>改</TEI>");
            Files.writeString(e.resolve("edition.xml"), "<x>改</x>");
            Files.writeString(e.resolve("sources/a.txt"), "改了又改", StandardCharsets.UTF_8);
            w.settle(rel -> rel.startsWith("docs/") || rel.equals("edition.xml"));
            assertEquals(List.of("sources/a.txt"), w.next(100, 1000), "the source changed during the build makes the next one at once");
            assertEquals(List.of(), w.next(100, 1000), "and then nothing is left");

            // An editor's correction in the TEI between builds is a change.
            assertEquals(List.of("docs/a.xml"), nextDuring(w, 20_000, () -> Files.writeString(e.resolve("docs/a.xml"), "<TEI>校</TEI>")));
        }
    }
}
