package org.jiaokan.clean;

import com.hankcs.hanlp.HanLP;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.jiaokan.model.Script;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the standard cleaner over every line of the sample corpus and checks what it marks. */
class SeedCorpusCleaningTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]");
    /** Three short ASCII tokens joined by single spaces, one of them gluing a letter to a mark: jammer residue. */
    private static final Pattern JAMMER = Pattern.compile(
            "(?<![!-~])[!-~]{1,3} [!-~]{1,3} [!-~]{1,3}(?![!-~])");

    private final Cleaner cleaner = new Cleaner();

    private record Result(List<String> lines, List<List<Intervention>> found) {
        Map<Kind, Integer> counts() {
            Map<Kind, Integer> c = new EnumMap<>(Kind.class);
            found.forEach(l -> l.forEach(iv -> c.merge(iv.kind(), 1, Integer::sum)));
            return c;
        }

        /** The text outside surplus and forme work: what the regularised reading keeps of the source. */
        String kept() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int at = 0;
                for (Intervention iv : found.get(i)) {
                    if (iv.kind() != Kind.SURPLUS && iv.kind() != Kind.FORME_WORK) continue;
                    sb.append(line, at, iv.start());
                    at = iv.end();
                }
                sb.append(line.substring(at)).append('\n');
            }
            return sb.toString();
        }
    }

    private Result clean(String prefix) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "sample corpus not found at " + SEEDS.toAbsolutePath());
        Path file;
        try (var files = Files.list(SEEDS)) {
            file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(file != null, "seed " + prefix + " not found in " + SEEDS.toAbsolutePath());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        Script script = scriptOf(text);
        List<List<Intervention>> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            found.add(cleaner.clean(lines.get(i), new LineContext(script, i, lines.size(), Hint.NONE)));
        }
        return new Result(lines, found);
    }

    /** Traditional when converting to simplified changes a noticeable share of the text. */
    private static Script scriptOf(String text) {
        String simplified = HanLP.convertToSimplifiedChinese(text);
        int changed = 0;
        for (int i = 0; i < Math.min(text.length(), simplified.length()); i++) if (text.charAt(i) != simplified.charAt(i)) changed++;
        return changed * 50 > text.length() ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    private static void assertClean(Result r) {
        String kept = r.kept();
        assertFalse(PINYIN.matcher(kept).find(), () -> "converter pinyin left: " + PINYIN.matcher(kept).results().map(m -> m.group()).toList());
        assertFalse(JAMMER.matcher(kept).find(), () -> "jammer left: " + JAMMER.matcher(kept).results().map(m -> m.group()).toList());
    }

    @Test
    void seed000SpeechReportHasNothingToClean() throws IOException {
        Result r = clean("000");
        assertEquals(Map.of(), r.counts());
        assertTrue(r.kept().contains("“1、3、5分钟”"));
    }

    @Test
    void seed001JammerRunsInlineAtLineEndsAndWholeLineAndStrayBar() throws IOException {
        Result r = clean("001");
        assertEquals(Map.of(Kind.SURPLUS, 6), r.counts());
        assertClean(r);
        String kept = r.kept();
        assertTrue(kept.startsWith("今年公安工作怎么干?全国公安厅局长会议精神关键点提示\n今年是新中国成立75周年"));
        assertTrue(kept.contains("关键点 六个“必须坚持”\n"));
        assertTrue(kept.contains("关键点 一个“总体要求”\n"));
        assertTrue(kept.contains("关键点 八个“重点任务”\n"));
        assertTrue(kept.contains("深化110与12345高效对接联动"));
        assertTrue(kept.endsWith("业绩。\n\n\n"));
    }

    @Test
    void seed002ConverterPinyinAndOneMojibakeRun() throws IOException {
        Result r = clean("002");
        assertEquals(Map.of(Kind.SURPLUS, 125, Kind.CORRECTION, 1), r.counts());
        assertClean(r);
        String kept = r.kept();
        assertTrue(kept.contains("社區(農村)警務室(站)"), "genuine parentheses survive");
        assertTrue(kept.contains("“1,3,5分鐘”"));
        Intervention fix = r.found().get(1).stream().filter(iv -> iv.kind() == Kind.CORRECTION).findFirst().orElseThrow();
        assertEquals("?!钡陌踩€", r.lines().get(1).substring(fix.start(), fix.end()));
        // two bytes lost inside the run without a mark are not modelled: the repair is sure up to 安
        assertTrue(fix.replacement().startsWith("保”的安"), fix.replacement());
    }

    @Test
    void seed003RedactionMarksAndRelatedLinksFooter() throws IOException {
        Result r = clean("003");
        assertEquals(Map.of(Kind.REDACTION, 22, Kind.FORME_WORK, 1), r.counts());
        assertClean(r);
        assertTrue(r.kept().endsWith("谢谢大家。\n\n"));
    }

    @Test
    void seed004BreadcrumbRelatedLinksAndShareWidgets() throws IOException {
        Result r = clean("004");
        assertEquals(Map.of(Kind.FORME_WORK, 4), r.counts());
        assertClean(r);
        List<String> types = r.found().stream().flatMap(List::stream).map(Intervention::reason).toList();
        assertEquals(List.of("breadcrumb", "related-links", "share-widget", "share-widget"), types);
        String kept = r.kept();
        assertTrue(kept.contains("各市(州)公安局、縣(市、區)公安(分)局"));
        assertTrue(kept.contains("(鄒邇戈)"));
        assertTrue(kept.contains("時間:2020-03-25 18:08:57"));
    }
}
