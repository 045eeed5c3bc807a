package org.jiaokan.publish.pdf;

import net.sf.saxon.s9api.XdmNode;
import org.jiaokan.publish.Theme;
import org.jiaokan.publish.fonts.CjkFonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each PDF of the example edition is laid out once: a document's index takes its pages from FOP as it is written, the
 * edition's contents take theirs from the documents' own PDFs. Wrong predictions cost a second layout and give the
 * same bytes; no predictions give FOP's citations and the same text.
 */
class EditionLayoutTest {
    @TempDir
    static Path tmp;
    static TimeZone zone;
    static Locale locale;
    static PdfFormat.Job job;
    static List<PdfFormat.Doc> docs = new ArrayList<>();
    static List<Integer> docLayouts = new ArrayList<>();

    @BeforeAll
    static void renderDocuments() throws Exception {
        CjkFonts fonts;
        try {
            fonts = CjkFonts.configured();
        } catch (IOException e) {
            Assumptions.abort("skipped: " + e.getMessage());
            return;
        }
        zone = TimeZone.getDefault();
        locale = Locale.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Locale.setDefault(Locale.ROOT);
        Theme theme = new Theme(null);
        PdfStylesheets xsl = new PdfStylesheets(theme);
        Path edition = Path.of("tei");
        XdmNode registers = xsl.parse(Files.readAllBytes(edition.resolve("docs/registers.xml")), "file:/registers.xml");
        XdmNode meta = xsl.parse(Files.readAllBytes(edition.resolve("edition.xml")), "file:/edition.xml");
        XdmNode ui = xsl.parse(theme.bytes("i18n/zh-Hans.xml"), Theme.uri("i18n/zh-Hans.xml").toString());
        job = new PdfFormat.Job(xsl, new PdfEngine(fonts), registers, meta, ui, PdfFormat.editionDate(meta), false);
        List<Path> files;
        try (Stream<Path> s = Files.list(edition.resolve("docs"))) {
            files = s.filter(p -> p.getFileName().toString().matches("jk-.*\\.xml")).sorted().toList();
        }
        for (Path f : files) {
            XdmNode tei = xsl.parse(Files.readAllBytes(f), f.toUri().toString());
            String id = f.getFileName().toString().replaceFirst("\\.xml$", "");
            List<String> problems = new ArrayList<>();
            PdfFormat.Doc doc = PdfFormat.Doc.of(f, tei, id);
            PdfFormat.Rendered r = job.render(List.of(doc), false, null, problems);
            assertEquals(List.of(), problems, f.toString());
            docs.add(doc.laidOut(r.layout()));
            docLayouts.add(r.layouts());
        }
        assertEquals(5, docs.size());
    }

    @AfterAll
    static void restore() {
        if (zone != null) TimeZone.setDefault(zone);
        if (locale != null) Locale.setDefault(locale);
    }

    static PdfFormat.Rendered edition(Function<String, String> predicted) throws Exception {
        List<String> problems = new ArrayList<>();
        PdfFormat.Rendered r = job.render(docs, true, predicted, problems);
        assertEquals(List.of(), problems);
        return r;
    }

    @Test
    void everyDocumentPdfIsLaidOutOnceAndKnowsWhereItsIdsFell() {
        assertEquals(List.of(1, 1, 1, 1, 1), docLayouts);
        for (PdfFormat.Doc d : docs) {
            assertTrue(d.layout().firstSequencePages() >= 1, d.docid());
            assertEquals(0, d.layout().pageIndex().get("d1"), d.docid() + ": the document starts on its first page");
        }
    }

    @Test
    void theEditionIsLaidOutOnceWithThePredictedPagesAndAgainWhenTheyAreWrong() throws Exception {
        Function<String, String> predicted = PdfFormat.predicted(docs);
        // The second document starts after the pages of the first.
        assertEquals(String.valueOf(docs.get(0).layout().firstSequencePages() + 1), predicted.apply("d2"));
        PdfFormat.Rendered once = edition(predicted);
        assertEquals(1, once.layouts(), "the predicted pages hold");
        Function<String, String> wrong = id -> {
            String n = predicted.apply(id);
            return n == null ? null : String.valueOf(Integer.parseInt(n) + 1);
        };
        PdfFormat.Rendered twice = edition(wrong);
        assertEquals(2, twice.layouts(), "a wrong page is found and the edition laid out again");
        assertArrayEquals(once.pdf(), twice.pdf(), "the second layout gives the same PDF");
        PdfFormat.Rendered cited = edition(null);
        assertEquals(1, cited.layouts());
        String a = text(once.pdf()), b = text(cited.pdf());
        if (a != null) assertEquals(b, a, "the contents' numbers equal FOP's own citations");
    }

    @Test
    void theEditionsXslFoCitesNoPageWhenThePagesArePredicted() throws Exception {
        String fo = "http://www.w3.org/1999/XSL/Format";
        long predicted = job.fo(docs, true, PdfFormat.predicted(docs))
                .select(net.sf.saxon.s9api.streams.Steps.descendant(fo, "page-number-citation")).count();
        long cited = job.fo(docs, true, null)
                .select(net.sf.saxon.s9api.streams.Steps.descendant(fo, "page-number-citation")).count();
        assertEquals(0, predicted, "nothing for FOP to hold pages back for");
        assertTrue(cited > 5, "without predictions the contents cite their pages: " + cited);
    }

    /** pdftotext of a PDF, or null without poppler. */
    static String text(byte[] pdf) throws Exception {
        Path f = Files.createTempFile(tmp, "e", ".pdf");
        Files.write(f, pdf);
        try {
            Process p = new ProcessBuilder("pdftotext", "-layout", f.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void anIdOfAnotherDocumentOrNotLaidOutHasNoPrediction() {
        Function<String, String> predicted = PdfFormat.predicted(docs);
        assertEquals(null, predicted.apply("d99"));
        assertEquals(null, predicted.apply("d1.no-such-id"));
        assertEquals(null, predicted.apply("x1"));
        assertNotNull(predicted.apply("jk-index"));
        assertTrue(Arrays.asList("1").contains(predicted.apply("d1")));
    }
}
