package org.jiaokan;

import org.jiaokan.edition.EditionHeader;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.CorrectionMerger;
import org.jiaokan.validate.RelaxNgValidator;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Paths and one-call conversions shared by the tests. */
public final class TestSupport {
    /** The example edition's raw sources (copies of the seeds, byte for byte). */
    public static final Path SOURCES = Path.of("tei", "sources");
    public static final Path SHARED = Path.of("..", "shared");

    private static Optional<RelaxNgValidator> teiAll;

    private TestSupport() {}

    public static List<Path> seeds() {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed whose file name starts with {@code prefix} ("003"). */
    public static Path seed(String prefix) {
        return seeds().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    public static Edition exampleEdition() {
        try {
            return EditionHeader.read(Path.of("tei", "edition.xml")).edition();
        } catch (IOException | EditionHeader.EditionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source converted to TEI bytes as {@code convert} writes a new file. */
    public static byte[] convert(Path source, String date) throws Exception {
        SourceDocument src = Readers.read(source, null);
        Edition edition = exampleEdition();
        EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
        Document tei = Toolkit.get().writer(edition).write(doc, date);
        return XmlWriter.bytes(CorrectionMerger.stamp(tei));
    }

    public static EditionDocument model(Path source) throws Exception {
        SourceDocument src = Readers.read(source, null);
        return Toolkit.get().converter().convert(src, exampleEdition().documentId(src.fileName()));
    }

    public static Document parse(byte[] bytes) throws Exception {
        return Xml.parse(bytes);
    }

    /** tei_all, or the test is skipped with a message when ../shared is absent. */
    public static RelaxNgValidator teiAll() throws IOException {
        if (teiAll == null) teiAll = Schemas.teiAll(Schemas.TEI_ALL);
        Assumptions.assumeTrue(teiAll.isPresent(), "skipped: " + Schemas.TEI_ALL + " is absent (../shared not beside the project)");
        return teiAll.get();
    }

    public static String noSpace(String s) {
        return s.replaceAll("[\\s\\p{Z}\\uFEFF]", "");
    }
}
