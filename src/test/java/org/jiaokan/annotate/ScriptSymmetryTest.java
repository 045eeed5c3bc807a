package org.jiaokan.annotate;

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
            String simplified = HanLP.convertToSimplifiedChinese(line);
            assertEquals(signature(annotator.annotate(line, Script.TRADITIONAL)),
                    signature(annotator.annotate(simplified, Script.SIMPLIFIED)), line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "003"})
    void simplifiedSeedAndItsTraditionalConversionAgree(String id) throws IOException {
        assumeTrue(Seeds.available(), "seed documents not found at " + Seeds.dir());
        for (String line : Seeds.lines(id)) {
            String traditional = HanLP.convertToTraditionalChinese(line);
            assertEquals(signature(annotator.annotate(line, Script.SIMPLIFIED)),
                    signature(annotator.annotate(traditional, Script.TRADITIONAL)), line);
        }
    }
}
