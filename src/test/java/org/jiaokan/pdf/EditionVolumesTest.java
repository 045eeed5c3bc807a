package org.jiaokan.pdf;

import org.jiaokan.cli.CliRun;
import org.jiaokan.publish.pdf.PdfFormat;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edition of more documents than a volume holds is printed in volumes ({@code pdf/edition-1.pdf} …), each with its
 * title page, contents, documents and index, each archival and accessible; the site links to every volume. The
 * example edition's five documents with a limit of two documents a volume: three volumes (2, 2, 1).
 */
class EditionVolumesTest {
    @TempDir
    static Path tmp;
    static Path site;
    static List<Path> docs;

    @BeforeAll
    static void publish() throws Exception {
        String missing = PdfTools.fontsMissing();
        Assumptions.assumeTrue(missing == null, missing);
        site = tmp.resolve("site");
        // What an earlier run printed as one PDF is replaced by the volumes.
        Files.createDirectories(site.resolve("pdf"));
        Files.writeString(site.resolve("pdf/edition.pdf"), "an earlier run's");
        Files.writeString(site.resolve("pdf/edition-7.pdf"), "an earlier run's");
        System.setProperty(PdfFormat.VOLUME_PROPERTY, "2");
        try {
            CliRun r = CliRun.of("publish", "-q", "--formats", "html,pdf", "-o", site.toString(), "tei");
            assertEquals(0, r.exit(), r.err());
        } finally {
            System.clearProperty(PdfFormat.VOLUME_PROPERTY);
        }
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            docs = s.filter(f -> f.getFileName().toString().startsWith("jk-")).sorted().toList();
        }
        assertEquals(5, docs.size());
    }

    @AfterAll
    static void clear() {
        System.clearProperty(PdfFormat.VOLUME_PROPERTY);
    }

    private static List<String> editionFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("pdf"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("edition")).sorted().toList();
        }
    }

    private static String title(Path tei) throws Exception {
        Document d = Xml.parse(tei);
        NodeList n = d.getElementsByTagNameNS(Xml.TEI_NS, "title");
        return ((Element) n.item(0)).getTextContent().replaceAll("\\s+", " ").strip();
    }

    @Test
    void threeVolumesLinkedFromTheHomePage() throws Exception {
        assertEquals(List.of("edition-1.pdf", "edition-2.pdf", "edition-3.pdf"), editionFiles(site));
        String home = Files.readString(site.resolve("index.html"));
        for (int v = 1; v <= 3; v++) assertTrue(home.contains("href=\"pdf/edition-" + v + ".pdf\""), home);
        assertFalse(home.contains("href=\"pdf/edition.pdf\""), home);
        assertFalse(home.contains("href=\"pdf/edition-4.pdf\""), home);
        assertEquals(List.of(), new org.jiaokan.site.HtmlChecker().errors(site.resolve("index.html")));
        // Without the property, the default limit.
        assertEquals(1, PdfFormat.volumes(5));
        assertEquals(1, PdfFormat.volumes(PdfFormat.DEFAULT_VOLUME));
        assertEquals(2, PdfFormat.volumes(PdfFormat.DEFAULT_VOLUME + 1));
    }

    @Test
    void eachVolumePassesVeraPdfForPdfA2aAndPdfUa1() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String name : editionFiles(site)) {
            for (PDFAFlavour f : List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1)) {
                for (String rule : PdfTools.veraFailures(site.resolve("pdf/" + name), f)) failures.add(name + " " + f.getId() + ": " + rule);
            }
        }
        assertEquals(List.of(), failures, "veraPDF failed rules");
    }

    @Test
    void eachVolumeHoldsItsDocumentsInOrderWithItsOwnTitlePageContentsAndIndex() throws Exception {
        Assumptions.assumeTrue(PdfTools.poppler(), PdfTools.NO_POPPLER);
        for (int v = 1; v <= 3; v++) {
            Path pdf = site.resolve("pdf/edition-" + v + ".pdf");
            String xml = PdfTools.unescape(PdfTools.run("pdftohtml", "-xml", "-i", "-stdout", "-q", pdf.toString()));
            String outline = xml.substring(xml.indexOf("<outline>"));
            int at = -1;
            for (int i = 0; i < docs.size(); i++) {
                String t = title(docs.get(i));
                boolean in = i / 2 == v - 1;
                assertEquals(in, outline.contains(t), "volume " + v + (in ? " has " : " has not ") + t);
                if (in) {
                    int here = outline.indexOf(t);
                    assertTrue(here > at, "volume " + v + ": the documents in the edition's order");
                    at = here;
                }
            }
            String front = PdfTools.run("pdftotext", "-f", "1", "-l", "2", pdf.toString(), "-");
            assertTrue(front.contains("第 " + v + " 卷（共 3 卷）"), front);
            assertTrue(front.contains("目录"), front);
        }
        // The index of the volumes with names in their documents (jk-001 has three register entries).
        String first = PdfTools.run("pdftotext", site.resolve("pdf/edition-1.pdf").toString(), "-");
        assertTrue(first.contains("索引"), "volume 1 has an index");
    }

    @Test
    void theHomePageCountsTheVolumesOfThePrintEditionsOwnDocuments() throws Exception {
        // Two documents, one over the pdf size limit, one a volume: the site has two documents, the print edition one,
        // so one edition.pdf, which is what the home page must link to.
        Path in = Files.createDirectories(tmp.resolve("limited/docs"));
        Path small = Path.of("tei/docs/jk-001_e8825e5862d1a0f3.xml");
        Files.copy(small, in.resolve(small.getFileName()));
        String big = Files.readString(Path.of("tei/docs/jk-002_a7b1ffc6616cccb3.xml"), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(in.resolve("jk-002_a7b1ffc6616cccb3.xml"), big + "<!--" + "填充".repeat(200_000) + "-->\n",
                java.nio.charset.StandardCharsets.UTF_8);
        Path out = tmp.resolve("limited/site");
        System.setProperty(PdfFormat.VOLUME_PROPERTY, "1");
        System.setProperty("jiaokan.limit.pdf", "1");
        try {
            org.jiaokan.publish.Publisher.Result r = new org.jiaokan.publish.Publisher(new org.jiaokan.publish.Publisher.Options(out,
                    java.util.Set.of("html", "pdf"), null, 2)).publish(List.of(in));
            assertEquals(1, r.errors().size(), r.errors().toString());
            assertTrue(r.errors().get(0).contains("over the size limit of pdf (1 MiB)"), r.errors().get(0));
        } finally {
            System.clearProperty(PdfFormat.VOLUME_PROPERTY);
            System.clearProperty("jiaokan.limit.pdf");
        }
        assertEquals(List.of("edition.pdf"), editionFiles(out));
        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("href=\"pdf/edition.pdf\""), home);
        assertFalse(home.contains("href=\"pdf/edition-1.pdf\""), home);
    }

    @Test
    void oneVolumeAgainReplacesTheVolumesWithEditionPdf() throws Exception {
        Path again = tmp.resolve("again");
        Files.createDirectories(again.resolve("pdf"));
        Files.writeString(again.resolve("pdf/edition-1.pdf"), "an earlier run's");
        Files.writeString(again.resolve("pdf/edition-2.pdf"), "an earlier run's");
        CliRun r = CliRun.of("publish", "-q", "--formats", "pdf", "-o", again.toString(), "tei");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("edition.pdf"), editionFiles(again));
    }
}
