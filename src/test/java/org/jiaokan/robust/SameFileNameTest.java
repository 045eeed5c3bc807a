package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files of the same name from different folders ({@code 2021/通报.txt}, {@code 2022/通报.txt}): each
 * gets its own TEI file and id, decided by the paths alone (never by the order of the run or the
 * number of threads), and its own kept source; an id stays as it was when another folder is added.
 */
class SameFileNameTest {
    @TempDir
    Path tmp;

    private static final String A = "关于开展道路交通安全专项整治的通报\n各派出所：\n近期北京市海淀区交通事故多发，现将有关情况通报如下。\n二〇二一年三月五日\n";
    private static final String B = "關於開展道路交通安全專項整治的通報\n各派出所：\n近期北京市海淀區交通事故多發，現將有關情況通報如下。\n二〇二二年四月六日\n";
    private static final String C = "关于加强校园周边治安巡逻的通报\n各中队：\n为保障学生上下学安全，现就加强巡逻通报如下。\n二〇二三年九月一日\n";

    private Path source(String folder, String name, String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in").resolve(folder));
        return Files.writeString(dir.resolve(name), text);
    }

    /** Every file under {@code dir} by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static String idno(Path tei, String type) throws Exception {
        return org.jiaokan.xml.Dom.descendants(Xml.parse(tei).getDocumentElement(), "idno").stream()
                .filter(e -> type.equals(e.getAttribute("type"))).map(e -> e.getTextContent().strip()).findFirst().orElse("");
    }

    @Test
    void eachGetsItsOwnTeiIdAndKeptSource() throws Exception {
        source("2021", "通报.txt", A);
        source("2022", "通报.txt", B);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), tmp.resolve("in").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(List.of(out.resolve("通报--2022.xml"), out.resolve("通报.xml")), Cli.teiFiles(out));
        Cli.lossless(out.resolve("通报.xml"), A);
        Cli.lossless(out.resolve("通报--2022.xml"), B);
        assertEquals("通报.txt", idno(out.resolve("通报.xml"), "filename"));
        assertEquals("2022/通报.txt", idno(out.resolve("通报--2022.xml"), "filename"), "the header says which of the two it is");
        assertEquals(A, Files.readString(out.resolve("sources/通报.txt")));
        assertEquals(B, Files.readString(out.resolve("sources/2022/通报.txt")));
        String registers = Files.readString(out.resolve("registers.xml"));
        assertTrue(registers.contains("\"通报--2022.xml#") && registers.contains("\"通报.xml#"), () -> "both documents in the registers: " + registers);
    }

    @Test
    void theNamesDependOnThePathsNotOnTheOrderOrTheThreads() throws Exception {
        Path a = source("甲/2021", "report.txt", A);
        Path b = source("乙/2021", "report.txt", B);
        Path c = source("丙 (副本)/2021", "report.txt", C);
        String before = System.getProperty("jiaokan.threads");
        try {
            System.setProperty("jiaokan.threads", "1");
            Path one = tmp.resolve("one");
            assertEquals(0, CliRun.of("convert", "-q", "-o", one.toString(), a.toString(), b.toString(), c.toString()).exit());
            System.setProperty("jiaokan.threads", "3");
            Path three = tmp.resolve("three");
            CliRun r = CliRun.of("convert", "-q", "-o", three.toString(), a.toString(), b.toString(), c.toString());
            assertEquals(0, r.exit(), r.err());
            Map<String, byte[]> x = files(one), y = files(three);
            assertEquals(x.keySet(), y.keySet());
            for (String k : x.keySet()) assertArrayEquals(x.get(k), y.get(k), k);
            // The inputs in another order: the same names and documents (the registers list mentions in the inputs' order).
            Path reversed = tmp.resolve("reversed");
            r = CliRun.of("convert", "-q", "-o", reversed.toString(), c.toString(), b.toString(), a.toString());
            assertEquals(0, r.exit(), r.err());
            Map<String, byte[]> z = files(reversed);
            assertEquals(x.keySet(), z.keySet());
            for (String k : x.keySet()) if (!k.equals("registers.xml")) assertArrayEquals(x.get(k), z.get(k), k);
            // Path order: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532); one folder does not tell them apart, two do.
            assertEquals(List.of("report--乙-2021.xml", "report--甲-2021.xml", "report.xml"),
                    Cli.teiFiles(one).stream().map(p -> p.getFileName().toString()).toList());
            Cli.lossless(one.resolve("report.xml"), C);
            Cli.lossless(one.resolve("report--乙-2021.xml"), B);
            Cli.lossless(one.resolve("report--甲-2021.xml"), A);
            assertEquals(A, Files.readString(one.resolve("sources/甲/2021/report.txt")));
        } finally {
            if (before == null) System.clearProperty("jiaokan.threads");
            else System.setProperty("jiaokan.threads", before);
        }
    }

    @Test
    void anotherFolderAddedLaterLeavesTheIdsAsTheyWere() throws Exception {
        Path a = source("a", "notice.txt", A);
        Path b = source("b", "notice.txt", B);
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), a.toString(), b.toString()).exit());
        byte[] plain = Files.readAllBytes(out.resolve("notice.xml"));
        byte[] second = Files.readAllBytes(out.resolve("notice--b.xml"));
        Path c = source("c", "notice.txt", C);
        Path unrelated = source("0", "other.txt", C);
        Path again = tmp.resolve("again");
        CliRun r = CliRun.of("convert", "-q", "-o", again.toString(), unrelated.toString(), c.toString(), b.toString(), a.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(plain, Files.readAllBytes(again.resolve("notice.xml")));
        assertArrayEquals(second, Files.readAllBytes(again.resolve("notice--b.xml")));
        Cli.lossless(again.resolve("notice--c.xml"), C);
    }

    @Test
    void aSuffixThatAnotherFileHasAlreadyGoesOneFolderFurther() throws Exception {
        Path a = source("x/a", "notice.txt", A);
        Path b = source("y/b", "notice.txt", B);
        Path taken = source("z", "notice--b.txt", C);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), a.toString(), b.toString(), taken.toString());
        assertEquals(0, r.exit(), r.err());
        Cli.lossless(out.resolve("notice.xml"), A);
        Cli.lossless(out.resolve("notice--b.xml"), C);
        Cli.lossless(out.resolve("notice--y-b.xml"), B);
    }

    @Test
    void thePublishedPageLinksItsOwnRawSource() throws Exception {
        source("a", "notice.txt", A);
        source("b", "notice.txt", B);
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), tmp.resolve("in").toString()).exit());
        Path site = tmp.resolve("site");
        CliRun p = CliRun.of("publish", "--formats", "html", "-o", site.toString(), out.toString());
        assertEquals(0, p.exit(), p.err());
        assertEquals(B, Files.readString(site.resolve("src/b/notice.txt")));
        assertEquals(A, Files.readString(site.resolve("src/notice.txt")));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(site.resolve("doc/notice--b.html").toFile(), "UTF-8");
        assertTrue(page.select("a[href]").stream().anyMatch(e -> e.attr("href").equals("../src/b/notice.txt")),
                "the page of the second links its own source");
    }
}
