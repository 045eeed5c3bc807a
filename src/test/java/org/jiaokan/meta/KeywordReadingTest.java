package org.jiaokan.meta;

import org.jiaokan.edition.Toolkit;
import org.jiaokan.model.Block;
import org.jiaokan.model.Cert;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A header keyword is the term as the text reads it: the converter's pinyin inside 楓橋經(jīng)驗 (a surplus in the text)
 * reached the header's keywords and from there every catalogue record's subjects.
 */
class KeywordReadingTest {
    @Test
    void aTermsInterventionsAreAppliedInItsReading() {
        String text = "發揚楓橋經(jīng)驗。";
        Block b = new Block(Block.Type.P, text,
                List.of(new Intervention(5, 11, Intervention.Kind.SURPLUS, "", "converter-pinyin", Cert.HIGH, "converter-pinyin")),
                List.of(new Mention(2, 12, EntityType.TERM, text.substring(2, 12), "枫桥经验", 0.8, "")), "");
        assertEquals("楓橋經驗", MetadataExtractor.reading(b, b.mentions().get(0)));
        // an intervention outside the mention, or across its edge, leaves it as it stands
        Block edge = new Block(Block.Type.P, text,
                List.of(new Intervention(0, 3, Intervention.Kind.CORRECTION, "发扬楓", "x", Cert.HIGH, "x")),
                List.of(new Mention(2, 12, EntityType.TERM, text.substring(2, 12), "枫桥经验", 0.8, "")), "");
        assertEquals(text.substring(2, 12), MetadataExtractor.reading(edge, edge.mentions().get(0)));
    }

    @Test
    void theConvertedHeaderHasNoPinyinInItsKeywords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("會議.txt");
        Files.writeString(file, "市公安局召開會議\n會議要求，充分發揚新時代“楓橋經(jīng)驗”，推動社區(qū)警務(wù)工作。\n", StandardCharsets.UTF_8);
        SourceDocument src = Readers.read(file, null);
        EditionDocument doc = Toolkit.get().converter().convert(src, "t");
        List<String> keywords = doc.meta().keywords();
        assertTrue(keywords.stream().anyMatch(k -> k.equals("楓橋經驗")), keywords.toString());
        assertTrue(keywords.stream().noneMatch(k -> k.contains("(")), keywords.toString());
    }
}
