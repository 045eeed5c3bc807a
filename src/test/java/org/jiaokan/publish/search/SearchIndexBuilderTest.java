package org.jiaokan.publish.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexBuilderTest {
    @TempDir
    static Path tmp;
    static Path site;
    static SearchIndexBuilder.Stats stats;

    @BeforeAll
    static void build() throws Exception {
        Path tei = SearchFixtures.write(tmp.resolve("tei"));
        SearchFixtures.put(tei, "registers.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><standOff/></TEI>");
        SearchFixtures.put(tei, "broken.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text>");
        site = tmp.resolve("site");
        stats = SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(tei)), site, 2);
    }

    @Test
    void foldingIsNfkcTraditionalToSimplifiedAndDropsPunctuation() {
        Folding.Folded f = Folding.fold("葉寒冰，２０２０年 ＡＢ");
        assertEquals("叶寒冰2020年ab", f.text());
        assertArrayEquals(new int[]{0, 1, 2, 4, 5, 6, 7, 8, 10, 11}, f.offsets());
        assertEquals(Folding.fold("扫黑除恶专项斗争").text(), Folding.fold("掃黑除惡專項鬥爭").text());
    }

    @Test
    void onlyTeiTextsAreIndexedAndBrokenFilesReported() {
        assertEquals(3, stats.documents());
        assertEquals(1, stats.errors().size());
        assertTrue(stats.errors().get(0).contains("broken.xml"), stats.errors().toString());
    }

    @Test
    void everyFileIsAPlainScriptThatRegistersItself() throws Exception {
        try (var s = Files.walk(site.resolve("search"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String js = Files.readString(p, StandardCharsets.UTF_8);
                assertTrue(js.startsWith("\uFEFFJiaokanSearch.add(\""), p.toString());
                assertTrue(js.endsWith(");\n"), p.toString());
                assertFalse(js.contains("</"), p.toString());
            }
        }
    }

    @Test
    void postingsCarryBlockAndPosition() throws Exception {
        // Block numbering: doc-a head 0, p1 1, p2 2, p3 3; doc-b p1 4, p2 5; doc-c 6, 7.
        Map<Integer, List<Integer>> p = postings("叶", "寒");
        assertEquals(Map.of(1, List.of(12), 4, List.of(10)), p, "叶寒 in a-p1 and b-p1 (葉寒); c-p2 has 叶子…寒冰");
        Map<Integer, List<Integer>> han = postings("寒", "冰");
        assertEquals(List.of(13), han.get(1));
        assertEquals(List.of(3), han.get(7), "寒冰 in c-p2");
        assertFalse(han.containsKey(6), "寒冷…冰: the characters only co-occur");
        // The last character of a block is posted with an empty follower.
        assertTrue(postings("冰", "").containsKey(6), "c-p1 ends in 防冰");
        assertFalse(postings("冰", "").containsKey(7));
    }

    @Test
    void phraseVerificationFromPositionsRejectsCoOccurringCharacters() throws Exception {
        assertEquals(List.of(0, 2, 4), phrase("扫黑除恶"), "a's head, a-p2 and b-p1 (掃黑除惡); c-p1 has the characters apart");
        assertEquals(List.of(0), phrase("召开扫黑"), "the head, not the title of the header");
        assertEquals(List.of(0, 2, 4), phrase("黑除"), "mid-word substring");
        assertEquals(List.of(), phrase("恶劣环境除夕"));
    }

    @Test
    void surplusFormeWorkAndEditorialNotesAreNotSearchableButSicIs() throws Exception {
        assertEquals(List.of(), phrase("wen"));
        assertEquals(List.of(), phrase("莫须有"));
        assertEquals(List.of(), phrase("编者注"));
        assertEquals(List.of(2), phrase("稳中求进"), "the regularised reading runs across the removed pinyin");
        assertEquals(List.of(3), phrase("数据安全"));
        assertEquals(List.of(3), phrase("鏁版嵁"), "the source's damaged form at the same place");
        assertEquals(List.of(3), phrase("把鏁版嵁安全"), "with its context");
    }

    @Test
    void indexCarriesMetadataFacetsAndFoldingTable() throws Exception {
        String index = Files.readString(site.resolve("search/index.js"), StandardCharsets.UTF_8);
        assertTrue(index.contains("[\"doc-b\",\"省公安廳部署縱深推進掃黑除惡專項鬥爭\",\"2020-03-25\",\"2020\","), index);
        assertTrue(index.contains("[\"person\",\"per-叶寒冰\",\"叶寒冰\"]"), index);
        assertTrue(index.contains("[\"place\",\"pl-江城市\",\"江城市\"]"), index);
        assertTrue(index.contains("[\"meeting-report\",\"meeting-report label\"]"), index);
        Matcher m = Pattern.compile("\"fold\":\"([^\"]*)\"").matcher(index);
        assertTrue(m.find());
        assertTrue(m.group(1).contains("葉叶"), "traditional form of a corpus character");
        assertTrue(m.group(1).contains("廳厅"));
        // Deterministic: a rebuild gives the same bytes.
        Path again = tmp.resolve("again");
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(tmp.resolve("tei"))), again, 3);
        try (var s = Files.walk(site.resolve("search"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.resolve("search").resolve(site.resolve("search").relativize(p))), p.toString());
            }
        }
    }

    /** Blocks where the folded phrase occurs, verified from the postings' positions as the browser does. */
    static List<Integer> phrase(String q) throws Exception {
        int[] cps = Folding.fold(q).codePoints();
        List<Map<Integer, List<Integer>>> lists = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) lists.add(postings(str(cps[i]), str(cps[i + 1])));
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : lists.get(0).entrySet()) {
            for (int start : e.getValue()) {
                boolean ok = true;
                for (int j = 1; j < lists.size() && ok; j++) {
                    List<Integer> pj = lists.get(j).get(e.getKey());
                    ok = pj != null && pj.contains(start + j);
                }
                if (ok && !out.contains(e.getKey())) out.add(e.getKey());
            }
        }
        return out;
    }

    static String str(int cp) {
        return new String(Character.toChars(cp));
    }

    /** Decodes one gram's postings from its shard. */
    static Map<Integer, List<Integer>> postings(String c1, String c2) throws Exception {
        String index = Files.readString(site.resolve("search/index.js"), StandardCharsets.UTF_8);
        Matcher sm = Pattern.compile("\"shards\":(\\d+)").matcher(index);
        assertTrue(sm.find());
        int shard = c1.codePointAt(0) % Integer.parseInt(sm.group(1));
        Matcher gen = Pattern.compile("\"gen\":\"(g-[0-9a-f]{16})\"").matcher(index);
        assertTrue(gen.find());
        String js = Files.readString(site.resolve("search").resolve(gen.group(1)).resolve(String.format("s-%02x.js", shard)), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("\n\"" + Pattern.quote(c1) + "\":\\{([^}]*)}").matcher(js);
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        if (!row.find()) return out;
        Matcher g = Pattern.compile("\"" + Pattern.quote(c2) + "\":\"([^\"]*)\"").matcher(row.group(1));
        if (!g.find()) return out;
        int block = 0;
        for (String entry : g.group(1).split(";")) {
            String[] bp = entry.split(":");
            block += Integer.parseInt(bp[0], 36);
            List<Integer> pos = new ArrayList<>();
            int p = 0;
            for (String d : bp[1].split(",")) pos.add(p += Integer.parseInt(d, 36));
            out.put(block, pos);
        }
        assertNotNull(out);
        return out;
    }

    @Test
    void absentGramHasNoPostings() throws Exception {
        assertTrue(postings("叶", "冰").isEmpty());
        assertNull(postings("叶", "冰").get(0));
    }
}
