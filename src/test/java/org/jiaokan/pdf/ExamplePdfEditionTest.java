package org.jiaokan.pdf;

import org.jiaokan.cli.CliRun;
import org.jiaokan.tei.Readings;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example edition published with the print edition ({@code --formats html,pdf}) once for the class: a PDF per
 * document and one for the edition, archival and accessible (veraPDF: PDF/A-2a and PDF/UA-1), fonts embedded and
 * subset, the regularised reading in the text in order, bookmarks, an index with merged pages, the site linking to
 * them, and the same bytes from a second run.
 */
class ExamplePdfEditionTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Map<String, Path> teiByDocid = new LinkedHashMap<>();

    @BeforeAll
    static void publish() throws Exception {
        String missing = PdfTools.fontsMissing();
        Assumptions.assumeTrue(missing == null, missing);
        site = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html,pdf", "-o", site.toString(), "tei");
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("jk-")).sorted().toList()) {
                Document d = Xml.parse(p);
                teiByDocid.put(idno(d, "jiaokan"), p);
            }
        }
        assertEquals(5, teiByDocid.size());
    }

    private static String idno(Document d, String type) {
        NodeList n = d.getElementsByTagNameNS(Xml.TEI_NS, "idno");
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element) n.item(i);
            if (type.equals(e.getAttribute("type"))) return e.getTextContent().strip();
        }
        return "";
    }

    private static List<Path> pdfs() throws Exception {
        try (Stream<Path> s = Files.list(site.resolve("pdf"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aPdfPerDocumentAndOneForTheEditionLinkedFromTheSite() throws Exception {
        Set<String> expected = new TreeSet<>();
        teiByDocid.keySet().forEach(id -> expected.add(id + ".pdf"));
        expected.add("edition.pdf");
        Set<String> found = new TreeSet<>();
        for (Path p : pdfs()) found.add(p.getFileName().toString());
        assertEquals(expected, found);
        for (String id : teiByDocid.keySet()) {
            String page = Files.readString(site.resolve("doc/" + id + ".html"));
            assertTrue(page.contains("href=\"../pdf/" + id + ".pdf\""), id + ": the document page links to its PDF");
        }
        assertTrue(Files.readString(site.resolve("index.html")).contains("href=\"pdf/edition.pdf\""), "the home page links to the edition PDF");
        // The pages with the links are still valid HTML (the Nu checker, as for the whole site in ExampleSiteValidityTest).
        org.jiaokan.site.HtmlChecker vnu = new org.jiaokan.site.HtmlChecker();
        List<String> errors = new ArrayList<>(vnu.errors(site.resolve("index.html")));
        for (String id : teiByDocid.keySet()) errors.addAll(vnu.errors(site.resolve("doc/" + id + ".html")));
        assertEquals(List.of(), errors);
        for (Path p : pdfs()) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(p), 8);
            assertEquals("%PDF-1.7", new String(head, java.nio.charset.StandardCharsets.US_ASCII), p.toString());
        }
    }

    @Test
    void everyPdfPassesVeraPdfForPdfA2aAndPdfUa1() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path p : pdfs()) {
            for (PDFAFlavour f : List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1)) {
                for (String rule : PdfTools.veraFailures(p, f)) failures.add(p.getFileName() + " " + f.getId() + ": " + rule);
            }
        }
        assertEquals(List.of(), failures, "veraPDF failed rules");
    }

    @Test
    void everyFontIsEmbeddedAndSubset() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        for (Path p : pdfs()) {
            List<String> rows = PdfTools.run("pdffonts", p.toString()).lines().skip(2).toList();
            assertFalse(rows.isEmpty(), p + ": no fonts");
            for (String row : rows) {
                // name type encoding emb sub uni object ID
                String[] c = row.trim().split("\\s+");
                int n = c.length;
                assertEquals("yes", c[n - 5], p.getFileName() + ": not embedded: " + row);
                assertEquals("yes", c[n - 4], p.getFileName() + ": not subset: " + row);
                assertTrue(c[0].matches("[A-Z]{6}\\+.+"), p.getFileName() + ": a subset's name: " + row);
            }
        }
    }

    /** Leaf blocks of the text: their regularised reading, in document order, white space removed, empty ones left out. */
    static List<String> paragraphs(Path tei) throws Exception {
        Document d = Xml.parse(tei);
        Set<String> blocks = Set.of("p", "head", "ab", "item", "l", "dateline", "byline", "salute", "signed", "trailer");
        List<String> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS(Xml.TEI_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!blocks.contains(e.getLocalName()) || !inText(e)) continue;
            boolean nested = false;
            for (Node a = e.getParentNode(); a instanceof Element ae; a = a.getParentNode()) {
                if (blocks.contains(ae.getLocalName()) || Set.of("fw", "surplus", "note", "del").contains(ae.getLocalName())) nested = true;
            }
            if (nested) continue;
            String t = Readings.of(e, false).replaceAll("[\\s\\p{Z}]+", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static boolean inText(Element e) {
        for (Node a = e; a instanceof Element ae; a = a.getParentNode()) if ("text".equals(ae.getLocalName())) return true;
        return false;
    }

    @Test
    void theTextOfEachDocumentPdfHoldsEveryParagraphOfTheRegularisedReadingInOrder() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        for (Map.Entry<String, Path> e : teiByDocid.entrySet()) {
            Path pdf = site.resolve("pdf/" + e.getKey() + ".pdf");
            String body = PdfTools.bodyText(pdf, 10.3).replaceAll("[\\s\\p{Z}]+", "");
            List<String> paras = paragraphs(e.getValue());
            assertTrue(paras.size() >= 5, e.getKey());
            int at = 0;
            for (String p : paras) {
                int found = body.indexOf(p, at);
                assertTrue(found >= 0, e.getKey() + ": paragraph missing or out of order: " + p);
                at = found + p.length();
            }
            String all = PdfTools.run("pdftotext", pdf.toString(), "-");
            assertFalse(all.contains("\uFFFD"), e.getKey() + ": a replacement character in the text");
            long hashesInTei = Files.readString(e.getValue()).chars().filter(c -> c == '#').count();
            long hashesInPdf = all.chars().filter(c -> c == '#').count();
            assertTrue(hashesInPdf <= hashesInTei, e.getKey() + ": # in the PDF's text that the TEI does not have");
        }
    }

    @Test
    void noLineStartsWithClosingPunctuation() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        List<String> bad = new ArrayList<>();
        for (Path p : pdfs()) {
            for (String line : PdfTools.run("pdftotext", p.toString(), "-").lines().toList()) {
                String t = line.strip();
                if (!t.isEmpty() && "，。、；：！？”’）》」』〕".indexOf(t.charAt(0)) >= 0) bad.add(p.getFileName() + ": " + t);
            }
        }
        assertEquals(List.of(), bad.stream().limit(10).toList());
    }

    @Test
    void theEditionHasBookmarksForEveryDocumentAndItsSectionsAndAContentsPage() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        String xml = PdfTools.run("pdftohtml", "-xml", "-i", "-stdout", "-q", site.resolve("pdf/edition.pdf").toString());
        String outline = xml.substring(xml.indexOf("<outline>"));
        for (Path tei : teiByDocid.values()) {
            Document d = Xml.parse(tei);
            Element title = (Element) d.getElementsByTagNameNS(Xml.TEI_NS, "title").item(0);
            String t = title.getTextContent().replaceAll("\\s+", " ").strip();
            assertTrue(PdfTools.unescape(outline).contains(t), "a bookmark for " + t);
        }
        // The sections of the speech (jk-003: five numbered parts) are bookmarks under it.
        assertTrue(PdfTools.unescape(outline).contains("一、突出抓好防恐和反恐工作"), outline);
        String text = PdfTools.run("pdftotext", "-f", "2", "-l", "2", site.resolve("pdf/edition.pdf").toString(), "-");
        assertTrue(text.contains("目录") && text.contains("索引"), text);
    }

    @Test
    void theIndexListsEachEntrysPagesOnceWithTheNameOnEveryPageListed() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        // jk-001: a simplified-script report of several pages; its pages are numbered from 1 like the file's.
        Path pdf = site.resolve("pdf/jk-001_e8825e5862d1a0f3.pdf");
        int pages = Integer.parseInt(PdfTools.run("pdfinfo", pdf.toString()).lines().filter(l -> l.startsWith("Pages:")).findFirst().orElseThrow().replaceAll("\\D", ""));
        String last = PdfTools.run("pdftotext", "-f", String.valueOf(pages), "-l", String.valueOf(pages), pdf.toString(), "-");
        assertTrue(last.contains("索引"), last);
        Matcher m = Pattern.compile("(?m)^([\\p{IsHan}]{2,})(?:（([^）]*)）)?\\s+((?:\\d+(?:–\\d+)?)(?:, \\d+(?:–\\d+)?)*)\\s*$").matcher(last);
        int entries = 0, merged = 0;
        String teiText = Files.readString(teiByDocid.get("jk-001_e8825e5862d1a0f3"));
        while (m.find()) {
            String name = m.group(1);
            // The register's name, then its other forms (traditional script, short forms) in brackets.
            List<String> forms = new ArrayList<>(List.of(name));
            if (m.group(2) != null) forms.addAll(List.of(m.group(2).split("，")));
            List<Integer> listed = new ArrayList<>();
            for (String part : m.group(3).split(", ")) {
                String[] r = part.split("–");
                int a = Integer.parseInt(r[0]), z = Integer.parseInt(r[r.length - 1]);
                assertTrue(a < z || r.length == 1, name + ": a range runs forward: " + part);
                for (int n = a; n <= z; n++) listed.add(n);
            }
            assertEquals(listed.stream().distinct().sorted().toList(), listed, name + ": pages once each, in order");
            for (int n : listed) {
                String page = PdfTools.run("pdftotext", "-f", String.valueOf(n), "-l", String.valueOf(n), pdf.toString(), "-").replaceAll("\\s+", "");
                assertTrue(forms.stream().anyMatch(page::contains), forms + " is on page " + n);
            }
            long mentions = 0;
            for (String f : forms) mentions += Pattern.compile(">" + Pattern.quote(f) + "</(persName|placeName|orgName)>").matcher(teiText).results().count();
            if (mentions > listed.size()) merged++;
            entries++;
        }
        assertTrue(entries >= 3, "index entries with pages (jk-001 names three register entries): " + entries + "\n" + last);
        assertTrue(merged >= 1, "some name is mentioned more often than it has pages: repeated pages merged");
    }

    @Test
    void aRebuildGivesTheSameBytesInAnyTimeZone() throws Exception {
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        Path again = tmp.resolve("again");
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            // One document with the edition header and the registers: its PDF depends on nothing else.
            Path doc = teiByDocid.get("jk-002_a7b1ffc6616cccb3");
            CliRun r = CliRun.of("publish", "-q", "--formats", "pdf", "-o", again.toString(), "tei/edition.xml", "tei/docs/registers.xml", doc.toString());
            assertEquals(0, r.exit(), r.err());
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        String name = "pdf/jk-002_a7b1ffc6616cccb3.pdf";
        assertArrayEquals(Files.readAllBytes(site.resolve(name)), Files.readAllBytes(again.resolve(name)));
    }
}
