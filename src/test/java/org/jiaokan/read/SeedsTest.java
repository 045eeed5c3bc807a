package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample corpus decodes losslessly: the joined lines are the file's text. */
class SeedsTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");

    @Test
    void everySeedDecodesAsUtf8AndKeepsItsText() throws IOException, ReadException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "sample corpus not found at " + SEEDS.toAbsolutePath());
        List<Path> seeds;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, seeds.size(), "seed files");
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            SourceDocument doc = Readers.read(seed, null);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String withoutFinalNewline = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            assertEquals("UTF-8", doc.encoding(), seed.toString());
            assertEquals("text/plain", doc.mediaType(), seed.toString());
            assertEquals(withoutFinalNewline, doc.text(), seed.toString());
            assertEquals(bytes.length, doc.size());
        }
    }
}
