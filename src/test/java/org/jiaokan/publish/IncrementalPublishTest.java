package org.jiaokan.publish;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing into a folder that holds an earlier publication: outputs whose inputs are unchanged (the
 * publish manifest in {@code OUT/.jiaokan/}) are not made again, and after a document, the theme and
 * edition.xml changed, every file is the one a publication into an empty folder gives.
 */
class IncrementalPublishTest {
    @TempDir
    static Path tmp;

    static final Set<String> FORMATS = Set.of("html", "catalog");
    static Path edition;
    static Path site;
    static Map<String, FileTime> firstTimes;
    static Map<String, FileTime> unchangedTimes;
    static Map<String, byte[]> firstBytes;

    @BeforeAll
    static void publish() throws Exception {
        System.setProperty(Publisher.INCREMENTAL, "true");
        edition = tmp.resolve("edition");
        copy(Path.of("tei"), edition);
        site = tmp.resolve("site");
        run(site);
        firstBytes = files(site);
        firstTimes = times(site);
        // Older times, so a file written again cannot keep its time by chance of the clock's resolution.
        for (String f : firstTimes.keySet()) Files.setLastModifiedTime(site.resolve(f), FileTime.fromMillis(1_000_000_000L));
        firstTimes = times(site);
        run(site);
        unchangedTimes = times(site);
    }

    @AfterAll
    static void off() {
        System.clearProperty(Publisher.INCREMENTAL);
    }

    static Publisher.Result run(Path out) throws IOException {
        Publisher.Result r = new Publisher(new Publisher.Options(out, FORMATS, null, 2)).publish(List.of(edition));
        assertEquals(List.of(), r.errors());
        return r;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".jiaokan")) continue;
                Path t = to.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.startsWith(".jiaokan")) out.put(rel, Files.readAllBytes(p));
            }
        }
        return out;
    }

    static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        for (String f : files(dir).keySet()) out.put(f, Files.getLastModifiedTime(dir.resolve(f)));
        return out;
    }

    @Test
    void anUnchangedEditionIsNotPublishedAgain() throws IOException {
        assertTrue(Files.isRegularFile(site.resolve(PublishManifest.FILE)), "the manifest is written");
        List<String> pages = firstTimes.keySet().stream()
                .filter(f -> f.startsWith("doc/") || f.startsWith("person/") || f.startsWith("records/") || f.startsWith("search/")
                        || f.equals("documents.html") || f.equals("index.html"))
                .toList();
        assertTrue(pages.size() > 20, "pages, entries, records and the index: " + pages.size());
        for (String f : pages) assertEquals(firstTimes.get(f), unchangedTimes.get(f), f + " was written again");
        Map<String, byte[]> again = files(site);
        for (String f : firstBytes.keySet()) assertArrayEquals(firstBytes.get(f), again.get(f), f);
    }

    @Test
    void afterChangesTheOutputIsAFullPublicationsByteForByte() throws IOException {
        Path out = tmp.resolve("changed");
        copy(site, out);
        Files.createDirectories(out.resolve(PublishManifest.FILE).getParent());
        Files.copy(site.resolve(PublishManifest.FILE), out.resolve(PublishManifest.FILE));
        Path docs = edition.resolve("docs");
        List<Path> tei;
        try (Stream<Path> s = Files.list(docs)) {
            tei = s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().toList();
        }
        // One document's text changes, the theme's interface strings are overridden, edition.xml's title changes.
        Path changed = tei.get(1);
        String text = Files.readString(changed, StandardCharsets.UTF_8);
        int body = text.indexOf("<body");
        int stop = text.indexOf('。', body);
        assertTrue(body > 0 && stop > 0);
        Files.writeString(changed, text.substring(0, stop) + "，另行通知" + text.substring(stop), StandardCharsets.UTF_8);
        Path strings = Files.createDirectories(edition.resolve("site/i18n")).resolve("en.xml");
        Files.writeString(strings, Files.readString(Path.of("site/i18n/en.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(<s k=\"nav.documents\">)[^<]*", "$1Records"), StandardCharsets.UTF_8);
        Path header = edition.resolve("edition.xml");
        Files.writeString(header, Files.readString(header, StandardCharsets.UTF_8)
                .replaceFirst("<title>[^<]*</title>", "<title>An example edition, revised</title>"), StandardCharsets.UTF_8);
        try {
            run(out);
            Path fresh = tmp.resolve("fresh");
            run(fresh);
            Map<String, byte[]> full = files(fresh);
            Map<String, byte[]> incremental = files(out);
            assertEquals(full.keySet(), incremental.keySet());
            for (String f : full.keySet()) assertArrayEquals(full.get(f), incremental.get(f), f + " differs from a full publication");
            String docid = changed.getFileName().toString().replace(".xml", "");
            assertNotEquals(new String(firstBytes.get("doc/" + docid + ".html"), StandardCharsets.UTF_8),
                    new String(incremental.get("doc/" + docid + ".html"), StandardCharsets.UTF_8));
            assertTrue(new String(incremental.get("assets/i18n-en.js"), StandardCharsets.UTF_8).contains("Records"));

            // A page removed from the output is made again, though nothing else changed.
            Files.delete(out.resolve("doc/" + docid + ".html"));
            run(out);
            assertArrayEquals(full.get("doc/" + docid + ".html"), Files.readAllBytes(out.resolve("doc/" + docid + ".html")));
        } finally {
            Files.writeString(changed, text, StandardCharsets.UTF_8);
        }
    }
}
