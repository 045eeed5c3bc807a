package org.jiaokan.pdf;

import org.jiaokan.publish.fonts.CjkFonts;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What the PDF tests share: whether fonts and poppler are there, veraPDF in-process, poppler's tools. */
final class PdfTools {
    private PdfTools() {}

    /** Null when the print edition's fonts can be had, else why not. */
    static String fontsMissing() {
        try {
            CjkFonts.locate();
            return null;
        } catch (IOException e) {
            return "skipped: " + e.getMessage();
        }
    }

    static boolean poppler() {
        for (String tool : List.of("pdftotext", "pdffonts", "pdftohtml")) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) found = true;
            }
            if (!found) return false;
        }
        return true;
    }

    static final String NO_POPPLER = "skipped: poppler-utils (pdftotext, pdffonts, pdftohtml) is not installed";

    /** The output of a poppler tool. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) throw new IOException(String.join(" ", cmd) + ": timed out");
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue());
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean veraReady;

    /** The failed rules of veraPDF's validation in one flavour (PDF/A-2a, PDF/UA-1), "clause-test: message (N×)". */
    static synchronized List<String> veraFailures(Path pdf, PDFAFlavour flavour) throws Exception {
        if (!veraReady) {
            VeraGreenfieldFoundryProvider.initialise();
            veraReady = true;
        }
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult r = validator.validate(parser);
            Map<String, Integer> failed = new TreeMap<>();
            for (TestAssertion t : r.getTestAssertions()) {
                if (t.getStatus() == TestAssertion.Status.FAILED) {
                    failed.merge(t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + ": " + t.getMessage(), 1, Integer::sum);
                }
            }
            List<String> lines = new ArrayList<>();
            failed.forEach((k, n) -> lines.add(k + " (" + n + "×)"));
            if (!r.isCompliant() && lines.isEmpty()) lines.add("not compliant");
            return lines;
        }
    }

    /**
     * The text set in body type on each page, in reading order: words of at least {@code minHeight} points inside
     * the text area (running heads, page numbers, paragraph numbers, footnote marks and footnotes left out).
     */
    static String bodyText(Path pdf, double minHeight) throws IOException, InterruptedException {
        String html = run("pdftotext", "-bbox", pdf.toString(), "-");
        StringBuilder sb = new StringBuilder();
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(
                "<word xMin=\"([^\"]*)\" yMin=\"([^\"]*)\" xMax=\"[^\"]*\" yMax=\"([^\"]*)\">([^<]*)</word>");
        for (String page : html.split("<page ")) {
            // Words by line (their baseline's bottom), then from left to right: pdftotext's own order takes widely
            // spaced words of one line for columns.
            List<double[]> keys = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            java.util.regex.Matcher m = word.matcher(page);
            while (m.find()) {
                double left = Double.parseDouble(m.group(1)), top = Double.parseDouble(m.group(2)), bottom = Double.parseDouble(m.group(3));
                if (bottom - top >= minHeight && top > 70 && bottom < 776) {
                    keys.add(new double[]{Math.round(bottom * 10) / 10.0, left, texts.size()});
                    texts.add(unescape(m.group(4)));
                }
            }
            keys.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            for (double[] k : keys) sb.append(texts.get((int) k[2]));
        }
        return sb.toString();
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'").replace("&amp;", "&");
    }
}
