package org.jiaokan.robust;

import org.jiaokan.TestSupport;
import org.jiaokan.cli.CliRun;
import org.jiaokan.read.Readers;
import org.jiaokan.validate.Schemas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources an archive may hand over: binary files, damaged text, folders, links, clashing and
 * unreadable files, one huge line. Each gets a good TEI or one error line; the others are still done.
 */
class HostileSourcesTest {
    @TempDir
    Path tmp;

    private static final String NOTICE = "关于做好汛期安全防范工作的通知\n各区县公安分局：\n为切实做好汛期安全防范工作，现将有关事项通知如下。\n二〇二一年六月三日\n";
    private static final String NOTICE_HANT = "關於做好汛期安全防範工作的通知\n各區縣公安分局：\n為切實做好汛期安全防範工作，現將有關事項通知如下。\n二零二一年六月三日\n";

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("说明".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    @Test
    void binaryAndEmptyFilesFailInOneLineEachAndTheOthersAreConverted() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path png = Files.write(in.resolve("scan.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        Path pdf = Files.write(in.resolve("report.txt"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        Path archive = Files.write(in.resolve("attachments.zip"), zip());
        Path elf = Files.write(in.resolve("tool"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0});
        Path empty = Files.createFile(in.resolve("empty.txt"));
        Path good = Files.writeString(in.resolve("通知.txt"), NOTICE);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), png.toString(), pdf.toString(), archive.toString(), elf.toString(),
                empty.toString(), good.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(
                "jiaokan: error: " + png + ": binary data, not text",
                "jiaokan: error: " + pdf + ": unsupported file type: PDF",
                "jiaokan: error: " + archive + ": unsupported file type: ZIP archive that is not a DOCX document",
                "jiaokan: error: " + elf + ": binary data, not text",
                "jiaokan: error: " + empty + ": empty file"), r.errLines());
        List<Path> tei = Cli.teiFiles(out);
        assertEquals(1, tei.size());
        Cli.lossless(tei.get(0), NOTICE);
    }

    /** Text with bytes inserted that its encoding cannot decode, at character boundaries. */
    private static byte[] damage(String text, Charset cs, int... atChars) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int from = 0;
        for (int i = 0; i < atChars.length; i++) {
            b.writeBytes(text.substring(from, atChars[i]).getBytes(cs));
            b.write(0xFF);
            if (i % 2 == 1) b.write(0x80);
            from = atChars[i];
        }
        b.writeBytes(text.substring(from).getBytes(cs));
        return b.toByteArray();
    }

    @Test
    void undecodableBytesInsideGoodTextAreKeptAsDamageWithTheirRawValues() throws Exception {
        Object[][] cases = {{"utf8-simplified.txt", NOTICE, StandardCharsets.UTF_8, "UTF-8"},
                {"big5-traditional.txt", NOTICE_HANT, Charset.forName("Big5"), "Big5"},
                {"gb-simplified.txt", NOTICE, Charset.forName("GB18030"), "GB18030"}};
        for (Object[] c : cases) {
            String text = (String) c[1];
            byte[] bytes = damage(text, (Charset) c[2], 3, 20, 40);
            Path in = Files.write(tmp.resolve((String) c[0]), bytes);
            Path out = tmp.resolve("out-" + c[0]);
            CliRun r = Cli.convert(out, in);
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("jiaokan: notice: " + in + ": 4 bytes that " + c[3]
                    + " cannot decode, kept in the TEI as damage with their raw values (g type=\"damage\")"), r.errLines());
            Path tei = Cli.teiFiles(out).get(0);
            byte[] xml = Files.readAllBytes(tei);
            assertEquals(List.of(), Schemas.jiaokan().validate(xml, tei.toString()));
            String s = new String(xml, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<g ref=\"#[^\"]*UDC([0-9A-F]{2})\" resp=\"[^\"]+\" subtype=\"byte-([0-9A-F]{2})\" type=\"damage\"/>").matcher(s);
            List<String> raw = new ArrayList<>();
            while (m.find()) {
                assertEquals(m.group(1), m.group(2));
                raw.add(m.group(2));
            }
            assertEquals(List.of("FF", "FF", "80", "FF"), raw, c[0] + ": every damaged byte, in order, with its value");
            assertTrue(s.contains("Damage: the byte 0xFF of the source"), "declared in charDecl");
            assertTrue(s.contains("<term type=\"charset\">" + c[3] + "</term>"), c[0] + " decoded as " + c[3]);
            // Nothing dropped: the diplomatic reading is the decoded source, damage included; without it, the text.
            Cli.losslessAgainstReader(tei, in);
            String diplomatic = Cli.diplomatic(tei);
            assertEquals(4, Readers.damagedBytes(diplomatic));
            assertEquals(TestSupport.noSpace(text), TestSupport.noSpace(diplomatic.replaceAll("[\\uDC00-\\uDCFF]", "")));
        }
        // Text that is not Chinese with bytes that do not decode is in an unsupported encoding, not damaged.
        Path latin = Files.write(tmp.resolve("latin.txt"), "Rapport annuel: café, résumé et naïveté.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(Cli.failsWithOneLine(tmp.resolve("out-latin"), latin).startsWith("text in an unsupported encoding"));
    }

    @Test
    void foldersAreConvertedWholeInAStableOrderAndLinksOnlyInsideThem() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("archive 2021 (copy)"));
        Files.createDirectories(tree.resolve("b/子目录"));
        Files.createDirectories(tree.resolve("a"));
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve(".git/config"), "[core]\n");
        Files.writeString(tree.resolve("a/通知 #1 (定稿).txt"), NOTICE);
        Files.writeString(tree.resolve("b/子目录/'quoted' \"name\".txt"), NOTICE_HANT);
        Path emptyB = Files.createFile(tree.resolve("b/empty.txt"));
        Path emptyA = Files.createFile(tree.resolve("a/empty-too.txt"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "机密文件，不得外传。\n");
        Path out1 = Files.createSymbolicLink(tree.resolve("b/leak.txt"), secret);
        Path out2 = Files.createSymbolicLink(tree.resolve("a/up"), tmp);
        Path broken = Files.createSymbolicLink(tree.resolve("b/broken.txt"), tree.resolve("nowhere"));
        Files.createSymbolicLink(tree.resolve("b/same-notice.txt"), tree.resolve("a/通知 #1 (定稿).txt"));
        Files.createSymbolicLink(tree.resolve("b/dir-link"), tree.resolve("a"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), tree.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(
                "jiaokan: error: " + emptyA + ": empty file",
                "jiaokan: error: " + out2 + ": symbolic link to " + tmp + ", outside " + tree + "; not followed",
                "jiaokan: error: " + broken + ": broken symbolic link (its target does not exist)",
                "jiaokan: error: " + emptyB + ": empty file",
                "jiaokan: error: " + out1 + ": symbolic link to " + secret + ", outside " + tree + "; not followed"), r.errLines());
        List<String> names = Cli.teiFiles(out).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("-quoted---name-.xml", "same-notice.xml", "通知--1--定稿-.xml"), names);
        for (Path p : Cli.teiFiles(out)) assertFalse(Files.readString(p).contains("机密"), "the linked secret was not read");
        assertFalse(Files.exists(out.resolve("sources/secret.txt")) || Files.exists(out.resolve("sources/leak.txt")));

        // build: a link in sources/ that points out of it is refused too.
        Path edition = Files.createDirectories(tmp.resolve("ed"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Path sources = Files.createDirectories(edition.resolve("sources"));
        Files.writeString(sources.resolve("notice.txt"), NOTICE);
        Path link = Files.createSymbolicLink(sources.resolve("leak.txt"), secret);
        CliRun b = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(1, b.exit());
        assertEquals(List.of("jiaokan: error: " + link + ": symbolic link to " + secret + ", outside " + sources + "; not followed"), b.errLines());
        assertEquals(1, Cli.teiFiles(edition.resolve("docs")).size());
    }

    @Test
    void theSameNameFromTwoFoldersNeverOverwrites() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("notice.txt"), NOTICE);
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("notice.txt"), NOTICE_HANT);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), b.toString(), a.toString());
        assertEquals(0, r.exit(), r.err());
        Cli.lossless(out.resolve("notice.xml"), NOTICE);
        Cli.lossless(out.resolve("notice--b.xml"), NOTICE_HANT);
        assertEquals(NOTICE, Files.readString(out.resolve("sources/notice.txt")), "the first source's copy is kept");
        assertEquals(NOTICE_HANT, Files.readString(out.resolve("sources/b/notice.txt")), "the second source's copy is kept");
    }

    /** One file named three times is converted once, with a notice for each repetition (it was an error: "rename one of them"). */
    @Test
    void oneFileGivenThreeTimesIsConvertedOnce() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("thrice")).resolve("notice.txt"), NOTICE);
        Path again = tmp.resolve("thrice/../thrice/notice.txt");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-o", out.toString(), a.toString(), a.toString(), again.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("jiaokan: notice: " + a + ": the same file as " + a + ", given again; converted once",
                "jiaokan: notice: " + again + ": the same file as " + a + ", given again; converted once"), r.errLines());
        Cli.lossless(out.resolve("notice.xml"), NOTICE);
    }

    /** An output folder inside a folder converted is refused: its TEI and sources' copies would be inputs the next time. */
    @Test
    void anOutputInsideTheFolderConvertedIsRefused() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inside"));
        Files.writeString(in.resolve("notice.txt"), NOTICE);
        for (Path out : List.of(in, in.resolve("tei"))) {
            CliRun r = CliRun.of("convert", "-o", out.toString(), in.toString());
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("jiaokan: error: " + out + ": inside the folder converted (" + in + ")"), r.err());
        }
        try (java.util.stream.Stream<Path> s = Files.list(in)) {
            assertEquals(List.of(in.resolve("notice.txt")), s.toList(), "nothing written");
        }
        // a hidden folder inside it is never read as input
        CliRun hidden = CliRun.of("convert", "-q", "-o", in.resolve(".tei").toString(), in.toString());
        assertEquals(0, hidden.exit(), hidden.err());
    }

    @Test
    void twoNamesOfOneFolderThatGiveOneIdStillClash() throws Exception {
        Path a = Files.writeString(tmp.resolve("notice.txt"), NOTICE);
        Path b = Files.writeString(tmp.resolve("notice.htm"), "<html><body><p>" + NOTICE_HANT + "</p></body></html>");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), a.toString(), b.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of("jiaokan: error: " + b + ": its TEI file notice.xml would overwrite the one made from " + a + "; rename one of them"),
                r.errLines());
        Cli.lossless(out.resolve("notice.xml"), NOTICE);
    }

    @Test
    void anUnreadableFileIsOneLineAndTheOthersAreConverted() throws Exception {
        Path locked = Files.writeString(tmp.resolve("locked.txt"), NOTICE);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: a mode-000 file is readable anyway; skipped here (PermissionsAndFullDiskTest runs it without root's capabilities)");
            Path good = Files.writeString(tmp.resolve("good.txt"), NOTICE);
            Path out = tmp.resolve("out");
            CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), locked.toString(), good.toString());
            assertEquals(1, r.exit());
            assertEquals(List.of("jiaokan: error: " + locked + ": cannot read: permission denied"), r.errLines());
            assertEquals(1, Cli.teiFiles(out).size());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void oneHugeLineTakesLinearTime() throws Exception {
        String sentence = "各单位要认真落实通知精神，切实加强组织领导，确保辖区社会治安稳定。";
        long[] ms = new long[2];
        int[] sizes = {64 * 1024, 512 * 1024};
        for (int k = 0; k < 2; k++) {
            StringBuilder line = new StringBuilder();
            while (line.length() * 3 < sizes[k]) line.append(sentence);
            Path in = Files.writeString(tmp.resolve("line-" + k + ".txt"), line);
            // CPU time of this thread (one input is converted on the calling thread): wall time on a busy machine says little.
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = cpu.getCurrentThreadCpuTime();
            Path tei = Cli.convertsCleanly(tmp.resolve("out-" + k), in);
            ms[k] = (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000;
            if (k == 1) Cli.lossless(tei, line.toString());
        }
        // Eight times the text: linear work takes about eight times as long, quadratic work 64 times.
        assertTrue(ms[1] < 24 * Math.max(ms[0], 200), "64 KiB took " + ms[0] + " ms of CPU, 512 KiB " + ms[1] + " ms");
        assertTrue(ms[1] < 90_000, "512 KiB on one line took " + ms[1] + " ms");
    }
}
