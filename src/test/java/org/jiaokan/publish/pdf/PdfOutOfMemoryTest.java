package org.jiaokan.publish.pdf;

import org.jiaokan.publish.Publisher;
import org.jiaokan.site.SiteFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two documents set at once share the heap, and the one the heap runs out in may not be the one that filled it. A
 * document whose setting ran out of memory is set again alone once the others are done: the line names only a
 * document that runs out of memory alone. (The heap is made to run out by the hook, as a document that needs more
 * than the heap would.)
 */
class PdfOutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void onlyADocumentThatRunsOutAloneIsNamed() throws Exception {
        Path ed = SiteFixtures.edition(tmp.resolve("ed"));
        List<Path> docs;
        try (Stream<Path> s = Files.list(ed)) {
            docs = s.filter(p -> p.toString().endsWith(".xml") && !p.getFileName().toString().equals("registers.xml")
                    && !p.getFileName().toString().equals("edition.xml")).sorted().toList();
        }
        assertTrue(docs.size() >= 2, docs.toString());
        Path besideTheOther = docs.get(0), tooLarge = docs.get(1);
        PdfFormat.beforeSetting = (file, alone) -> {
            if (file.equals(tooLarge) || file.equals(besideTheOther) && !alone) throw new OutOfMemoryError("Java heap space");
        };
        try {
            Publisher.Result r = new Publisher(new Publisher.Options(tmp.resolve("out"), Set.of("pdf"), null, 2)).publish(List.of(ed));
            List<String> lines = r.errors().stream().filter(e -> e.contains("heap")).toList();
            assertEquals(1, lines.size(), r.errors().toString());
            assertTrue(lines.get(0).startsWith(tooLarge + ": not printed: the Java heap") && lines.get(0).contains("alone"), lines.get(0));
            try (Stream<Path> s = Files.list(tmp.resolve("out/pdf"))) {
                long documentPdfs = s.filter(p -> !p.getFileName().toString().startsWith("edition")).count();
                assertEquals(docs.size() - 1, documentPdfs, "every document but the one too large alone is printed");
            }
        } finally {
            PdfFormat.beforeSetting = null;
        }
    }
    @Test
    void aDocumentSetAgainAloneKeepsItsIdentifierFromALaterOne() throws Exception {
        // Its first try ran out of memory before it claimed its identifier; a later document with that identifier
        // claimed it and was printed. Set again alone, it printed over that PDF unreported, while the site showed it.
        // The earlier has the identifier in every output, as on the site: its PDF replaces the later one's.
        for (Set<String> formats : List.of(Set.of("pdf"), Set.of("html", "pdf"))) {
            Path ed = SiteFixtures.edition(tmp.resolve("twins-" + formats.size()));
            Path first = ed.resolve("zhs-notice.xml");
            Path twin = ed.resolve("zz-twin.xml");
            Files.writeString(twin, Files.readString(first).replace("夏季治安巡查的通知", "另一份通知").replace("</body>", "<p>只在后一份里的段落。</p></body>"));
            PdfFormat.beforeSetting = (file, alone) -> {
                if (file.equals(first) && !alone) throw new OutOfMemoryError("Java heap space");
            };
            Path out = tmp.resolve("twins-out-" + formats.size());
            try {
                Publisher.Result r = new Publisher(new Publisher.Options(out, formats, null, 2)).publish(List.of(ed));
                assertEquals(1, r.errors().size(), formats + ": " + r.errors());
                assertTrue(r.errors().get(0).startsWith(twin + ": another document has the identifier t-notice (" + first + ")"),
                        r.errors().get(0));
            } finally {
                PdfFormat.beforeSetting = null;
            }
            Path pdf = out.resolve("pdf/t-notice.pdf");
            assertTrue(Files.exists(pdf));
            String text = pdfText(pdf);
            if (text != null) { // poppler's pdftotext, where it is installed
                assertTrue(text.contains("夏季治安巡查的通知"), formats + ": " + text);
                assertFalse(text.contains("只在后一份里的段落"), formats + ": the later document's PDF was left: " + text);
            }
            if (formats.contains("html")) {
                assertFalse(Files.readString(out.resolve("doc/t-notice.html")).contains("只在后一份里的段落"), "the site shows the earlier");
            }
        }
    }

    /** The text of a PDF, white space removed (poppler's pdftotext), or null without it. */
    private static String pdfText(Path pdf) throws Exception {
        try {
            Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out.replaceAll("\\s+", "") : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
