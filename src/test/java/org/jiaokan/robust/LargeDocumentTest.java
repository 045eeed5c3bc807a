package org.jiaokan.robust;

import org.jiaokan.publish.DocumentLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A very large TEI document (50 MB: a thousand divisions of a hundred paragraphs with names) published
 * in every format by a JVM with a 512 MB heap: the formats that take it publish it, the others leave it
 * out with one line naming the file and their limits, and the other documents are published in all.
 */
class LargeDocumentTest {
    @TempDir
    Path tmp;

    private static final String WORDS = "关于进一步加强全市社会治安综合治理工作的意见各区县人民政府市直各有关单位为深入贯彻落实平安建设决策部署"
            + "切实维护社会大局持续稳定保障人民群众安居乐业现就加强社会治安综合治理工作提出如下意见";
    private static final String[] NAMES = {"王建国", "李明", "张海燕", "陈志强"};

    /** A TEI document of at least {@code bytes} bytes, written as it is made. */
    static Path large(Path file, long bytes) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"zh-Hans\"><teiHeader><fileDesc>"
                    + "<titleStmt><title>全市社会治安综合治理工作文件汇编</title></titleStmt><publicationStmt><publisher>市公安局</publisher>"
                    + "<idno type=\"jiaokan\">huibian</idno><date when=\"2021-06-01\">2021-06-01</date></publicationStmt>"
                    + "<sourceDesc><p>文件汇编</p></sourceDesc></fileDesc></teiHeader><text><body>\n");
            long written = 0;
            StringBuilder p = new StringBuilder();
            for (int d = 1; written < bytes; d++) {
                StringBuilder div = new StringBuilder("<div xml:id=\"d" + d + "\"><head xml:id=\"d" + d + "-h\">第" + d + "部分</head>\n");
                for (int k = 0; k < 100; k++) {
                    p.setLength(0);
                    for (int i = 0; i < 150; i++) p.append(WORDS.charAt((d * 7 + k * 13 + i * 3) % WORDS.length()));
                    div.append("<p xml:id=\"d").append(d).append("-p").append(k).append("\">").append(p, 0, 70)
                            .append("<persName>").append(NAMES[(d + k) % 4]).append("</persName>").append(p, 70, 150).append("。</p>\n");
                }
                div.append("</div>\n");
                w.write(div.toString());
                written += div.toString().getBytes(StandardCharsets.UTF_8).length;
            }
            w.write("</body></text></TEI>\n");
        }
        return file;
    }

    @Test
    void aFiftyMegabyteDocumentIsPublishedOrRefusedInOneLineWithABoundedHeap() throws Exception {
        Path tei = Files.createDirectories(tmp.resolve("tei"));
        Path big = large(tei.resolve("huibian.xml"), 50L << 20);
        Files.copy(Path.of("tei/docs/jk-001_e8825e5862d1a0f3.xml"), tei.resolve("jk-001_e8825e5862d1a0f3.xml"));
        boolean fonts = fontsThere();
        String formats = fonts ? "html,pdf,catalog" : "html,catalog";
        Path site = tmp.resolve("site");
        Path log = tmp.resolve("log.txt");
        long t0 = System.nanoTime();
        Process p = Forked.start(List.of("-Xmx512m"), Map.of(), log, "publish", "-o", site.toString(), "--formats", formats, tei.toString());
        long peakKb = 0;
        while (!p.waitFor(200, TimeUnit.MILLISECONDS)) peakKb = Math.max(peakKb, hwm(p.pid()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String out = Files.readString(log);
        System.out.printf("large document: %.1f MiB TEI, formats %s, -Xmx512m: %.1f s, peak RSS %d MB%n",
                Files.size(big) / 1048576.0, formats, seconds, peakKb / 1024);

        assertFalse(out.contains("OutOfMemoryError") || out.contains("Exception"), out);
        assertEquals(1, p.exitValue(), out);
        List<String> errors = out.lines().filter(l -> l.startsWith("jiaokan: error: ")).toList();
        assertEquals(1, errors.size(), out);
        String limits = "html (" + (DocumentLimits.limit("html") >> 20) + " MiB)" + (fonts ? " and pdf (" + (DocumentLimits.limit("pdf") >> 20) + " MiB)" : "");
        assertTrue(errors.get(0).startsWith("jiaokan: error: " + big + ": 50.0 MiB is over the size limit of " + limits + "; not published in "),
                errors.get(0));
        // The other document in every format; the large one where its format takes it (the records read the header).
        assertTrue(Files.isRegularFile(site.resolve("doc/jk-001_e8825e5862d1a0f3.html")));
        assertTrue(Files.isRegularFile(site.resolve("records/mods/jk-001_e8825e5862d1a0f3.xml")));
        if (fonts) assertTrue(Files.isRegularFile(site.resolve("pdf/jk-001_e8825e5862d1a0f3.pdf")));
        assertTrue(Files.isRegularFile(site.resolve("records/mods/huibian.xml")), "the catalogue takes the large document");
        assertTrue(Files.readString(site.resolve("records/mods/huibian.xml")).contains("全市社会治安综合治理工作文件汇编"));
        assertFalse(Files.exists(site.resolve("doc/huibian.html")));
        assertFalse(Files.exists(site.resolve("pdf/huibian.pdf")));
        assertTrue(Files.readString(site.resolve("search/index.js")).contains("jk-001_e8825e5862d1a0f3"));
        assertFalse(Files.readString(site.resolve("search/index.js")).contains("huibian"), "nor is it in the search index");
    }

    @Test
    void theLimitIsConfigured() {
        String before = System.getProperty("jiaokan.limit.pdf");
        try {
            System.setProperty("jiaokan.limit.pdf", "7");
            assertEquals(7L << 20, DocumentLimits.limit("pdf"));
            System.setProperty("jiaokan.limit.pdf", "0");
            assertEquals(Long.MAX_VALUE, DocumentLimits.limit("pdf"));
        } finally {
            if (before == null) System.clearProperty("jiaokan.limit.pdf");
            else System.setProperty("jiaokan.limit.pdf", before);
        }
        assertEquals(16L << 20, DocumentLimits.limit("html"));
    }

    private static boolean fontsThere() {
        try {
            org.jiaokan.publish.fonts.CjkFonts.locate();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The process's peak resident memory (VmHWM) in kB, 0 when it cannot be read. */
    private static long hwm(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            // gone, or not Linux
        }
        return 0;
    }
}
