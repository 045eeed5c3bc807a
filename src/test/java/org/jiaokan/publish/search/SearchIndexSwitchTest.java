package org.jiaokan.publish.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index is replaced as a set: a build stopped between any two of its steps (as a kill there
 * would stop it) leaves an {@code index.js} whose every shard is there and belongs to it.
 */
class SearchIndexSwitchTest {
    @TempDir
    Path tmp;

    @AfterEach
    void noHook() {
        SearchIndexBuilder.stepHook = step -> {};
    }

    private static final String TEI = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>%s</title></titleStmt>"
            + "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
            + "<text><body>%s</body></text></TEI>";

    /** A folder of TEI documents, each with {@code paragraphs} paragraphs made from {@code words}. */
    private Path corpus(String name, int docs, int paragraphs, String words) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int d = 0; d < docs; d++) {
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < paragraphs; p++) {
                body.append("<p xml:id=\"p").append(p).append("\">");
                for (int i = 0; i < 40; i++) body.append(words.charAt((d * 7 + p * 13 + i * 31) % words.length()));
                body.append("</p>");
            }
            Files.writeString(dir.resolve("doc-" + d + ".xml"), String.format(TEI, "文件" + d, body), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static final String OLD_WORDS = "关于加强辖区治安巡逻工作的通知各派出所为进一步管理现将有关事项如下";
    private static final String NEW_WORDS = "市公安局召开全市交通安全工作会议部署冬季道路事故预防专项整治行动要求各单位落实责任";

    /** Every file of the index by its path under search/, with its bytes. */
    static Map<String, byte[]> snapshot(Path search) throws java.io.IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(search)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(search.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    /**
     * The index as a reader's browser finds it: index.js, its generation, and every postings and text shard it
     * names present and registering itself under the number index.js expects. Returns the generation.
     */
    private static String consistent(Path search) throws Exception {
        String index = Files.readString(search.resolve("index.js"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"gen\":\"(g-[0-9a-f]{16})\",\"shards\":(\\d+),\"blocks\":\\d+,\"texts\":\\[([0-9,]*)]").matcher(index);
        assertTrue(m.find(), index.substring(0, Math.min(200, index.length())));
        Path gen = search.resolve(m.group(1));
        int shards = Integer.parseInt(m.group(2));
        int texts = m.group(3).isEmpty() ? 0 : m.group(3).split(",").length;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < shards; i++) expected.add(String.format("s-%02x.js", i));
        for (int i = 0; i < texts; i++) expected.add("t-" + i + ".js");
        for (String f : expected) {
            Path p = gen.resolve(f);
            assertTrue(Files.isRegularFile(p), "index.js names " + m.group(1) + "/" + f);
            String js = Files.readString(p, StandardCharsets.UTF_8);
            String n = f.substring(2, f.length() - 3);
            assertTrue(js.startsWith("\uFEFFJiaokanSearch.add(\"" + f.charAt(0) + "\"," + Integer.parseInt(n, f.charAt(0) == 's' ? 16 : 10) + ","), f);
            assertTrue(js.endsWith(");\n"), f + " is complete");
        }
        try (Stream<Path> s = Files.list(gen)) {
            assertEquals(expected.size(), s.count(), "nothing else in the generation");
        }
        return m.group(1);
    }

    @Test
    void aBuildStoppedBeforeTheSwitchLeavesTheOldIndexWhole() throws Exception {
        Path site = tmp.resolve("site");
        Path search = site.resolve("search");
        Path oldDocs = corpus("old", 3, 6, OLD_WORDS);
        Path newDocs = corpus("new", 40, 30, NEW_WORDS);
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(oldDocs)), site, 2);
        String oldGen = consistent(search);
        Map<String, byte[]> before = snapshot(search);

        SearchIndexBuilder.stepHook = step -> { if (step.equals("written")) throw new IllegalStateException("killed"); };
        assertThrows(IllegalStateException.class, () -> SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(newDocs)), site, 2));
        assertEquals(oldGen, consistent(search), "index.js still names the old generation, which is whole");
        Map<String, byte[]> after = snapshot(search);
        for (Map.Entry<String, byte[]> e : before.entrySet()) assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey());
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("g-") && !k.startsWith(oldGen)), "the new generation is complete beside it");

        // Stopped after the switch, before the old generation is removed: the new index is whole.
        SearchIndexBuilder.stepHook = step -> { if (step.equals("switched")) throw new IllegalStateException("killed"); };
        assertThrows(IllegalStateException.class, () -> SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(newDocs)), site, 2));
        String newGen = consistent(search);
        assertFalse(newGen.equals(oldGen));
        assertTrue(Files.isDirectory(search.resolve(oldGen)), "the old generation is still there");

        // The next run completes it: one generation, nothing half written.
        SearchIndexBuilder.stepHook = step -> {};
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(newDocs)), site, 2);
        assertEquals(newGen, consistent(search), "the same documents give the same generation");
        try (Stream<Path> s = Files.list(search)) {
            assertEquals(List.of(newGen, "index.js"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aBuildStoppedWhileReadingLeavesTheOldIndexAndTheNextRunRemovesWhatItLeft() throws Exception {
        Path site = tmp.resolve("site");
        Path search = site.resolve("search");
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(corpus("old", 3, 6, OLD_WORDS))), site, 2);
        Map<String, byte[]> before = snapshot(search);
        String oldGen = consistent(search);
        // A document that cannot be read mid-way stops nothing, but a failure to write does: a folder where a shard goes.
        Path newDocs = corpus("new", 40, 30, NEW_WORDS);
        SearchIndexBuilder.stepHook = step -> { throw new IllegalStateException("killed at " + step); };
        assertThrows(IllegalStateException.class, () -> SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(newDocs)), site, 1));
        assertEquals(oldGen, consistent(search));
        for (Map.Entry<String, byte[]> e : before.entrySet()) assertArrayEquals(e.getValue(), Files.readAllBytes(search.resolve(e.getKey())), e.getKey());
        SearchIndexBuilder.stepHook = step -> {};
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(newDocs)), site, 1);
        consistent(search);
        assertFalse(Files.exists(search.resolve(".next")), "the half-built generation is gone");
    }

    @Test
    void theSameDocumentsGiveTheSameFileNamesAndBytesOnAnyNumberOfThreads() throws Exception {
        Path docs = corpus("docs", 20, 12, NEW_WORDS + OLD_WORDS);
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(docs)), tmp.resolve("a"), 1);
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(docs)), tmp.resolve("b"), 3);
        Map<String, byte[]> a = snapshot(tmp.resolve("a/search")), b = snapshot(tmp.resolve("b/search"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    @Test
    void anIndexFromBeforeGenerationsIsReplacedWhole() throws Exception {
        Path search = Files.createDirectories(tmp.resolve("site/search"));
        Files.writeString(search.resolve("s-00.js"), "\uFEFFJiaokanSearch.add(\"s\",0,{});\n");
        Files.writeString(search.resolve("t-0.js"), "\uFEFFJiaokanSearch.add(\"t\",0,0,[]);\n");
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(corpus("docs", 2, 3, OLD_WORDS))), tmp.resolve("site"), 2);
        String gen = consistent(search);
        try (Stream<Path> s = Files.list(search)) {
            assertEquals(List.of(gen, "index.js"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aGenerationReplacedButNotYetRemovedIsRemovedByTheNextRun() throws Exception {
        Path site = tmp.resolve("site");
        Path search = site.resolve("search");
        Path docs = corpus("docs", 4, 5, OLD_WORDS);
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(docs)), site, 2);
        // What a run killed while its old generation was being removed leaves: the generation, renamed out of the way.
        Path left = Files.createDirectories(search.resolve(".old-g-0123456789abcdef"));
        Files.writeString(left.resolve("s-00.js"), "\uFEFFJiaokanSearch.add(\"s\",0,{});\n");
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(corpus("more", 6, 5, NEW_WORDS))), site, 2);
        String gen = consistent(search);
        try (Stream<Path> s = Files.list(search)) {
            assertEquals(List.of(gen, "index.js"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the generation left half removed and the one replaced are both gone when the run ends");
        }
    }
}
