package org.jiaokan.unseen;

import org.jiaokan.TestSupport;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.tei.Readings;
import org.jiaokan.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The unseen corpus written to a scratch folder once per test run, and converted once per document. */
final class Unseen {
    private static final Path DIR = scratch();
    private static final Map<UnseenCorpus.Doc, Path> FILES = new EnumMap<>(UnseenCorpus.Doc.class);
    private static final Map<UnseenCorpus.Doc, byte[]> TEI = new EnumMap<>(UnseenCorpus.Doc.class);
    private static final Map<UnseenCorpus.Doc, EditionDocument> MODELS = new EnumMap<>(UnseenCorpus.Doc.class);

    static final String CONVERTED_ON = "2026-01-01";

    private Unseen() {}

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("jiaokan-unseen");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path file(UnseenCorpus.Doc d) throws IOException {
        Path p = FILES.get(d);
        if (p == null) {
            p = d.write(DIR);
            p.toFile().deleteOnExit();
            FILES.put(d, p);
        }
        return p;
    }

    static synchronized byte[] bytes(UnseenCorpus.Doc d) throws Exception {
        byte[] b = TEI.get(d);
        if (b == null) {
            b = TestSupport.convert(file(d), CONVERTED_ON);
            TEI.put(d, b);
        }
        return b;
    }

    static Document tei(UnseenCorpus.Doc d) throws Exception {
        return TestSupport.parse(bytes(d));
    }

    static synchronized EditionDocument model(UnseenCorpus.Doc d) throws Exception {
        EditionDocument m = MODELS.get(d);
        if (m == null) {
            m = TestSupport.model(file(d));
            MODELS.put(d, m);
        }
        return m;
    }

    /** Elements named {@code local} inside {@code <text>}. */
    static List<Element> inText(Document tei, String local) {
        Element text = Dom.child(tei.getDocumentElement(), "text").orElseThrow();
        return Dom.descendants(text, local);
    }

    /** The regularised reading of each element named {@code local} inside {@code <text>}, stripped. */
    static List<String> readings(Document tei, String local) {
        return inText(tei, local).stream().map(e -> Readings.of(e, false).strip()).toList();
    }

    /** The texts of the persons marked in {@code <text>}. */
    static List<String> persons(Document tei) {
        return inText(tei, "persName").stream().map(e -> e.getTextContent().strip()).distinct().sorted().toList();
    }
}
