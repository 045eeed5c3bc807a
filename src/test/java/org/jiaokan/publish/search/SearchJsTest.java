package org.jiaokan.publish.search;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site/js/search.js run under node over an index built from fixture TEI in both scripts. */
class SearchJsTest {
    static final Path SEARCH_JS = Path.of("site", "js", "search.js");
    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void build() throws Exception {
        Assumptions.assumeTrue(node() != null, "node is not installed: search.js is not run (apt-get install nodejs)");
        Path tei = SearchFixtures.write(tmp.resolve("tei"));
        SearchIndexBuilder.build(SearchIndexBuilder.teiFiles(List.of(tei)), tmp.resolve("site"), 2);
        index = tmp.resolve("site").resolve("search");
    }

    static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("node", "nodejs")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        return null;
    }

    /** Runs a node script with {@code S} (search.js's exports) and {@code E} (an engine over the index) defined. */
    static String run(String body) throws IOException, InterruptedException {
        Path script = Files.createTempFile(tmp, "t", ".js");
        Files.writeString(script, "const S = require(" + js(SEARCH_JS.toAbsolutePath().toString()) + ");\n"
                + "const E = S.loadDir(" + js(index.toString()) + ");\n"
                + "const docs = q => E.search(q).map(r => r.docid).join(',');\n" + body, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(node(), script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    static String js(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static List<String> lines(String body) throws Exception {
        return new ArrayList<>(List.of(run(body).split("\n")));
    }

    @Test
    void namesAreFoundInBothScripts() throws Exception {
        assertEquals(List.of("doc-a,doc-b", "doc-a,doc-b", "doc-a,doc-b"),
                lines("console.log(docs('叶寒冰')); console.log(docs('葉寒冰')); console.log(docs('葉寒冰'.normalize('NFKC')));"));
    }

    @Test
    void fourCharacterPhraseHasNoFalseHits() throws Exception {
        // doc-c has 扫, 黑, 除 and 恶 in this order but apart; its title shares none of it.
        assertEquals(List.of("[doc-a,doc-b]", "[doc-a,doc-b]", "[doc-a,doc-b]", "[]", "[]"),
                lines("const s = q => '[' + E.search(q).map(r => r.docid).sort().join(',') + ']';"
                        + "console.log(s('扫黑除恶')); console.log(s('掃黑除惡')); console.log(s('\"扫黑除恶专项\"'));"
                        + "console.log(s('扫除恶黑')); console.log(s('卫生黑板报除夕'));"));
    }

    @Test
    void midWordSubstringsAndSingleCharacters() throws Exception {
        assertEquals(List.of("doc-a,doc-b,doc-c", "doc-a,doc-b", "doc-a,doc-b,doc-c", "doc-b"),
                lines("const s = q => E.search(q).map(r => r.docid).sort().join(',');"
                        + "console.log(s('寒冰')); console.log(s('黑除')); console.log(s('冰')); console.log(s('2020'));"));
    }

    @Test
    void spaceSeparatedTermsMustAllOccurAndQuotesJoin() throws Exception {
        assertEquals(List.of("[doc-a]", "[doc-a]", "[]", "[doc-a]"),
                lines("const s = q => '[' + docs(q) + ']';"
                        + "console.log(s('公安 江城')); console.log(s('稳中求进')); console.log(s('“稳中 求进”x'));"
                        + "console.log(s('「稳中 求进」'));"));
    }

    @Test
    void rankingPrefersTheTitleThenMoreHits() throws Exception {
        // Both titles hold the phrase; doc-a has it twice in its text (head and a paragraph), doc-b once.
        assertEquals("doc-a,doc-b", run("console.log(docs('扫黑除恶'));"));
        // Only doc-c's title has 卫生; doc-c also ranks first for 通知.
        assertEquals("doc-c", run("console.log(E.search('卫生')[0].docid);"));
    }

    @Test
    void snippetsMarkTheSourceTextAndLinkToTheBlock() throws Exception {
        List<String> out = lines("""
                const show = (q) => { const r = E.search(q).find(x => x.docid === 'doc-b');
                  const sn = E.snippet(r.hits[0].block, r.hits, 30);
                  console.log(sn.anchor + ' ' + sn.number + ' ' + sn.parts.map(p => p[1] ? '[' + p[0] + ']' : p[0]).join('')); };
                show('叶寒冰'); show('2020');
                const a = E.search('鏁版嵁')[0]; const sa = E.snippet(a.hits[0].block, a.hits, 2);
                console.log(a.docid + ' ' + sa.anchor + ' ' + sa.parts.map(p => p[1] ? '[' + p[0] + ']' : p[0]).join(''));
                """);
        assertEquals("b-p1 1 省公安廳黨委書記、廳長[葉寒冰]指出，要縱深推進掃黑除惡專項鬥爭，堅決遏制突出違法犯罪。", out.get(0));
        assertEquals("b-p2 2 會議以電視電話會議形式召開至縣級公安機關，全省[２０２０]年工作同步部署。", out.get(1));
        assertEquals("doc-a a-p3 要把[数据]安全…", out.get(2), "the damaged source form leads to its correction");
    }

    @Test
    void snippetsShowEveryTermBeforeMoreOfTheSame() throws Exception {
        // doc-a (blocks 0-3): 公安 in the head and the first paragraph, 数据 only in the last paragraph.
        assertEquals("[0,3]", run("const r = E.search('公安 数据')[0]; console.log(r.docid === 'doc-a' ? JSON.stringify(E.snippetBlocks(r, 2)) : r.docid);"));
        assertEquals("[0,1,3]", run("const r = E.search('公安 数据')[0]; console.log(JSON.stringify(E.snippetBlocks(r, 3)));"));
    }

    @Test
    void facetsAndFilters() throws Exception {
        List<String> out = lines("""
                const r = E.search('寒冰'); const f = E.facets(r);
                console.log(JSON.stringify(f.person)); console.log(JSON.stringify(f.year));
                console.log(E.filter(r, {year: new Set(['2020'])}).map(x => x.docid).join(','));
                console.log(E.filter(r, {genre: new Set(['notice', 'news-report'])}).map(x => x.docid).sort().join(','));
                console.log(JSON.stringify(E.shardsFor('叶寒冰 扫黑')));
                """);
        assertEquals("[[\"per-叶寒冰\",\"叶寒冰\",2]]", out.get(0));
        assertEquals("[[\"2021\",\"2021\",1],[\"2020\",\"2020\",1],[\"2019\",\"2019\",1]]", out.get(1));
        assertEquals("doc-b", out.get(2));
        assertEquals("doc-b,doc-c", out.get(3));
        assertTrue(out.get(4).matches("\\[\\d+(,\\d+)*]"), out.get(4));
    }
}
