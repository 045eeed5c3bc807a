package org.jiaokan.bench;

import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's corpus: the same seed gives the same files; every file is a source the converter reads. */
class BenchCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesEveryFileReadable() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(sources.resolve("a.txt"), """
                2019年3月5日，市公安局召开全市公安工作会议，局长刘建华出席会议并讲话。
                会议要求，各级公安机关要切实加强社会治安防控体系建设，确保人民群众安居乐业。
                会后，刘建华一行来到城南派出所，看望慰问一线民警。
                """);
        Path registers = tmp.resolve("registers.xml");
        Files.writeString(registers, "<listPerson xmlns=\"http://www.tei-c.org/ns/1.0\"><person><persName>刘建华</persName></person></listPerson>");
        BenchCorpus corpus = BenchCorpus.from(sources, registers);
        BenchCorpus.Generated one = corpus.generate(tmp.resolve("one"), 40, 7);
        BenchCorpus.Generated two = corpus.generate(tmp.resolve("two"), 40, 7);
        BenchCorpus.Generated other = corpus.generate(tmp.resolve("other"), 40, 8);
        assertEquals(40, one.files().size());
        assertEquals(40, one.text() + one.html() + one.docx());
        assertTrue(one.text() > 0 && one.html() > 0 && one.docx() > 0, "every format: " + one);
        boolean differs = false;
        boolean renamed = false;
        boolean traditional = false;
        for (int i = 0; i < 40; i++) {
            byte[] a = Files.readAllBytes(one.files().get(i));
            assertTrue(Arrays.equals(a, Files.readAllBytes(two.files().get(i))), one.files().get(i).getFileName().toString());
            differs |= !Arrays.equals(a, Files.readAllBytes(other.files().get(i)));
            SourceDocument d = Readers.read(one.files().get(i), null);
            assertFalse(d.text().isBlank());
            renamed |= d.text().contains("会后，") && !d.text().contains("刘建华");
            traditional |= d.text().contains("會議");
        }
        assertTrue(differs, "another seed gives another corpus");
        assertTrue(renamed, "the register's names are replaced");
        assertTrue(traditional, "some documents are in traditional script");
        assertNotEquals(0, one.characters());
    }
}
