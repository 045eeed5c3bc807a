package org.jiaokan.clean;

import com.hankcs.hanlp.HanLP;
import org.jiaokan.bench.BenchCorpus;
import org.jiaokan.model.Intervention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-shift repair gives exactly the interventions (spans, kinds, replacements, cert) of its
 * reference implementation ({@link ByteShiftMojibakeReference}) on a large generated corpus: the
 * paragraphs of a generated bench corpus in both scripts, the same with accented pinyin, {@code *},
 * {@code ?} and Latin letters put between Han characters (what makes the rule search), and the
 * mojibake generator's damaged sentences.
 */
class ByteShiftMojibakeEquivalenceTest {

    private static final String PINYIN_INITIALS = "bpmfdtnlgkhjqxzcsryw";
    private static final String[] PINYIN_FINALS = {"ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò",
            "ū", "ú", "ǔ", "ù", "ǚ", "āng", "éng", "ìng", "ōng", "uó", "iǎo", "ài", "èi", "ān", "ián", "ué"};

    private static final List<String> LINES = new ArrayList<>();
    private static final List<LineContext> CONTEXTS = new ArrayList<>();
    private static final List<List<Intervention>> EXPECTED = new ArrayList<>();
    private static long characters;
    private static long referenceCpu;

    @BeforeAll
    static void corpus(@TempDir Path dir) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        BenchCorpus corpus = BenchCorpus.from(root.resolve("tei/sources"), root.resolve("tei/docs/registers.xml"));
        BenchCorpus.Generated generated = corpus.generate(dir, 12, 13);
        Random random = new Random(29);
        for (Path file : generated.files()) {
            if (!file.getFileName().toString().endsWith(".txt")) continue;
            for (String line : decode(Files.readAllBytes(file)).split("\\R")) {
                if (line.isBlank()) continue;
                LineContext context = traditional(line) ? Fixtures.traditional() : Fixtures.simplified();
                add(line, context);
                add(sprinkle(line, random), context);
            }
        }
        for (long seed : new long[]{5, 17}) {
            MojibakeGenerator generator = new MojibakeGenerator(seed);
            for (MojibakeGenerator.Instance in : generator.damageAll(MojibakeSentences.SIMPLIFIED)) add(in.damaged(), Fixtures.simplified());
            for (MojibakeGenerator.Instance in : generator.damageAllMidRun(MojibakeSentences.SIMPLIFIED)) add(in.damaged(), Fixtures.simplified());
            for (MojibakeGenerator.Instance in : generator.damageAll(MojibakeSentences.TRADITIONAL)) add(in.damaged(), Fixtures.traditional());
            for (MojibakeGenerator.Instance in : generator.damageAllMidRun(MojibakeSentences.TRADITIONAL)) add(in.damaged(), Fixtures.traditional());
        }
        for (String line : MojibakeSentences.TRICKY) add(line, Fixtures.simplified());
        ByteShiftMojibakeReference reference = new ByteShiftMojibakeReference();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long t0 = bean.getCurrentThreadCpuTime();
        for (int i = 0; i < LINES.size(); i++) EXPECTED.add(reference.find(LINES.get(i), CONTEXTS.get(i)));
        referenceCpu = bean.getCurrentThreadCpuTime() - t0;
    }

    private static void add(String line, LineContext context) {
        LINES.add(line);
        CONTEXTS.add(context);
        characters += line.length();
    }

    private static boolean traditional(String line) {
        return !HanLP.convertToSimplifiedChinese(line).equals(line);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** The line with pinyin syllables, {@code *}, {@code ?} and Latin letters put after a few Han characters. */
    private static String sprinkle(String line, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(c);
            if (!PinyinArtifactRule.isHan(c) || random.nextInt(25) != 0) continue;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    out.append(PINYIN_INITIALS.charAt(random.nextInt(PINYIN_INITIALS.length())));
                    out.append(PINYIN_FINALS[random.nextInt(PINYIN_FINALS.length)]);
                }
                case 2 -> out.append('*');
                case 3 -> out.append('?');
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    @Test
    void findsExactlyWhatTheReferenceFinds() {
        compare(new ByteShiftMojibakeRepair(), "with memo");
    }

    @Test
    void searchAloneFindsExactlyWhatTheReferenceFinds() {
        compare(new ByteShiftMojibakeRepair(false), "search alone");
    }

    /**
     * The best score the rule computes first without paths (to skip the search where no repair can win) is,
     * bit for bit, the best score of the search, on windows of every kind of line of the corpus: plain, with
     * sprinkled pinyin and marks, and damaged.
     */
    @Test
    void bestScoreWithoutPathsIsTheSearchsBestScore() {
        int windows = 0;
        int shifted = 0;
        for (int i = 0; i < LINES.size(); i += 4) {
            String line = LINES.get(i);
            int n = line.length();
            for (int s = (i * 5) % 11; s < n; s += 23) {
                int e = Math.min(n, s + 4 + (i + s) % 15);
                double[] both = ByteShiftMojibakeRepair.bestBothWays(line, s, e, CONTEXTS.get(i).script());
                assertEquals(both[1], both[0], 0.0, line + " [" + s + "," + e + ")");
                windows++;
                if (both[1] > both[2]) shifted++;
            }
        }
        assertTrue(windows > 250, "windows compared: " + windows);
        assertTrue(shifted > 0, "some windows are best read shifted: " + shifted);
    }

    private static void compare(ByteShiftMojibakeRepair rule, String label) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long newCpu = 0;
        int found = 0;
        for (int i = 0; i < LINES.size(); i++) {
            String line = LINES.get(i);
            long t1 = bean.getCurrentThreadCpuTime();
            List<Intervention> actual = rule.find(line, CONTEXTS.get(i));
            newCpu += bean.getCurrentThreadCpuTime() - t1;
            found += EXPECTED.get(i).size();
            assertEquals(EXPECTED.get(i), actual, line);
        }
        System.out.printf("byte-shift equivalence (%s): %d lines, %d characters, %d interventions; reference %.0f, rule %.0f characters per CPU-second%n",
                label, LINES.size(), characters, found, characters / (referenceCpu / 1e9), characters / (newCpu / 1e9));
        assertTrue(LINES.size() > 350, "corpus too small: " + LINES.size());
        assertTrue(found > 200, "too few interventions to compare: " + found);
    }
}
