package org.jiaokan.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing into a folder that holds an earlier publication: outputs whose inputs are unchanged (the
 * publish manifest, kept beside the output folder) are not made again, and after documents changed, were
 * added, deleted and renamed, the theme, edition.xml and the registers changed, the manifest was spoilt
 * and a published file edited by hand, every file is the one a publication into an empty folder gives.
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
        edition = tmp.resolve("edition");
        copy(Path.of("tei"), edition);
        site = tmp.resolve("site");
        run(site);
        firstBytes = files(site);
        firstTimes = times(site);
        run(site);
        unchangedTimes = times(site);
    }

    static Publisher.Result run(Path out) throws IOException {
        return run(edition, out, true);
    }

    static Publisher.Result run(Path edition, Path out, boolean incremental) throws IOException {
        // The steps below publish the site alone (IncrementalBuildTest covers the catalogue through a build's changes).
        Set<String> formats = edition.equals(IncrementalPublishTest.edition) ? FORMATS : Set.of("html");
        Set<String> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Publisher.madeListener = made::add;
        Publisher.Result r;
        try {
            r = new Publisher(new Publisher.Options(out, formats, null, 2, incremental)).publish(List.of(edition));
        } finally {
            Publisher.madeListener = null;
        }
        lastMade.put(out, made);
        assertEquals(List.of(), r.errors());
        return r;
    }

    /**
     * Gives {@code edition} its own copy of the bundled theme module {@code xslt/html/MODULE}, with {@code from} (which it
     * must hold) replaced by {@code to}.
     */
    static void override(Path edition, String module, String from, String to) throws IOException {
        Path file = edition.resolve("site/xslt/html/" + module);
        Files.createDirectories(file.getParent());
        try (java.io.InputStream in = Publisher.class.getClassLoader().getResourceAsStream("org/jiaokan/site/xslt/html/" + module)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains(from), module + " holds " + from);
            Files.writeString(file, text.replace(from, to));
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".jiaokan")) continue;
                Path t = to.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        for (String f : files(dir).keySet()) out.put(f, Files.getLastModifiedTime(dir.resolve(f)));
        return out;
    }

    /** The site files the last run into each folder made, written or not (a page made with the bytes it had is not rewritten). */
    static final Map<Path, Set<String>> lastMade = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The files made again (or made) since {@code before}, assets aside (they are always written): those written
     * since (their time changed: the other formats' files too), and the site's pages the last run made with the
     * bytes they had.
     */
    static List<String> remade(Map<String, FileTime> before, Path dir) throws IOException {
        Set<String> made = lastMade.getOrDefault(dir, Set.of());
        List<String> out = new ArrayList<>();
        times(dir).forEach((f, t) -> {
            if (!f.startsWith("assets/") && (!t.equals(before.get(f)) || made.contains(f))) out.add(f);
        });
        return out;
    }

    /** The output is, file for file and byte for byte, a publication of the same inputs into an empty folder. */
    static void assertFullPublication(Path edition, Path out, String step) throws IOException {
        Path fresh = tmp.resolve("fresh-" + step);
        run(edition, fresh, false);
        assertSameFiles(files(fresh), files(out), step);
    }

    /** {@code actual} holds the files of {@code expected} and no others, each with the same bytes ({@code what} begins the messages). */
    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (String f : expected.keySet()) assertArrayEquals(expected.get(f), actual.get(f), what + ": " + f + " differs");
    }

    static boolean isEntryPage(String f) {
        return f.startsWith("person/") || f.startsWith("place/") || f.startsWith("org/") || f.startsWith("term/");
    }

    static List<Path> documents(Path edition) throws IOException {
        try (Stream<Path> s = Files.list(edition.resolve("docs"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().toList();
        }
    }

    @Test
    void anUnchangedEditionIsNotPublishedAgain() throws IOException {
        assertTrue(Files.isRegularFile(PublishManifest.location(site)), "the manifest is written beside the output");
        assertEquals(tmp.resolve(".site.jiaokan").resolve(PublishManifest.NAME), PublishManifest.location(site));
        assertTrue(firstBytes.keySet().stream().noneMatch(f -> f.startsWith(".") || f.contains("/.")),
                "the published folder holds only the publication: " + firstBytes.keySet().stream().filter(f -> f.contains(".jiaokan")).toList());
        List<String> pages = firstTimes.keySet().stream()
                .filter(f -> f.startsWith("doc/") || f.startsWith("person/") || f.startsWith("records/") || f.startsWith("search/")
                        || f.startsWith("cite/") || f.equals("documents.html") || f.equals("index.html"))
                .toList();
        assertTrue(pages.size() > 20, "pages, entries, records and the index: " + pages.size());
        for (String f : pages) assertEquals(firstTimes.get(f), unchangedTimes.get(f), f + " was written again");
        Map<String, byte[]> again = files(site);
        for (String f : firstBytes.keySet()) assertArrayEquals(firstBytes.get(f), again.get(f), f);
    }

    /**
     * A document's pages read of the registers only the entries it names, taken from the whole tree once per run: an
     * edition whose theme holds the bundled stylesheets as its own (which are given the whole registers, as
     * stylesheets of its own may read anything of them) gets the same pages byte for byte.
     */
    @Test
    void theEntriesADocumentNamesGiveThePagesTheWholeRegistersGive() throws IOException {
        Path plain = tmp.resolve("edition-bundled-stylesheets"), own = tmp.resolve("edition-own-stylesheets");
        copy(edition, plain);
        copy(edition, own);
        copy(Path.of("site", "xslt"), own.resolve("site").resolve("xslt"));
        Path bundled = tmp.resolve("site-bundled"), whole = tmp.resolve("site-whole");
        run(plain, bundled, false);
        run(own, whole, false);
        Map<String, byte[]> a = files(bundled), b = files(whole);
        assertEquals(a.keySet(), b.keySet());
        long docPages = a.keySet().stream().filter(f -> f.startsWith("doc/") && f.endsWith(".html")).count();
        assertTrue(docPages >= 5, "document pages: " + docPages);
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), f + " differs between the entries read one by one and the whole registers");
    }

    @Test
    void theManifestHoldsNoAbsolutePathAndTwoFoldersGetTheSameFiles() throws IOException {
        String manifest = new String(Files.readAllBytes(PublishManifest.location(site)), StandardCharsets.ISO_8859_1);
        assertFalse(manifest.contains(tmp.toAbsolutePath().toString()), "no absolute path in the manifest");
        Path other = tmp.resolve("elsewhere").resolve("site");
        run(other);
        Map<String, byte[]> there = files(other);
        assertEquals(firstBytes.keySet(), there.keySet());
        for (String f : firstBytes.keySet()) assertArrayEquals(firstBytes.get(f), there.get(f), f);
        // The manifest moved with its output still holds: nothing is made again.
        Path moved = tmp.resolve("moved").resolve("site");
        Files.createDirectories(moved.getParent());
        Files.move(other, moved);
        Files.move(PublishManifest.folder(other), PublishManifest.folder(moved));
        Map<String, FileTime> before = times(moved);
        run(moved);
        assertEquals(List.of(), remade(before, moved), "a moved output with its manifest is not published again");
    }

    @Test
    void afterEachKindOfChangeTheOutputIsAFullPublicationsByteForByte() throws IOException {
        Path edition = tmp.resolve("edition-changed");
        copy(IncrementalPublishTest.edition, edition);
        Path out = tmp.resolve("changed");
        run(edition, out, true);
        List<Path> tei = documents(edition);
        Path docs = edition.resolve("docs");

        // One document's text changes; a document is added (a copy under another identifier).
        Path changed = tei.get(1);
        String text = Files.readString(changed, StandardCharsets.UTF_8);
        int body = text.indexOf("<body");
        int stop = text.indexOf('。', body);
        assertTrue(body > 0 && stop > 0);
        Files.writeString(changed, text.substring(0, stop) + "，另行通知" + text.substring(stop), StandardCharsets.UTF_8);
        String copied = Files.readString(tei.get(3), StandardCharsets.UTF_8);
        String id = tei.get(3).getFileName().toString().replace(".xml", "");
        Files.writeString(docs.resolve("jk-added.xml"), copied.replace(">" + id + "<", ">jk-added<"), StandardCharsets.UTF_8);
        Map<String, FileTime> before = times(out);
        run(edition, out, true);
        List<String> remade = remade(before, out);
        String docid = changed.getFileName().toString().replace(".xml", "");
        assertTrue(remade.contains("doc/" + docid + ".html") && remade.contains("doc/jk-added.html"), remade.toString());
        assertFalse(remade.contains("doc/" + id + ".html"), "an unchanged document's page is kept");
        long entryPages = times(out).keySet().stream().filter(IncrementalPublishTest::isEntryPage).count();
        long remadeEntries = remade.stream().filter(IncrementalPublishTest::isEntryPage).count();
        assertTrue(remadeEntries > 0 && remadeEntries < entryPages / 2,
                "only the pages of the entries the two documents name are made again: " + remadeEntries + " of " + entryPages);
        assertFullPublication(edition, out, "changed-and-added");
        assertNotEquals(new String(firstBytes.get("doc/" + docid + ".html"), StandardCharsets.UTF_8),
                Files.readString(out.resolve("doc/" + docid + ".html"), StandardCharsets.UTF_8));

        // A document is deleted, another renamed (its identifier, and so its pages' names, stay).
        Files.delete(docs.resolve("jk-added.xml"));
        Files.move(tei.get(0), docs.resolve("jk-renamed.xml"));
        run(edition, out, true);
        assertFalse(Files.exists(out.resolve("doc/jk-added.html")), "the deleted document's pages go");
        assertFullPublication(edition, out, "deleted-and-renamed");

        // The theme's interface strings are overridden and edition.xml's title changes.
        Path strings = Files.createDirectories(edition.resolve("site/i18n")).resolve("en.xml");
        Files.writeString(strings, Files.readString(Path.of("site/i18n/en.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(<s k=\"nav.documents\">)[^<]*", "$1Records"), StandardCharsets.UTF_8);
        Path header = edition.resolve("edition.xml");
        Files.writeString(header, Files.readString(header, StandardCharsets.UTF_8)
                .replaceFirst("<title>[^<]*</title>", "<title>An example edition, revised</title>"), StandardCharsets.UTF_8);
        run(edition, out, true);
        assertTrue(Files.readString(out.resolve("assets/i18n-en.js"), StandardCharsets.UTF_8).contains("Records"));
        assertFullPublication(edition, out, "theme-and-edition");

        // The registers change: an entry's spelling in the other script.
        Path registers = docs.resolve("registers.xml");
        String reg = Files.readString(registers, StandardCharsets.UTF_8);
        String edited = reg.replaceFirst("(<person xml:id=\"per-叶寒冰\">\\s*<persName xml:lang=\"zh-Hans\">叶寒冰</persName>\\s*"
                + "<persName xml:lang=\"zh-Hant\">)葉寒冰", "$1葉寒兵");
        assertNotEquals(reg, edited, "the example's registers have the entry");
        Files.writeString(registers, edited, StandardCharsets.UTF_8);
        before = times(out);
        run(edition, out, true);
        remade = remade(before, out);
        // Only the pages that show the entry: the document that names it (both scripts) and the entry's own page.
        List<String> pages = remade.stream().filter(f -> f.startsWith("doc/") || isEntryPage(f)).sorted().toList();
        List<String> naming = new ArrayList<>();
        for (Path d : documents(edition)) {
            if (!Files.readString(d, StandardCharsets.UTF_8).contains("#per-叶寒冰\"")) continue;
            String name = d.getFileName().toString().replace(".xml", "");
            for (String f : times(out).keySet()) if (f.startsWith("doc/" + name + ".") && f.endsWith(".html")) naming.add(f);
        }
        naming.add("person/per-叶寒冰.html");
        assertTrue(naming.size() >= 3, "a document names the entry: " + naming);
        assertEquals(naming.stream().sorted().toList(), pages.stream().filter(f -> f.endsWith(".html")).toList(),
                "no other page is made again");
        assertFullPublication(edition, out, "registers");

        // A published file edited by hand (the same size) and one deleted are made again.
        Path page = out.resolve("doc/" + docid + ".html");
        byte[] bytes = Files.readAllBytes(page);
        byte[] spoilt = bytes.clone();
        spoilt[spoilt.length / 2] = (byte) (spoilt[spoilt.length / 2] == 'x' ? 'y' : 'x');
        Files.write(page, spoilt);
        Files.delete(out.resolve("cite/" + docid + ".bib"));
        before = times(out);
        run(edition, out, true);
        assertArrayEquals(bytes, Files.readAllBytes(page));
        assertTrue(remade(before, out).contains("cite/" + docid + ".bib"));
        assertFullPublication(edition, out, "edited-output");

        // What the search index took of each document is kept beside the manifest; spoilt, the TEI is read again.
        Path kept = PublishManifest.folder(out).resolve("search");
        List<Path> keptFiles;
        try (Stream<Path> files = Files.list(kept)) {
            keptFiles = files.sorted().toList();
        }
        assertEquals(documents(edition).size(), keptFiles.size(), "one record per document");
        Files.write(keptFiles.get(0), "spoilt".getBytes(StandardCharsets.UTF_8));
        byte[] second = Files.readAllBytes(keptFiles.get(1));
        Files.write(keptFiles.get(1), java.util.Arrays.copyOf(second, second.length - 3));
        Files.writeString(changed, text.replace("。", "；"), StandardCharsets.UTF_8);
        run(edition, out, true);
        assertFullPublication(edition, out, "search-records");

        // The summaries are kept beside the manifest, which holds their SHA-256; spoilt or gone, they are made again.
        Path summaries = PublishManifest.folder(out).resolve("summaries");
        List<Path> summaryFiles;
        try (Stream<Path> files = Files.list(summaries)) {
            summaryFiles = files.sorted().toList();
        }
        assertEquals(documents(edition).size(), summaryFiles.size(), "one summary per document");
        assertTrue(Files.size(PublishManifest.location(out)) < Files.size(summaryFiles.get(0)) * summaryFiles.size(),
                "the manifest does not hold the summaries");
        byte[] summary = Files.readAllBytes(summaryFiles.get(0));
        summary[summary.length - 2] ^= 1;
        Files.write(summaryFiles.get(0), summary);
        Files.delete(summaryFiles.get(1));
        Files.writeString(changed, text.replace("。", "！"), StandardCharsets.UTF_8);
        run(edition, out, true);
        assertFullPublication(edition, out, "summaries");

        // A spoilt manifest, then one of another output folder: everything is made again, the same bytes.
        Path manifest = PublishManifest.location(out);
        byte[] m = Files.readAllBytes(manifest);
        m[m.length / 2] ^= 1;
        Files.write(manifest, m);
        before = times(out);
        run(edition, out, true);
        assertTrue(remade(before, out).contains("doc/" + id + ".html"), "a spoilt manifest means a full publication");
        Files.copy(PublishManifest.location(site), manifest, StandardCopyOption.REPLACE_EXISTING);
        run(edition, out, true);
        assertFullPublication(edition, out, "foreign-manifest");
    }
}
