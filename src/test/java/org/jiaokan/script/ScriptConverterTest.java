package org.jiaokan.script;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.ts.SimplifiedChineseDictionary;
import com.hankcs.hanlp.dictionary.ts.TraditionalChineseDictionary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ScriptConverter} converts as HanLP does: the same tables, the same strings. */
class ScriptConverterTest {

    @SuppressWarnings("unchecked")
    private static AhoCorasickDoubleArrayTrie<String> hanlpTrie(Class<?> dictionary) throws Exception {
        HanLP.convertToTraditionalChinese("后");
        HanLP.convertToSimplifiedChinese("後");
        java.lang.reflect.Field f = dictionary.getDeclaredField("trie");
        f.setAccessible(true);
        return (AhoCorasickDoubleArrayTrie<String>) f.get(null);
    }

    /** Every word of the tables read here is a word of HanLP's, with the same form, and HanLP's have no other. */
    @Test
    void theTablesAreHanLpsOwn() throws Exception {
        check("s2t.txt", hanlpTrie(SimplifiedChineseDictionary.class));
        check("t2s.txt", hanlpTrie(TraditionalChineseDictionary.class));
    }

    private static void check(String file, AhoCorasickDoubleArrayTrie<String> trie) throws Exception {
        TreeMap<String, String> table = ScriptConverter.Table.read(ScriptConverter.TABLES + file);
        assertNotNull(table, file);
        assertTrue(table.size() > 1000, file + ": " + table.size() + " words");
        for (Map.Entry<String, String> e : table.entrySet()) assertEquals(trie.get(e.getKey()), e.getValue(), file + ": " + e.getKey());
        assertEquals(trie.size(), table.size(), file + ": as many words as HanLP's");
        assertTrue(ScriptConverter.Table.of(ScriptConverter.TABLES + file, s -> s).read(), file);
    }

    private static void same(String s) {
        assertEquals(HanLP.convertToTraditionalChinese(s), ScriptConverter.toTraditional(s), s);
        assertEquals(HanLP.convertToSimplifiedChinese(s), ScriptConverter.toSimplified(s), s);
    }

    /** The example edition's sources, line by line and whole. */
    @Test
    void theExampleEditionsSources() throws Exception {
        Path sources = Path.of("tei/sources");
        int lines = 0;
        try (Stream<Path> s = Files.list(sources)) {
            for (Path p : s.sorted().toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                same(text);
                for (String line : text.split("\n")) {
                    same(line);
                    lines++;
                }
            }
        }
        assertTrue(lines > 50, lines + " lines");
    }

    /**
     * Runs of the tables' own words and their pieces, one after another (where the longest word at a place and the
     * words overlapping it decide), with characters outside the BMP, Latin and punctuation between them.
     */
    @Test
    void runsOfTheTablesWords() throws Exception {
        List<String> words = new ArrayList<>();
        for (String file : List.of("s2t.txt", "t2s.txt")) {
            ScriptConverter.Table.read(ScriptConverter.TABLES + file).forEach((k, v) -> {
                words.add(k);
                words.add(v);
            });
        }
        String[] between = {"", "", "", " ", "“", "”", "a1", "\uD840\uDC00", "𫝈", "。", "\n"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int k = 0; k < parts; k++) {
                String w = words.get(random.nextInt(words.size()));
                // a word, or a piece of one: its end starts the next word's match
                if (w.length() > 1 && random.nextInt(3) == 0) w = w.substring(random.nextInt(w.length()));
                sb.append(w).append(between[random.nextInt(between.length)]);
            }
            same(sb.toString());
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').withChars('后', '後', '发', '發', '台', '臺', '“', '”', ' ', 'a')
                .ofMaxLength(40);
    }

    @Property(tries = 3000)
    void asHanLpConverts(@ForAll("text") String s) {
        same(s);
    }

    @Test
    void textWithNothingToChangeIsItself() {
        String s = "2024-05-06, No. 12 (ABC) 會議";
        assertSame(s, ScriptConverter.toTraditional(s));
        String t = "會議";
        assertSame(t, ScriptConverter.toTraditional(t));
        assertEquals("會議", ScriptConverter.toTraditional("会议"));
        assertEquals("会议", ScriptConverter.toSimplified("會議"));
        assertEquals("", ScriptConverter.toSimplified(""));
    }

    /** Where a table cannot be read, HanLP's own conversion answers (not this class again). */
    @Test
    void withoutATableHanLpConverts() {
        ScriptConverter.Table t = ScriptConverter.Table.of(ScriptConverter.TABLES + "absent.txt", ScriptConverter.HANLP_TO_TRADITIONAL);
        assertFalse(t.read());
        assertEquals(HanLP.convertToTraditionalChinese("会议后发展"), t.convert("会议后发展"));
        ScriptConverter.Table s = ScriptConverter.Table.of(ScriptConverter.TABLES + "absent.txt", ScriptConverter.HANLP_TO_SIMPLIFIED);
        assertEquals(HanLP.convertToSimplifiedChinese("會議後發展"), s.convert("會議後發展"));
        assertEquals("會議後發展", t.convert("会议后发展"));
    }
}
