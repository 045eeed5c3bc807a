package org.jiaokan.edition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's cache: an incremental build after sources changed, were added and deleted writes the same
 * bytes as a build from scratch of the final sources; unchanged sources are not converted again; the
 * code's identity, the document ids and a forced encoding are part of the key; a corrupt entry is not trusted.
 */
class IncrementalBuildTest {
    @TempDir
    static Path tmp;

    static final Map<String, String> FIRST = new TreeMap<>(Map.of(
            "a-notice.txt", """
                    江州市公安局关于加强春节期间治安管理工作的通知
                    各派出所、各大队：
                    为切实做好春节期间治安管理工作，经局党委研究，由副局长欧阳振华同志牵头，会同江州市交通运输局开展联合检查。
                    请各单位于2021年2月5日前将落实情况报局办公室。
                    江州市公安局
                    2021年1月28日
                    """,
            "b-speech.txt", """
                    在全市公安工作会议上的讲话
                    欧阳振华
                    同志们：
                    过去一年，江州市公安局在市委、市政府的坚强领导下，各项工作取得了新的进展。
                    今年要继续与江州市交通运输局密切配合，做好道路安全工作。
                    """,
            "c-news-trad.txt", """
                    江州市公安局召開打擊電信詐騙工作推進會
                    本報訊　3月12日，江州市公安局召開打擊電信詐騙工作推進會。副局長歐陽振華出席會議並講話。
                    會議要求，各單位要與江州市交通運輸局加強協作，確保工作取得實效。
                    """,
            "d-report.txt", """
                    青山县公安局关于辖区治安情况的报告
                    江州市公安局：
                    现将我局第一季度辖区治安情况报告如下。青山县公安局局长慕容建平带队开展了专项检查。
                    青山县公安局
                    2021年4月2日
                    """));

    static Path incremental;
    static Path scratch;
    static final List<Conversion.CacheCounts> counts = new ArrayList<>();
    static final List<Integer> teiFromCache = new ArrayList<>();
    static List<Path> orphans;

    @BeforeAll
    static void build() throws Exception {
        incremental = edition("incremental", FIRST);
        for (int i = 0; i < 2; i++) {
            EditionBuilder.Result r = build(incremental, true, null);
            counts.add(r.cache());
            teiFromCache.add(r.teiFromCache());
        }
        Map<String, String> last = finalSources();
        Path sources = incremental.resolve(EditionBuilder.SOURCES);
        Files.delete(sources.resolve("d-report.txt"));
        Files.writeString(sources.resolve("b-speech.txt"), last.get("b-speech.txt"));
        Files.writeString(sources.resolve("e-trad-notice.txt"), last.get("e-trad-notice.txt"));
        EditionBuilder.Result r = build(incremental, true, null);
        counts.add(r.cache());
        orphans = r.orphans();
        EditionBuilder.Result again = build(incremental, true, null);
        counts.add(again.cache());
        teiFromCache.add(again.teiFromCache());
        scratch = edition("scratch", last);
        build(scratch, false, null);
    }

    static Map<String, String> finalSources() {
        Map<String, String> last = new TreeMap<>(FIRST);
        last.remove("d-report.txt");
        last.put("b-speech.txt", FIRST.get("b-speech.txt").replace("过去一年", "过去的一年里")
                + "会后，慕容建平同志作了补充发言。\n");
        last.put("e-trad-notice.txt", """
                江州市交通運輸局關於做好汛期道路安全工作的通知
                各區縣交通運輸局：
                經研究，由江州市公安局副局長歐陽振華同志與我局共同牽頭，開展汛期道路安全檢查。
                江州市交通運輸局
                2021年6月1日
                """);
        return last;
    }

    static Path edition(String name, Map<String, String> sources) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(Path.of("tei", "edition.xml"), dir.resolve(EditionBuilder.HEADER));
        Path src = Files.createDirectories(dir.resolve(EditionBuilder.SOURCES));
        for (var e : sources.entrySet()) Files.writeString(src.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        return dir;
    }

    static EditionBuilder.Result build(Path dir, boolean cache, String codeIdentity) throws Exception {
        List<String> failures = new ArrayList<>();
        EditionBuilder.Result r = new EditionBuilder(Toolkit.get()).withCache(cache).withCodeIdentity(codeIdentity)
                .build(dir, new Conversion.Listener() {
                    @Override public void converted(int done, int total, Path input, TeiFiles.Outcome outcome) {}

                    @Override public void failed(Path input, String reason) { failures.add(input + ": " + reason); }
                });
        assertEquals(List.of(), failures);
        assertTrue(r.ok(), "the build succeeds");
        return r;
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        out.put(EditionBuilder.HEADER, Files.readAllBytes(dir.resolve(EditionBuilder.HEADER)));
        try (Stream<Path> s = Files.list(dir.resolve(EditionBuilder.DOCS))) {
            for (Path p : s.sorted().toList()) out.put("docs/" + p.getFileName(), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void unchangedSourcesComeFromTheCache() {
        assertEquals(new Conversion.CacheCounts(0, 4), counts.get(0), "first build converts everything");
        assertEquals(new Conversion.CacheCounts(4, 0), counts.get(1), "nothing changed: nothing converted");
        assertEquals(new Conversion.CacheCounts(2, 2), counts.get(2), "one changed, one added: two converted");
        assertEquals(new Conversion.CacheCounts(4, 0), counts.get(3), "nothing changed again");
        assertEquals(List.of(0, 4, 4), teiFromCache, "unchanged TEI files are neither made nor checked again");
    }

    static final String OTHER_TITLE = "An incremental edition, second release";

    /**
     * The second level of the cache (finished TEI files) across the other changes an edition sees: a TEI
     * file removed or edited in docs/, a source renamed, edition.xml changed, entries spoilt. After each,
     * the incremental build gives the bytes a build from scratch of the same edition gives.
     */
    @Test
    void renamesEditionChangesAndEditedTeiFilesGiveTheFullBuildsBytes() throws Exception {
        Path dir = edition("steps", FIRST);
        build(dir, true, null);
        Map<String, byte[]> first = files(dir);
        Path docs = dir.resolve(EditionBuilder.DOCS);

        // A TEI file removed: written again, the same bytes; the others are not made again.
        Files.delete(docs.resolve("jk-a-notice.xml"));
        EditionBuilder.Result r = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(4, 0), r.cache());
        assertEquals(3, r.teiFromCache());
        assertArrayEquals(first.get("docs/jk-a-notice.xml"), Files.readAllBytes(docs.resolve("jk-a-notice.xml")));

        // A TEI file an editor changed is not taken for the cached one: it is merged again.
        Path c = docs.resolve("jk-c-news-trad.xml");
        String edited = Files.readString(c, StandardCharsets.UTF_8).replace("</teiHeader>",
                "</teiHeader><!-- checked against the printed copy -->");
        Files.writeString(c, edited, StandardCharsets.UTF_8);
        r = build(dir, true, null);
        assertEquals(3, r.teiFromCache(), "the edited file is made again");

        // A source renamed and the edition's metadata changed: every TEI file is made again.
        Files.move(dir.resolve("sources/b-speech.txt"), dir.resolve("sources/f-speech.txt"));
        Path header = dir.resolve(EditionBuilder.HEADER);
        Files.writeString(header, Files.readString(header, StandardCharsets.UTF_8).replaceFirst("<title>[^<]*</title>",
                "<title>" + OTHER_TITLE + "</title>"), StandardCharsets.UTF_8);
        r = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(3, 1), r.cache(), "the renamed source is another document");
        assertEquals(0, r.teiFromCache(), "the edition's metadata enters every TEI file");

        Map<String, String> renamed = new TreeMap<>(FIRST);
        renamed.put("f-speech.txt", renamed.remove("b-speech.txt"));
        Path fresh = edition("steps-scratch", renamed);
        Path freshHeader = fresh.resolve(EditionBuilder.HEADER);
        Files.writeString(freshHeader, Files.readString(freshHeader, StandardCharsets.UTF_8).replaceFirst("<title>[^<]*</title>",
                "<title>" + OTHER_TITLE + "</title>"), StandardCharsets.UTF_8);
        build(fresh, false, null);
        assertSameBuild(fresh, dir, Set.of("docs/jk-b-speech.xml", "docs/jk-c-news-trad.xml"));

        // A spoilt file of second-level entries is ignored: every TEI file is made again, with the same bytes.
        Path written = dir.resolve(EditionBuilder.CACHE + "-written");
        byte[] pack = Files.readAllBytes(written);
        pack[pack.length / 2] ^= 1;
        Files.write(written, pack);
        Map<String, byte[]> before = files(dir);
        r = build(dir, true, null);
        assertEquals(0, r.teiFromCache());
        Map<String, byte[]> after = files(dir);
        for (String name : before.keySet()) assertArrayEquals(before.get(name), after.get(name), name + " differs");
        assertEquals(4, build(dir, true, null).teiFromCache(), "the file was made again");

        // Spoilt first-level records, with the file of their summaries gone (a run that ended before writing it), are
        // not trusted: their sources are converted again, with the same bytes. The cache made again first, so that
        // the four documents are in one file, in the order of their records.
        deleteCache(dir);
        assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, null).cache());
        List<Path> stores = storeFiles(dir);
        assertEquals(1, stores.size(), "a run's documents in one file");
        Path store = stores.get(0);
        List<DocumentStore.Found> records = records(dir);
        assertEquals(4, records.size(), "one record per source");
        byte[] bytes = Files.readAllBytes(store);
        // two summaries that are not summaries (their lengths kept, so the records after them are found)
        for (int i = 0; i < 2; i++) {
            DocumentStore.Found f = records.get(i);
            int headAt = (int) f.place().offset() - 4 - f.head().length;
            java.util.Arrays.fill(bytes, headAt, headAt + f.head().length, (byte) 0x7f);
        }
        // the last record cut short by a byte
        Files.write(store, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        Files.delete(dir.resolve(EditionBuilder.CACHE + "-summaries"));
        r = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(1, 3), r.cache());
        after = files(dir);
        for (String name : before.keySet()) assertArrayEquals(before.get(name), after.get(name), name + " differs");
        // the file of records was read: its spoilt records are kept by no summary, and it is copied and removed
        assertEquals(new Conversion.CacheCounts(4, 0), build(dir, true, null).cache());
        assertTrue(Files.notExists(store), "a file mostly of records no summary keeps is removed");
    }

    /** Removes the build's cache (both levels, their summaries). */
    static void deleteCache(Path dir) throws IOException {
        org.jiaokan.io.FileTrees.delete(dir.resolve(EditionBuilder.CACHE));
        Files.deleteIfExists(dir.resolve(EditionBuilder.CACHE + "-summaries"));
        Files.deleteIfExists(dir.resolve(EditionBuilder.CACHE + "-written"));
    }

    /** The files of the first level's documents. */
    static List<Path> storeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(EditionBuilder.CACHE))) {
            return s.filter(p -> p.getFileName().toString().endsWith(DocumentStore.SUFFIX)).sorted().toList();
        }
    }

    /** The records of the first level's documents, every one, in the order of their files and places. */
    static List<DocumentStore.Found> records(Path dir) {
        return new DocumentStore(dir.resolve(EditionBuilder.CACHE)).scanned().values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparing((DocumentStore.Found f) -> f.place().file())
                        .thenComparingLong(f -> f.place().offset()))
                .toList();
    }

    @Test
    void theSecondLevelAndTheSummariesAreOneFileEachWrittenOnlyWhenTheyChange() throws Exception {
        Path dir = edition("packs", FIRST);
        // A folder of second-level entries, a file per source, as an earlier version kept them: removed.
        Path legacy = Files.createDirectories(dir.resolve(EditionBuilder.CACHE + "-tei"));
        Files.writeString(legacy.resolve("0123.entry"), "an old entry");
        build(dir, true, null);
        assertTrue(Files.notExists(legacy), "the old folder is removed");
        Path summaries = dir.resolve(EditionBuilder.CACHE + "-summaries");
        Path written = dir.resolve(EditionBuilder.CACHE + "-written");
        assertTrue(Files.isRegularFile(summaries) && Files.isRegularFile(written));
        Object summariesFile = fileKey(summaries);
        Object writtenFile = fileKey(written);
        EditionBuilder.Result same = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(4, 0), same.cache());
        assertEquals(4, same.teiFromCache());
        assertEquals(summariesFile, fileKey(summaries), "nothing changed: the summaries' file is not written again");
        assertEquals(writtenFile, fileKey(written), "nothing changed: the second level's file is not written again");

        // One source changed: both files are written again, and the next build takes everything from them.
        Path source = dir.resolve(EditionBuilder.SOURCES).resolve("a-notice.txt");
        Files.writeString(source, FIRST.get("a-notice.txt") + "会议要求各单位认真抓好贯彻落实。\n", StandardCharsets.UTF_8);
        assertEquals(new Conversion.CacheCounts(3, 1), build(dir, true, null).cache());
        assertTrue(!summariesFile.equals(fileKey(summaries)) && !writtenFile.equals(fileKey(written)));
        EditionBuilder.Result again = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(4, 0), again.cache());
        assertEquals(4, again.teiFromCache());

        // A source removed: its entries leave both files.
        String removed = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("d-report.txt".getBytes(StandardCharsets.UTF_8))) + ".entry";
        assertTrue(new CachePack(summaries, BuildCache.SUMMARIES_MAGIC).get(removed) != null
                && new CachePack(written, BuildCache.WRITTEN_PACK_MAGIC).get(removed) != null, "the entry's name as the cache makes it");
        Files.delete(dir.resolve(EditionBuilder.SOURCES).resolve("d-report.txt"));
        build(dir, true, null);
        assertNull(new CachePack(summaries, BuildCache.SUMMARIES_MAGIC).get(removed));
        assertNull(new CachePack(written, BuildCache.WRITTEN_PACK_MAGIC).get(removed));
        byte[] before = Files.readAllBytes(written);
        assertEquals(new Conversion.CacheCounts(3, 0), build(dir, true, null).cache());
        assertArrayEquals(before, Files.readAllBytes(written));
        // The documents of the first level: the first run's file and the changed source's, none of another kind.
        try (Stream<Path> s = Files.list(dir.resolve(EditionBuilder.CACHE))) {
            assertEquals(storeFiles(dir), s.sorted().toList(), "only files of documents");
        }
        assertEquals(2, storeFiles(dir).size());
    }

    /**
     * A run that ended before writing the summaries' file (killed) leaves the file of summaries before it, which does not
     * name the file the run appended to: the next run reads that file's records and takes the documents converted there.
     */
    @Test
    void theRecordsOfARunThatEndedBeforeItsSummariesAreTaken() throws Exception {
        Path dir = edition("killed", FIRST);
        assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, null).cache());
        Path summaries = dir.resolve(EditionBuilder.CACHE + "-summaries");
        byte[] before = Files.readAllBytes(summaries);
        Path source = dir.resolve(EditionBuilder.SOURCES).resolve("a-notice.txt");
        Files.writeString(source, FIRST.get("a-notice.txt") + "会议要求各单位认真抓好贯彻落实。\n", StandardCharsets.UTF_8);
        assertEquals(new Conversion.CacheCounts(3, 1), build(dir, true, null).cache());
        assertEquals(2, storeFiles(dir).size());
        Files.write(summaries, before);
        assertEquals(new Conversion.CacheCounts(4, 0), build(dir, true, null).cache(), "the changed source's record is read");
        // Written with both files now: nothing is read of them but what the summaries point to.
        assertEquals(new Conversion.CacheCounts(4, 0), build(dir, true, null).cache());
    }

    /**
     * The first level's documents are appended to a file per run that stores any: files whose documents no summary
     * keeps are removed, sparse ones are copied into one, and there are never more than a few of them; a run that
     * changes one source writes one small file. An entry file of the layout with a file per source is removed.
     */
    @Test
    void theDocumentsStayInAFewFiles() throws Exception {
        Path dir = edition("store", FIRST);
        Path old = Files.createDirectories(dir.resolve(EditionBuilder.CACHE)).resolve("0123.entry");
        Files.writeString(old, "an entry of the layout with a file per source");
        assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, null).cache());
        assertTrue(Files.notExists(old));
        Path first = storeFiles(dir).get(0);
        long firstSize = Files.size(first);
        Path source = dir.resolve(EditionBuilder.SOURCES).resolve("a-notice.txt");
        for (int i = 1; i <= DocumentStore.MOST_FILES + 3; i++) {
            Files.writeString(source, FIRST.get("a-notice.txt") + "会议要求各单位认真抓好贯彻落实" + "。".repeat(i) + "\n", StandardCharsets.UTF_8);
            assertEquals(new Conversion.CacheCounts(3, 1), build(dir, true, null).cache());
            List<Path> files = storeFiles(dir);
            assertTrue(files.size() <= DocumentStore.MOST_FILES, files.size() + " files after " + i + " changes");
            assertTrue(files.contains(first), "the first run's file, three quarters of it kept, stays");
            assertEquals(firstSize, Files.size(first), "and is never written again");
            long records = records(dir).size();
            assertTrue(records <= 4 + DocumentStore.MOST_FILES, records + " records after " + i + " changes");
        }
        Map<String, byte[]> before = files(dir);
        // Three sources removed: the first run's file, a quarter kept, is copied and removed; the build is the same.
        for (String name : List.of("b-speech.txt", "c-news-trad.txt", "d-report.txt")) Files.delete(dir.resolve(EditionBuilder.SOURCES).resolve(name));
        build(dir, true, null);
        assertTrue(Files.notExists(first));
        assertEquals(1, storeFiles(dir).size());
        assertEquals(1, records(dir).size(), "the one source's record only");
        EditionBuilder.Result again = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(1, 0), again.cache());
        // Its document read back from the copy: the TEI file removed is made again with the same bytes.
        Files.delete(dir.resolve(EditionBuilder.DOCS).resolve("jk-a-notice.xml"));
        assertEquals(new Conversion.CacheCounts(1, 0), build(dir, true, null).cache());
        assertArrayEquals(before.get("docs/jk-a-notice.xml"), Files.readAllBytes(dir.resolve(EditionBuilder.DOCS).resolve("jk-a-notice.xml")));
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * With no memory kept for recognised documents between the two passes, every document is read back
     * from the cache for its TEI: the same bytes as a build that keeps them all.
     */
    @Test
    void documentsReadBackFromTheCacheGiveTheSameBytes() throws Exception {
        Path dir = edition("read-back", finalSources());
        String before = System.getProperty("jiaokan.recognisedBudget");
        System.setProperty("jiaokan.recognisedBudget", "0");
        try {
            assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, null).cache());
        } finally {
            if (before == null) System.clearProperty("jiaokan.recognisedBudget");
            else System.setProperty("jiaokan.recognisedBudget", before);
        }
        assertSameBuild(scratch, dir, Set.of());
    }

    /** The same files and bytes, but for the named files (an editor's, or orphans). */
    static void assertSameBuild(Path scratch, Path incremental, Set<String> except) throws IOException {
        Map<String, byte[]> full = files(scratch);
        Map<String, byte[]> incr = files(incremental);
        except.forEach(incr::remove);
        except.forEach(full::remove);
        assertEquals(full.keySet(), incr.keySet());
        for (String name : full.keySet()) assertArrayEquals(full.get(name), incr.get(name), name + " differs");
    }

    @Test
    void incrementalOutputIsTheFullBuildsByteForByte() throws IOException {
        Map<String, byte[]> full = files(scratch);
        Map<String, byte[]> incr = files(incremental);
        // The deleted source's TEI stays (it may hold an editor's work), unlisted: the build's rule, not the cache's.
        assertEquals(List.of(incremental.resolve("docs").resolve("jk-d-report.xml").toAbsolutePath().normalize()),
                orphans.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        incr.remove("docs/jk-d-report.xml");
        assertEquals(full.keySet(), incr.keySet());
        for (String name : full.keySet()) assertArrayEquals(full.get(name), incr.get(name), name + " differs");
        String registers = new String(full.get("docs/registers.xml"), StandardCharsets.UTF_8);
        assertTrue(registers.contains("欧阳振华") && registers.contains("jk-e-trad-notice.xml"),
                "the registers name the shared person and the added document");
        assertTrue(!registers.contains("jk-d-report.xml"), "the deleted document is gone from the registers");
        assertTrue(new String(full.get("edition.xml"), StandardCharsets.UTF_8).contains("docs/jk-e-trad-notice.xml"));
    }

    /**
     * The build's cache and the publish manifest together: after a source changed, one was added, one deleted
     * (with its TEI file) and one renamed, the TEI and the published site (pages, search index, catalogue
     * records) of the incremental build are, byte for byte, those of a build and publication from scratch.
     */
    @Test
    void incrementalBuildAndPublicationAreTheFullOnesByteForByte() throws Exception {
        Path dir = edition("published", FIRST);
        Path site = tmp.resolve("published-site");
        build(dir, true, null);
        publish(dir, site, true);

        Map<String, String> last = finalSources();
        Path sources = dir.resolve(EditionBuilder.SOURCES);
        Files.delete(sources.resolve("d-report.txt"));
        Files.delete(dir.resolve(EditionBuilder.DOCS).resolve("jk-d-report.xml")); // as an editor removes an orphan
        Files.writeString(sources.resolve("b-speech.txt"), last.get("b-speech.txt"));
        Files.writeString(sources.resolve("e-trad-notice.txt"), last.get("e-trad-notice.txt"));
        Files.move(sources.resolve("a-notice.txt"), sources.resolve("g-notice.txt"));
        Files.delete(dir.resolve(EditionBuilder.DOCS).resolve("jk-a-notice.xml"));
        last.put("g-notice.txt", last.remove("a-notice.txt"));
        EditionBuilder.Result r = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(1, 3), r.cache(), "the changed, added and renamed sources are converted");
        publish(dir, site, true);

        Path fresh = edition("published-scratch", last);
        Path freshSite = tmp.resolve("published-scratch-site");
        build(fresh, false, null);
        publish(fresh, freshSite, false);
        assertSameBuild(fresh, dir, Set.of());
        Map<String, byte[]> full = tree(freshSite);
        Map<String, byte[]> incr = tree(site);
        assertEquals(full.keySet(), incr.keySet());
        for (String name : full.keySet()) assertArrayEquals(full.get(name), incr.get(name), name + " differs");
        assertTrue(full.keySet().stream().anyMatch(f -> f.startsWith("records/")) && full.containsKey("doc/jk-g-notice.html"));
    }

    /**
     * The registers file is not made again when its parts are those it was made from, but an editor's change of
     * it is: the next build gives what a build without the cache gives from the edited file.
     */
    @Test
    void registersAnEditorChangedAreMadeAgain() throws Exception {
        Path dir = edition("registers-edited", FIRST);
        build(dir, true, null);
        Path registers = dir.resolve(EditionBuilder.DOCS).resolve("registers.xml");
        byte[] made = Files.readAllBytes(registers);
        assertTrue(Files.isRegularFile(dir.resolve(".jiaokan/registers-key")), "the registers' key is remembered");
        build(dir, true, null);
        assertArrayEquals(made, Files.readAllBytes(registers), "nothing changed: the same registers");

        String text = new String(made, StandardCharsets.UTF_8);
        int entry = text.indexOf("<person xml:id=");
        assertTrue(entry > 0, "the registers have a person");
        int close = text.indexOf("</person>", entry);
        // The editor's note, and the file's layout changed: the cached key no longer matches the file.
        String edited = text.substring(0, close) + "<note type=\"bio\" resp=\"#editor\">副局长。</note>" + text.substring(close);
        Files.writeString(registers, edited.replace("\n    ", "\n      "), StandardCharsets.UTF_8);
        Path copy = edition("registers-edited-copy", FIRST);
        copyTree(dir.resolve(EditionBuilder.DOCS), copy.resolve(EditionBuilder.DOCS));
        build(dir, true, null);
        build(copy, false, null);
        byte[] incremental = Files.readAllBytes(registers);
        assertArrayEquals(Files.readAllBytes(copy.resolve(EditionBuilder.DOCS).resolve("registers.xml")), incremental);
        assertTrue(new String(incremental, StandardCharsets.UTF_8).contains("副局长。"), "the editor's note is kept");
        assertTrue(!java.util.Arrays.equals(made, incremental), "the registers were made again");
    }

    /**
     * The build reads a source's and a TEI file's digest from its memo while their sizes and times are those it
     * hashed: a source whose bytes changed with its size and modification time kept (as a copy that keeps times
     * leaves it) is still converted again, and a TEI file an editor changed so is merged again.
     */
    @Test
    void filesChangedWithTheirSizeAndTimeKeptAreReadAgain() throws Exception {
        Path dir = edition("same-size", FIRST);
        Path sources = dir.resolve(EditionBuilder.SOURCES);
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (Stream<Path> s = Files.list(sources)) {
            for (Path p : s.toList()) Files.setLastModifiedTime(p, hourAgo);
        }
        build(dir, true, null);
        Path tei = dir.resolve(EditionBuilder.DOCS).resolve("jk-a-notice.xml");
        Files.setLastModifiedTime(tei, hourAgo);
        EditionBuilder.Result same = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(FIRST.size(), 0), same.cache());
        assertEquals(FIRST.size(), same.teiFromCache(), "every TEI file is as the build wrote it");
        assertTrue(Files.isRegularFile(dir.resolve(".jiaokan/digests")), "the digests are remembered");

        // One character for another of the same length in UTF-8, the time put back.
        Path source = sources.resolve("b-speech.txt");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains("过去一年"));
        Files.writeString(source, text.replace("过去一年", "过去两年"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(source, hourAgo);
        // An editor's correction in a TEI file, of the same length, the time put back.
        String teiText = Files.readString(tei, StandardCharsets.UTF_8);
        int p = teiText.indexOf("联合检查", teiText.indexOf("<body"));
        assertTrue(p > 0, "the notice says 联合检查 in its text");
        Files.writeString(tei, teiText.substring(0, p) + "聯合" + teiText.substring(p + 2), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(tei, hourAgo);
        EditionBuilder.Result again = build(dir, true, null);
        assertEquals(new Conversion.CacheCounts(FIRST.size() - 1, 1), again.cache(), "the changed source is converted again");
        assertEquals(FIRST.size() - 2, again.teiFromCache(), "the changed source's and the edited TEI file are written again");

        Map<String, String> changed = new TreeMap<>(FIRST);
        changed.put("b-speech.txt", text.replace("过去一年", "过去两年"));
        Path fresh = edition("same-size-scratch", changed);
        build(fresh, false, null);
        Map<String, byte[]> full = files(fresh), incr = files(dir);
        incr.remove("docs/jk-a-notice.xml"); // holds the editor's correction
        full.remove("docs/jk-a-notice.xml");
        assertTrue(Files.readString(tei, StandardCharsets.UTF_8).contains("聯合检查"), "the editor's correction is kept");
        assertEquals(full.keySet(), incr.keySet());
        for (String name : full.keySet()) assertArrayEquals(full.get(name), incr.get(name), name + " differs");
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
    }

    static void publish(Path edition, Path site, boolean incremental) throws IOException {
        var r = new org.jiaokan.publish.Publisher(new org.jiaokan.publish.Publisher.Options(site, Set.of("html", "catalog"), null, 2,
                incremental)).publish(List.of(edition));
        assertEquals(List.of(), r.errors());
    }

    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void otherCodeInvalidatesTheCacheAndCorruptEntriesAreIgnored() throws Exception {
        Path dir = edition("identity", FIRST);
        assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, "code-1").cache());
        assertEquals(new Conversion.CacheCounts(4, 0), build(dir, true, "code-1").cache());
        Map<String, byte[]> before = files(dir);
        assertEquals(new Conversion.CacheCounts(0, 4), build(dir, true, "code-2").cache(), "other code: all converted");
        assertEquals(new Conversion.CacheCounts(4, 0), build(dir, true, "code-2").cache());

        List<Path> stores = storeFiles(dir);
        assertEquals(1, stores.size(), "the other code's documents removed");
        List<DocumentStore.Found> records = records(dir);
        assertEquals(4, records.size(), "one record per source");
        byte[] bytes = Files.readAllBytes(stores.get(0));
        // One document's bytes changed, one document's summary pointing at another's, the last cut in half.
        DocumentStore.Found spoilt = records.get(0);
        bytes[(int) spoilt.place().offset() + 3] ^= 1;
        Path summaries = dir.resolve(EditionBuilder.CACHE + "-summaries");
        CachePack pack = new CachePack(summaries, BuildCache.SUMMARIES_MAGIC);
        String other = null;
        for (String name : new DocumentStore(dir.resolve(EditionBuilder.CACHE)).scanned().keySet()) {
            BuildCache.Summary s = BuildCache.Codec.summary(pack.get(name));
            if (s.place().equals(records.get(1).place())) other = name;
        }
        for (String name : new DocumentStore(dir.resolve(EditionBuilder.CACHE)).scanned().keySet()) {
            BuildCache.Summary s = BuildCache.Codec.summary(pack.get(name));
            if (s.place().equals(records.get(2).place())) pack.put(name, BuildCache.Codec.bytes(s.at(records.get(1).place())));
        }
        assertTrue(other != null);
        pack.save(new DocumentStore(dir.resolve(EditionBuilder.CACHE)).scanned().keySet());
        DocumentStore.Found last = records.get(3);
        Files.write(stores.get(0), java.util.Arrays.copyOf(bytes, (int) (last.place().offset() + last.length() / 2)));
        // The summaries are found in their own file, so the documents are read only for TEI files that are made again:
        // with the TEI files gone, the spoilt documents are found out and their sources converted again.
        try (Stream<Path> s = Files.list(dir.resolve(EditionBuilder.DOCS))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("jk-")).toList()) Files.delete(p);
        }
        assertEquals(new Conversion.CacheCounts(1, 3), build(dir, true, "code-2").cache());
        Map<String, byte[]> after = files(dir);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) assertArrayEquals(before.get(name), after.get(name), name + " differs");
        try (Stream<Path> s = Files.list(dir.resolve(EditionBuilder.DOCS))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("jk-")).toList()) Files.delete(p);
        }
        EditionBuilder.Result again = build(dir, true, "code-2");
        assertEquals(new Conversion.CacheCounts(4, 0), again.cache(), "the entries were replaced: every document read back");
        assertEquals(0, again.teiFromCache());
    }

    @Test
    void aForcedEncodingIsPartOfTheKey() throws Exception {
        Path dir = edition("forced", Map.of("a-notice.txt", FIRST.get("a-notice.txt")));
        List<Path> inputs = List.of(dir.resolve("sources").resolve("a-notice.txt"));
        Conversion.Listener quiet = new Conversion.Listener() {
            @Override public void converted(int done, int total, Path input, TeiFiles.Outcome outcome) {}

            @Override public void failed(Path input, String reason) { throw new AssertionError(reason); }
        };
        Path cache = dir.resolve("cache");
        var edition = EditionHeader.read(Path.of("tei", "edition.xml")).edition();
        Conversion c = new Conversion(Toolkit.get(), edition).withCache(cache, "code");
        c.run(inputs, dir.resolve("out"), null, false, quiet);
        assertEquals(new Conversion.CacheCounts(0, 1), c.cacheCounts());
        c.run(inputs, dir.resolve("out"), null, false, quiet);
        assertEquals(new Conversion.CacheCounts(1, 0), c.cacheCounts());
        c.run(inputs, dir.resolve("out"), StandardCharsets.UTF_8, false, quiet);
        assertEquals(new Conversion.CacheCounts(0, 1), c.cacheCounts(), "a forced encoding is another conversion");
    }
}
