package org.jiaokan.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jiaokan.TestSupport;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.ReadException;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.CorrectionMerger;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.jiaokan.TestSupport.noSpace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The whole conversion on random files (random bytes, random Unicode, the corpus's phenomena in every
 * encoding, HTML pages): the file is refused with a reason, or its TEI is valid against jiaokan.rng and
 * its diplomatic reading is the decoded source, white space aside (the lossless invariant).
 */
class ConvertPropertiesTest {
    private static Path dir;
    private static Edition edition;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("jiaokan-fuzz-");
        edition = TestSupport.exampleEdition();
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Provide
    Arbitrary<byte[]> textFiles() {
        return Arbitraries.oneOf(
                Inputs.bytes(300),
                // the signatures the format sniffing looks at, followed by noise
                Combinators.combine(Arbitraries.of("PK\u0003\u0004", "%PDF-1.7\n", "<html><body>", "<!DOCTYPE html>", "<TEI>", "\u00ef\u00bb\u00bf<p>",
                        "GIF89a", "\u007fELF"), Inputs.bytes(200)).as((head, tail) -> Inputs.concat(head.getBytes(StandardCharsets.ISO_8859_1), tail)),
                Inputs.encodableUnicode(80).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Inputs.encoded(Inputs.corpusText(20)).map(Inputs.Encoded::bytes));
    }

    @Property(tries = 200, seed = "20261208")
    void aTextFileConvertsLosslesslyOrIsRefused(@ForAll("textFiles") byte[] bytes) throws Exception {
        convertsLosslesslyOrIsRefused("source.txt", bytes);
    }

    @Provide
    Arbitrary<byte[]> htmlFiles() {
        return Inputs.htmlPage().map(p -> p.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100, seed = "20261209")
    void anHtmlPageConvertsLosslesslyOrIsRefused(@ForAll("htmlFiles") byte[] bytes) throws Exception {
        convertsLosslesslyOrIsRefused("page.html", bytes);
    }

    /** The pipeline as {@code convert} runs it, on a file. */
    static void convertsLosslesslyOrIsRefused(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        try {
            SourceDocument src;
            try {
                src = Readers.read(file, null);
            } catch (ReadException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a reason is given");
                Statistics.collect("refused");
                return;
            }
            Statistics.collect(src.mediaType() + " " + src.encoding());
            EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
            byte[] tei = XmlWriter.bytes(CorrectionMerger.stamp(Toolkit.get().writer(edition).write(doc, "2026-12-01")));
            assertEquals(List.of(), Schemas.jiaokan().validate(tei, name), "valid against jiaokan.rng");
            Document parsed = Xml.parse(tei);
            assertEquals(Inputs.escape(noSpace(src.text())), Inputs.escape(noSpace(Readings.diplomatic(parsed))), "the diplomatic reading is the decoded source");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
