package org.jiaokan.pdf;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEI we did not write (../shared/external: the TEI Consortium's stylesheet tests, Chinese sutra files with names)
 * renders to PDFs that pass veraPDF; an element without a template of its own keeps its text. The only error allowed
 * is a character neither CJK face has (Greek, mathematical signs): it is reported, never set as a silent #.
 */
class ForeignTeiPdfTest {
    static final Path EXTERNAL = Path.of("../shared/external");

    @TempDir
    Path tmp;

    @Test
    void teiOfOthersRendersToValidPdfs() throws Exception {
        String missing = PdfTools.fontsMissing();
        Assumptions.assumeTrue(missing == null, missing);
        Path teic = EXTERNAL.resolve("tei-teic-stylesheets-tests");
        Path bza = EXTERNAL.resolve("tei-zh-bza/xml");
        Assumptions.assumeTrue(Files.isDirectory(teic) && Files.isDirectory(bza),
                "skipped: ../shared/external/tei-teic-stylesheets-tests and tei-zh-bza are absent");
        List<Path> inputs = new ArrayList<>();
        // The small and middle-sized files of the TEI Consortium's tests (the 360 KB and 560 KB ones would take minutes).
        try (Stream<Path> s = Files.walk(teic)) {
            s.filter(p -> p.toString().endsWith(".xml")).filter(p -> p.toFile().length() < 100_000).sorted().forEach(inputs::add);
        }
        try (Stream<Path> s = Files.list(bza)) {
            s.filter(p -> p.toString().endsWith(".xml")).sorted().limit(3).forEach(inputs::add);
        }
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("publish", "-q", "--formats", "pdf", "-o", out.toString()));
        inputs.forEach(p -> args.add(p.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        List<String> unexpected = r.errLines().stream().filter(l -> !l.contains("missing glyph")).toList();
        assertEquals(List.of(), unexpected, "only characters the fonts lack may fail");
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(out.resolve("pdf"))) {
            pdfs = s.sorted().toList();
        }
        assertTrue(pdfs.size() >= 10, "PDFs: " + pdfs);
        assertTrue(Files.exists(out.resolve("pdf/edition.pdf")));
        List<String> failures = new ArrayList<>();
        for (Path p : pdfs) {
            for (PDFAFlavour f : List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1)) {
                for (String rule : PdfTools.veraFailures(p, f)) failures.add(p.getFileName() + " " + f.getId() + ": " + rule);
            }
        }
        assertEquals(List.of(), failures, "veraPDF failed rules");
        if (PdfTools.poppler()) {
            // testindex.xml's text, in elements no template names, is in its PDF.
            String text = PdfTools.run("pdftotext", out.resolve("pdf/testindex.pdf").toString(), "-").replaceAll("\\s+", " ");
            String tei = Files.readString(teic.resolve("Test/testindex.xml"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p>([^<]{20,})").matcher(tei);
            assertTrue(m.find(), "a paragraph in testindex.xml");
            String words = m.group(1).replaceAll("\\s+", " ").strip();
            assertTrue(text.contains(words.substring(0, Math.min(30, words.length()))), words + "\n" + text);
        }
    }
}
