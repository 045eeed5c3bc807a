package org.jiaokan.publish.fonts;

import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every character of the example edition (all text of its TEI documents and registers, its raw sources decoded
 * as their TEI says, the site's interface strings) and the punctuation of Chinese print, checked against the
 * pinned faces as FOP loads them: a character that neither the serif nor the sans has would print as {@code #}.
 */
class CorpusCoverageTest {
    /** Punctuation of Chinese print and the full-width digits and letters, whatever the corpus holds today. */
    static final String PUNCTUATION = "“”‘’——…·〔〕《》【】（）：；、，。！？「」『』〈〉—～・";
    static final String FULL_WIDTH = fullWidth();

    private static String fullWidth() {
        StringBuilder s = new StringBuilder();
        for (int c = '０'; c <= '９'; c++) s.append((char) c);
        for (int c = 'Ａ'; c <= 'Ｚ'; c++) s.append((char) c);
        for (int c = 'ａ'; c <= 'ｚ'; c++) s.append((char) c);
        return s.toString();
    }

    /** Each character of the corpus with the first few places it occurs. */
    private final Map<Integer, List<String>> where = new TreeMap<>();
    private final StringBuilder text = new StringBuilder();

    @Test
    void everyCharacterOfTheCorpusHasAGlyphInOneOfTheFaces() throws Exception {
        CjkFonts fonts = PinnedFonts.get();
        Path tei = Path.of("tei");
        List<Path> docs;
        try (Stream<Path> s = Files.list(tei.resolve("docs"))) {
            docs = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(docs.size() >= 5, "the example edition's documents: " + docs);
        int sources = 0;
        for (Path doc : docs) {
            Document d = Xml.parse(doc);
            addText(doc, d.getDocumentElement());
            Path source = sourceOf(tei, d);
            if (source != null) {
                addSource(source, charsetOf(d));
                sources++;
            }
        }
        assertTrue(sources >= 5, "sources decoded: " + sources);
        addText(tei.resolve("edition.xml"), Xml.parse(tei.resolve("edition.xml")).getDocumentElement());
        try (Stream<Path> s = Files.list(Path.of("site", "i18n"))) {
            for (Path strings : s.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                addText(strings, Xml.parse(strings).getDocumentElement());
            }
        }
        add("the punctuation of Chinese print", PUNCTUATION);
        add("the full-width digits and letters", FULL_WIDTH);

        long start = System.nanoTime();
        FontCoverage coverage = FontCoverage.of(fonts);
        long loaded = System.nanoTime();
        FontCoverage.Report r = coverage.check(text);
        long checked = System.nanoTime();
        System.out.printf("font coverage: %d characters checked (%d code points of text), %d missing in the serif (%s), "
                        + "%d covered only by the sans (%s), %d only by the faces for other scripts, %d in none; faces loaded in %d ms, checked in %d ms%n",
                r.checked(), text.codePointCount(0, text.length()), r.missingInSerif().size(), fonts.serif().subFont(),
                r.onlyInSans().size(), fonts.sans().subFont(), r.onlyInFallback().size(), r.missing().size(),
                (loaded - start) / 1_000_000, (checked - loaded) / 1_000_000);
        if (!r.onlyInSans().isEmpty()) System.out.println("font coverage: only in the sans: " + chars(r.onlyInSans()));
        if (!r.onlyInFallback().isEmpty()) System.out.println("font coverage: only in the faces for other scripts: " + chars(r.onlyInFallback()));
        assertTrue(fonts.fallbackSerif() != null, "the pinned faces include the faces for other scripts (fonts-dejavu-core)");
        if (!r.complete()) {
            StringBuilder m = new StringBuilder(r.missing().size() + " characters have a glyph in no face:");
            for (int cp : r.missing()) m.append("\n  ").append(FontCoverage.describe(cp)).append(" in ").append(String.join(", ", where.get(cp)));
            fail(m.toString());
        }
        assertTrue(r.checked() > 1500, "a corpus of some size was checked: " + r.checked());
    }

    private static String chars(SortedSet<Integer> cps) {
        StringBuilder s = new StringBuilder();
        for (int cp : cps) s.append(String.format("%s U+%04X  ", Character.toString(cp), cp));
        return s.toString().strip();
    }

    private void add(String place, String s) {
        text.append(s).append('\n');
        s.codePoints().forEach(cp -> {
            List<String> places = where.computeIfAbsent(cp, k -> new ArrayList<>());
            if (places.size() < 3 && !places.contains(place)) places.add(place);
        });
    }

    /** All text below an element (attribute values too: titles and labels may be printed from them). */
    private void addText(Path file, Element e) {
        String id = e.getAttributeNS(Xml.XML_NS, "id");
        String key = e.getAttribute("k");
        String place = file + (id.isEmpty() ? "" : " #" + id) + (key.isEmpty() ? "" : " [" + key + "]") + " <" + e.getLocalName() + ">";
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Attr a = (Attr) e.getAttributes().item(i);
            add(place + " @" + a.getName(), a.getValue());
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) addText(file, c);
            else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) add(place, n.getNodeValue());
        }
    }

    private void addSource(Path source, Charset charset) throws Exception {
        List<String> lines = new String(Files.readAllBytes(source), charset).lines().toList();
        for (int i = 0; i < lines.size(); i++) add(source + ":" + (i + 1), lines.get(i));
    }

    /** The raw source a TEI document names (sourceDesc's idno type="filename"), in the edition's sources/. */
    private static Path sourceOf(Path edition, Document d) {
        String name = first(d, "idno", "type", "filename");
        if (name == null) return null;
        Path p = edition.resolve("sources").resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    /** The charset the TEI records for its source (term type="charset"). */
    private static Charset charsetOf(Document d) {
        String cs = first(d, "term", "type", "charset");
        return Charset.forName(cs == null ? "UTF-8" : cs.strip());
    }

    private static String first(Document d, String element, String attr, String value) {
        NodeList l = d.getElementsByTagNameNS(Xml.TEI_NS, element);
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            if (value.equals(e.getAttribute(attr))) return e.getTextContent();
        }
        return null;
    }

}
