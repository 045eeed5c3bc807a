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
 * renders to PDFs that pass veraPDF, every file, with no error: an element without a template of its own keeps its
 * text; Greek, Cyrillic and mathematical signs, which neither CJK face has, come from the DejaVu faces; a private-use
 * character (MUFI letters in a manuscript description) is set as its code point.
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
        assertEquals(List.of(), r.errLines(), "every file renders");
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(out.resolve("pdf"))) {
            pdfs = s.sorted().toList();
        }
        assertEquals(inputs.size() + 1, pdfs.size(), "a PDF per file and the edition's: " + pdfs);
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
            // Greek and mathematical signs from the faces for other scripts, embedded; Chinese still in the CJK faces.
            String app = PdfTools.run("pdftotext", out.resolve("pdf/testapp2.pdf").toString(), "-");
            assertTrue(app.contains("ϑ"), "ϑ in testapp2.pdf");
            String fonts = PdfTools.run("pdffonts", out.resolve("pdf/testapp2.pdf").toString());
            assertTrue(fonts.contains("DejaVu") && fonts.contains("UMing"), fonts);
            String maths = PdfTools.run("pdftotext", out.resolve("pdf/testMathML.pdf").toString(), "-");
            assertTrue(maths.contains("−"), "U+2212 in testMathML.pdf: " + maths);
            // A private-use character is set as its code point.
            String bibl = PdfTools.run("pdftotext", out.resolve("pdf/testBibliography1.pdf").toString(), "-");
            assertTrue(bibl.contains("〈U+F1E6〉"), "the private-use character's label");
        }
    }
}
