package org.jiaokan.annotate;

import org.jiaokan.annotate.eval.BioCorpus;
import java.nio.file.Path;

import com.hankcs.hanlp.HanLP;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same entities come out of a seed and of its conversion to the other script: same types, same
 * keys, and spans at the same offsets (conversion keeps code points one to one).
 */
class ScriptSymmetryTest {

    private static ChineseAnnotator annotator;

    @BeforeAll
    static void load() { annotator = new ChineseAnnotator(); }

    /** type, key and span of each mention; the text itself differs by script. */
    private static List<String> signature(List<Mention> ms) {
        List<String> out = new ArrayList<>();
        for (Mention m : ms) out.add(m.type() + " " + m.key() + " " + m.start() + ".." + m.end() + " " + m.code());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"002", "004"})
    void traditionalSeedAndItsSimplifiedConversionAgree(String id) throws IOException {
        assumeTrue(Seeds.available(), "seed documents not found at " + Seeds.dir());
        for (String line : Seeds.lines(id)) {
            assertAgree(line, Script.TRADITIONAL, HanLP.convertToSimplifiedChinese(line), Script.SIMPLIFIED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "003"})
    void simplifiedSeedAndItsTraditionalConversionAgree(String id) throws IOException {
        assumeTrue(Seeds.available(), "seed documents not found at " + Seeds.dir());
        for (String line : Seeds.lines(id)) {
            assertAgree(line, Script.SIMPLIFIED, HanLP.convertToTraditionalChinese(line), Script.TRADITIONAL);
        }
    }

    /** A line and its conversion to the other script give the same mentions. */
    private static void assertAgree(String line, Script script, String converted, Script convertedScript) {
        assertEquals(signature(annotator.annotate(line, script)), signature(annotator.annotate(converted, convertedScript)), line);
    }

    /**
     * The converter wrote a character that is a name character of its own in traditional texts
     * (于万里 → 於萬里: the surname 于 is not the surname 於); such a conversion changes the name.
     */
    private static boolean ambiguousConversion(String simplified, String traditional) {
        for (int k = 0; k < simplified.length(); k++) {
            char t = traditional.charAt(k);
            if (t != simplified.charAt(k) && ScriptAlignment.KEPT_IN_SIMPLIFIED.indexOf(t) >= 0) return true;
        }
        return false;
    }

    /**
     * Every sentence of the project's gold sets, written in simplified script, gives the same
     * mentions in its traditional conversion (where the conversion keeps the length and writes no
     * character that would make another name).
     */
    @ParameterizedTest
    @ValueSource(strings = {"held-bio.txt", "dev4-bio.txt", "dev5-bio.txt"})
    void goldSentencesAndTheirTraditionalConversionAgree(String file) throws Exception {
        BioCorpus corpus = BioCorpus.read(Path.of(ScriptSymmetryTest.class.getResource(file).toURI()));
        int compared = 0;
        for (BioCorpus.Sentence sentence : corpus.sentences()) {
            String line = sentence.text();
            String traditional = HanLP.convertToTraditionalChinese(line);
            if (traditional.length() != line.length() || ambiguousConversion(line, traditional)) continue;
            assertAgree(line, Script.SIMPLIFIED, traditional, Script.TRADITIONAL);
            compared++;
        }
        assertTrue(compared > corpus.sentences().size() * 9 / 10, () -> "too few sentences kept their length");
    }
}
