package org.jiaokan.publish;

import org.jiaokan.publish.html.Stylesheets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site made on one thread and on several is the same, byte for byte: the document pages and the search index
 * (read from each page's tree and added in input order), and the edition pages made in parts at once. A name the
 * registers lack is labelled by its first mention in input order, however the documents' work was scheduled.
 */
class ParallelPublishTest {
    @TempDir
    static Path tmp;
    static Path edition;

    /** Names of one person no register lists, as the documents write them: the first document's is the label. */
    private static final List<String> NAMES = List.of("赵立新", "趙立新", "立新同志", "赵局长");

    @BeforeAll
    static void edition() throws Exception {
        edition = tmp.resolve("ed");
        org.jiaokan.site.SiteFixtures.edition(edition);
        String template = org.jiaokan.site.SiteFixtures.text("edition/zhs-notice.xml");
        for (int i = 0; i < 9; i++) {
            // the first document is much longer, so that on several threads the later ones are done before it
            StringBuilder extra = new StringBuilder();
            int paragraphs = i == 0 ? 150 : 2;
            for (int k = 0; k < paragraphs; k++) {
                extra.append("<p xml:id=\"kt1-g-").append(k).append("\">会上，<persName ref=\"#per-未登记\">")
                        .append(NAMES.get(i % NAMES.size())).append("</persName>通报了第").append(k + 1)
                        .append("批治安巡查的情况，<placeName ref=\"#pl-青石镇\">青石镇</placeName>派出所作了发言。</p>\n");
            }
            String doc = template.replace("<idno type=\"jiaokan\">t-notice</idno>", "<idno type=\"jiaokan\">t-gen-" + i + "</idno>")
                    .replace("test/t-notice.html", "test/t-gen-" + i + ".html")
                    .replace("夏季治安巡查的通知</title>", "第" + (i + 1) + "轮治安巡查的通知</title>")
                    .replace("</div>", extra + "</div>");
            // a third in traditional script (their pages' twins are converted back)
            if (i % 3 == 1) doc = com.hankcs.hanlp.HanLP.convertToTraditionalChinese(doc).replace("zh-Hans", "zh-Hant");
            Files.writeString(edition.resolve(String.format("gen-%02d.xml", i)), doc, StandardCharsets.UTF_8);
        }
    }

    private static TreeMap<String, byte[]> publish(Path out, int threads) throws Exception {
        Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("html"), null, threads)).publish(List.of(edition));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(11, r.documents());
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) files.put(out.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }

    @Test
    void oneThreadAndSeveralMakeTheSameSite() throws Exception {
        TreeMap<String, byte[]> one = publish(tmp.resolve("one"), 1);
        TreeMap<String, byte[]> four = publish(tmp.resolve("four"), 4);
        TreeMap<String, byte[]> three = publish(tmp.resolve("three"), 3);
        assertEquals(one.keySet(), four.keySet());
        assertEquals(one.keySet(), three.keySet());
        assertTrue(one.keySet().stream().anyMatch(k -> k.matches("search/g-[0-9a-f]+/s-.*")), one.keySet().toString());
        assertTrue(one.keySet().stream().filter(k -> k.startsWith("person/") || k.startsWith("place/")).count() >= 3, one.keySet().toString());
        for (String k : one.keySet()) {
            assertArrayEquals(one.get(k), four.get(k), k + " differs between 1 and 4 threads");
            assertArrayEquals(one.get(k), three.get(k), k + " differs between 1 and 3 threads");
        }
        // every document is in the search index, in input order
        String index = new String(one.get("search/index.js"), StandardCharsets.UTF_8);
        int last = -1;
        for (int i = 0; i < 9; i++) {
            int at = index.indexOf("\"t-gen-" + i + "\"");
            assertTrue(at > last, "t-gen-" + i + " in order in the index");
            last = at;
        }
    }

    @Test
    void anEntryTheRegistersLackIsLabelledByItsFirstMentionInInputOrder() throws Exception {
        for (int round = 0; round < 2; round++) {
            TreeMap<String, byte[]> site = publish(tmp.resolve("label-" + round), 4);
            String page = new String(site.get("person/per-未登记.html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("<h1 lang=\"zh\">" + NAMES.get(0) + "</h1>"), page);
            String persons = new String(site.get("persons.html"), StandardCharsets.UTF_8);
            assertTrue(persons.contains(">" + NAMES.get(0) + "</a>"), persons);
        }
    }

    @Test
    void theStylesheetsAreCompiledOncePerTheme() throws Exception {
        Stylesheets bundled = Stylesheets.of(new Theme(null));
        assertSame(bundled, Stylesheets.of(new Theme(null)));
        Path own = tmp.resolve("theme");
        Files.createDirectories(own.resolve("css"));
        Files.writeString(own.resolve("css/jiaokan.css"), "body { color: black }\n");
        Stylesheets overridden = Stylesheets.of(new Theme(own));
        assertNotSame(bundled, overridden);
        assertSame(overridden, Stylesheets.of(new Theme(own)));
        Files.writeString(own.resolve("css/jiaokan.css"), "body { color: navy }\n");
        assertNotSame(overridden, Stylesheets.of(new Theme(own)), "a changed theme file is a new theme");
    }
}
