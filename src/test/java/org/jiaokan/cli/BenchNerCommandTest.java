package org.jiaokan.cli;

import org.jiaokan.annotate.NamedEntities.Label;
import org.jiaokan.annotate.eval.BioCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code jiaokan bench ner}: BIO reading, exact-span scores, and errors on missing or malformed corpora. */
class BenchNerCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private static String bio(String text, String... tags) {
        StringBuilder sb = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) sb.appendCodePoint(cps[i]).append(i % 2 == 0 ? '\t' : ' ').append(tags[i]).append('\n');
        return sb.toString();
    }

    private Path corpus() throws IOException {
        String s = bio("习近平同志在北京市主持会议。", "B-PER", "I-PER", "I-PER", "O", "O", "O", "B-LOC", "I-LOC", "I-LOC",
                "O", "O", "O", "O", "O")
                + "\n\n"
                + bio("𠀀国务院召开会议", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O");
        return Files.writeString(dir.resolve("gold.bio"), s, StandardCharsets.UTF_8);
    }

    @Test
    void readsSentencesAndSpansInCodePoints() throws Exception {
        BioCorpus c = BioCorpus.read(corpus());
        assertEquals(2, c.sentences().size());
        assertEquals("习近平同志在北京市主持会议。", c.sentences().get(0).text());
        assertEquals(List.of("PER 0..3 习近平", "LOC 6..9 北京市"), c.sentences().get(0).gold().stream()
                .map(e -> e.label() + " " + e.start() + ".." + e.end() + " " + e.text()).toList());
        assertEquals(1, c.sentences().get(1).gold().get(0).start());
        assertEquals(22, c.codePoints());
    }

    @Test
    void scoresTheRecogniserAndTheBaseline() {
        int code = Main.run("bench", "ner", "--baseline", "--warm-up", "0", "--corpus", corpusPath());
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, o + err);
        assertTrue(o.contains("2 sentences, 22 chars; gold PER 1, LOC 1, ORG 1"), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("hanlp-baseline ")), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("jiaokan ") && l.contains("1.000 1.000 1.000")), o);
        assertTrue(o.contains("chars/s"), o);
    }

    @Test
    void typesRestrictScoring() {
        assertEquals(0, Main.run("bench", "ner", "--types", "PER", "--warm-up", "0", "--corpus", corpusPath()));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("PER tp 1 found 1 gold 1;  LOC tp 0 found 0 gold 0;  ORG tp 0 found 0 gold 0;"), o);
    }

    private String corpusPath() {
        try {
            return corpus().toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingCorpusIsAnErrorLine() {
        assertEquals(2, Main.run("bench", "ner", "--corpus", dir.resolve("absent.bio").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("jiaokan: error: ") && e.contains("corpus not found"), e);
        assertEquals(1, e.lines().count(), e);
    }

    @Test
    void malformedCorpusNamesTheLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.bio"), "习\tB-PER\n近\tI-XYZ\n", StandardCharsets.UTF_8);
        assertEquals(2, Main.run("bench", "ner", "--corpus", bad.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("jiaokan: error: ") && e.contains("bad.bio:2"), e);
        Path two = Files.writeString(dir.resolve("two.bio"), "习近\tB-PER\n", StandardCharsets.UTF_8);
        assertThrows(BioCorpus.FormatException.class, () -> BioCorpus.read(two));
    }

    @Test
    void seedGoldIsReadable() throws Exception {
        Path seeds = Path.of("src/test/resources/org/jiaokan/annotate/seed-gold-bio.txt");
        BioCorpus c = BioCorpus.read(seeds);
        long per = c.sentences().stream().flatMap(s -> s.gold().stream()).filter(e -> e.label() == Label.PER).count();
        assertEquals(35, per);
    }

    @Test
    void msraTestSplitHasItsDocumentedCounts() throws Exception {
        assumeTrue(Files.isRegularFile(BenchNerCommand.DEFAULT_CORPUS),
                "MSRA test split not found at " + BenchNerCommand.DEFAULT_CORPUS + "; skipped");
        BioCorpus c = BioCorpus.read(BenchNerCommand.DEFAULT_CORPUS);
        assertEquals(3442, c.sentences().size());
        assertEquals(172601, c.codePoints());
        assertEquals(1973, c.sentences().stream().flatMap(s -> s.gold().stream()).filter(e -> e.label() == Label.PER).count());
    }
}
