package org.jiaokan.deposit;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.exceptions.CorruptChecksumException;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code jiaokan package} and {@code jiaokan verify}: the example edition as a BagIt bag, checked by
 * the BagIt library's own verifier and by ours, and every kind of damage named file by file.
 */
class BagPackagerTest {
    private static final Path EDITION = Path.of("tei");
    private static final List<String> TAG_FILES = List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
            "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt");

    @TempDir
    static Path shared;
    /** A small published folder: the site with a print edition and catalogue records beside it. */
    static Path site;
    /** The example edition packaged once, with {@link #site}; tests copy it before damaging it. */
    static Path bag;

    @BeforeAll
    static void packageOnce() throws IOException {
        site = shared.resolve("site");
        write(site.resolve("index.html"), "<!DOCTYPE html><html lang=\"zh-Hans\"><title>示例</title></html>");
        write(site.resolve("doc/jk-000.html"), "<p>公安局召开会议</p>");
        write(site.resolve("pdf/edition.pdf"), "%PDF-1.7 stand-in");
        write(site.resolve("records/edition.mods.xml"), "<mods/>");
        write(site.resolve(".jiaokan-lock"), "hidden: not deposited");
        bag = shared.resolve("bag");
        BagPackager.Result r = BagPackager.pack(EDITION, site, bag);
        assertTrue(r.ok(), r.errors().toString());
    }

    private static void write(Path p, String s) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    private static Path copyOfBag(Path tmp) throws IOException {
        Path to = tmp.resolve("copy");
        try (Stream<Path> s = Files.walk(bag)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(bag.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }

    @Test
    void theLibrarysOwnVerifierFindsTheBagValid() throws Exception {
        Bag b = new BagReader().read(bag);
        assertEquals("1.0", b.getVersion().toString());
        try (BagVerifier v = new BagVerifier()) {
            v.isValid(b, false);
        }
        assertEquals(2, b.getPayLoadManifests().size());
        assertEquals(2, b.getTagManifests().size());
    }

    @Test
    void thePayloadHoldsSourcesTeiSchemaAndThePublishedFolder() throws IOException {
        Path data = bag.resolve("data");
        try (Stream<Path> s = Files.list(EDITION.resolve("sources"))) {
            for (Path src : s.toList()) {
                assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(data.resolve("sources").resolve(src.getFileName().toString())), src.toString());
            }
        }
        assertArrayEquals(Files.readAllBytes(EDITION.resolve("edition.xml")), Files.readAllBytes(data.resolve("tei/edition.xml")));
        assertTrue(Files.isRegularFile(data.resolve("tei/docs/registers.xml")));
        assertTrue(Files.isRegularFile(data.resolve("tei/schema/jiaokan.rng")));
        assertFalse(Files.exists(data.resolve("tei/sources")), "the sources are deposited once, under data/sources");
        for (String f : List.of("index.html", "doc/jk-000.html", "pdf/edition.pdf", "records/edition.mods.xml")) {
            assertTrue(Files.isRegularFile(data.resolve("site").resolve(f)), f);
        }
        assertFalse(Files.exists(data.resolve("site/.jiaokan-lock")), "hidden files are not deposited");
        for (String t : TAG_FILES) assertTrue(Files.isRegularFile(bag.resolve(t)), t);
    }

    @Test
    void bagInfoComesFromTheEditionsMetadataNotTheClock() throws IOException {
        List<String> info = Files.readAllLines(bag.resolve("bag-info.txt"), StandardCharsets.UTF_8);
        assertTrue(info.contains("Source-Organization: Jiaokan project"), info.toString());
        assertTrue(info.contains("Bagging-Date: 2026-11-21"), info.toString());
        assertTrue(info.contains("Bag-Group-Identifier: https://example.org/jiaokan/example/"), info.toString());
        assertTrue(info.contains("Bag-Software-Agent: Jiaokan " + org.jiaokan.edition.Toolkit.VERSION), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("External-Description: Public-security meeting reports")), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("External-Identifier: https://example.org/jiaokan/example/")), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.startsWith("Bag-Size: ")), info.toString());
        assertFalse(info.toString().contains(LocalDate.now(ZoneOffset.UTC).toString())
                && !LocalDate.now(ZoneOffset.UTC).toString().equals("2026-11-21"), "no date from the clock");
        long bytes = 0, files = 0;
        try (Stream<Path> s = Files.walk(bag.resolve("data"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(p);
                files++;
            }
        }
        assertTrue(info.contains("Payload-Oxum: " + bytes + "." + files), info.toString());
    }

    @Test
    void manifestsListEveryPayloadFileOnceInPathOrder() throws IOException {
        for (String m : List.of("manifest-sha256.txt", "manifest-sha512.txt")) {
            List<String> paths = Files.readAllLines(bag.resolve(m)).stream().map(l -> l.substring(l.indexOf("  ") + 2)).toList();
            assertEquals(paths.stream().sorted().toList(), paths, m + " in path order");
            try (Stream<Path> s = Files.walk(bag.resolve("data"))) {
                assertEquals(s.filter(Files::isRegularFile).count(), paths.size(), m);
            }
            assertTrue(paths.contains("data/site/pdf/edition.pdf"), m);
        }
        List<String> tags = Files.readAllLines(bag.resolve("tagmanifest-sha512.txt")).stream().map(l -> l.substring(l.indexOf("  ") + 2)).toList();
        assertEquals(List.of("bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"), tags);
    }

    @Test
    void twoPackagesOfTheSameInputHaveTheSameTagFiles(@TempDir Path tmp) throws IOException {
        Path again = tmp.resolve("again");
        assertTrue(BagPackager.pack(EDITION, site, again).ok());
        for (String t : TAG_FILES) {
            assertArrayEquals(Files.readAllBytes(bag.resolve(t)), Files.readAllBytes(again.resolve(t)), t);
        }
    }

    @Test
    void verifyAcceptsTheBagWithOneSummaryLine() {
        CliRun r = CliRun.of("verify", bag.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("jiaokan: " + bag + ": valid bag: "), r.out());
        assertTrue(r.out().contains("sha256 and sha512 verified"), r.out());
    }

    @Test
    void aFlippedByteIsNamed(@TempDir Path tmp) throws Exception {
        Path b = copyOfBag(tmp);
        Path victim = b.resolve("data/tei/docs/registers.xml");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(victim, bytes);

        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit());
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/data/tei/docs/registers.xml: checksum mismatch (sha256, sha512)"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertEquals("", r.out());
        try (BagVerifier v = new BagVerifier()) {
            assertThrows(CorruptChecksumException.class, () -> v.isValid(new BagReader().read(b), false),
                    "the library agrees that the bag is damaged");
        }
    }

    @Test
    void aDeletedFileIsNamed(@TempDir Path tmp) throws IOException {
        Path b = copyOfBag(tmp);
        Files.delete(b.resolve("data/sources/002_a7b1ffc6616cccb3.txt"));
        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit());
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/data/sources/002_a7b1ffc6616cccb3.txt: missing"), r.err());
        assertTrue(r.err().contains("bag-info.txt: Payload-Oxum"), "the payload no longer matches its Oxum: " + r.err());
    }

    @Test
    void anUnlistedFileIsNamed(@TempDir Path tmp) throws IOException {
        Path b = copyOfBag(tmp);
        write(b.resolve("data/site/doc/插入的页面.html"), "<p>未登记</p>");
        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit());
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/data/site/doc/插入的页面.html: not in the manifest"), r.err());
    }

    @Test
    void everyFailingFileIsNamedNotOnlyTheFirst(@TempDir Path tmp) throws IOException {
        Path b = copyOfBag(tmp);
        List<String> victims = List.of("data/sources/000_48375d0ce296dd95.txt", "data/tei/edition.xml", "data/site/index.html",
                "data/site/records/edition.mods.xml");
        for (String v : victims) Files.writeString(b.resolve(v), "tampered", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(b.resolve("data/site/pdf/edition.pdf"));
        // The SHA-512 manifest edited by hand: its first entry's checksum changed.
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(b.resolve("manifest-sha512.txt")));
        String first = lines.get(0);
        lines.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
        Files.write(b.resolve("manifest-sha512.txt"), lines);
        String edited = first.substring(first.indexOf("  ") + 2);

        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit());
        for (String v : victims) {
            assertTrue(r.errLines().contains("jiaokan: error: " + b + "/" + v + ": checksum mismatch (sha256, sha512)"), v + "\n" + r.err());
        }
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/data/site/pdf/edition.pdf: missing"), r.err());
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/" + edited + ": checksum mismatch (sha512)"), r.err());
        assertEquals(victims.size() + 4, r.errLines().size(), "each file once, and the Payload-Oxum: " + r.err());
        assertTrue(r.errLines().contains("jiaokan: error: " + b + "/manifest-sha512.txt: checksum mismatch (sha256, sha512)"),
                "the tag manifests guard the manifests: " + r.err());
    }

    /**
     * A payload file that is a symbolic link to a file out of the bag, listed with that file's checksums: named, not
     * followed (verify read the outside file through it and found the bag valid); so is a data folder that is a link.
     */
    @Test
    void aSymbolicLinkInTheBagIsNamedNotFollowed(@TempDir Path tmp) throws Exception {
        Path b = copyOfBag(tmp);
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "不在档案包里的文件");
        try {
            Files.createSymbolicLink(b.resolve("data/outside.txt"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here");
        }
        for (String alg : List.of("sha256", "sha512")) {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance(alg.equals("sha256") ? "SHA-256" : "SHA-512");
            String sum = java.util.HexFormat.of().formatHex(d.digest(Files.readAllBytes(outside)));
            Files.writeString(b.resolve("manifest-" + alg + ".txt"), sum + "  data/outside.txt\n", java.nio.file.StandardOpenOption.APPEND);
        }
        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.errLines().contains("jiaokan: error: " + b.resolve("data/outside.txt") + ": a symbolic link, not a file of the bag"), r.err());

        Path c = tmp.resolve("c");
        Files.createDirectories(c);
        for (String f : TAG_FILES) Files.copy(bag.resolve(f), c.resolve(f));
        Files.createSymbolicLink(c.resolve("data"), bag.resolve("data").toAbsolutePath());
        CliRun linked = CliRun.of("verify", c.toString());
        assertEquals(1, linked.exit(), linked.err());
        assertTrue(linked.errLines().contains("jiaokan: error: " + c.resolve("data") + ": a symbolic link, not a folder of the bag"), linked.err());
        assertTrue(linked.errLines().size() < 5, "the link once, not each file behind it: " + linked.err());
    }

    @Test
    void aMalformedManifestIsOneLineNotAStackTrace(@TempDir Path tmp) throws IOException {
        Path b = copyOfBag(tmp);
        Files.writeString(b.resolve("manifest-sha256.txt"), "\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun r = CliRun.of("verify", b.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("jiaokan: error: " + b + ": not a valid bag"), r.err());
    }

    @Test
    void aFolderThatIsNotABagIsExitCodeTwo(@TempDir Path tmp) throws IOException {
        CliRun r = CliRun.of("verify", tmp.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("jiaokan: error: " + tmp + ": not a bag (no bagit.txt)"), r.errLines());
        CliRun none = CliRun.of("verify", tmp.resolve("absent").toString());
        assertEquals(2, none.exit());
    }

    @Test
    void anExistingFolderThatIsNotABagIsNotReplaced(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("papers");
        write(out.resolve("note.txt"), "一份手写笔记");
        CliRun r = CliRun.of("package", "-o", out.toString(), "--site", site.toString(), EDITION.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("jiaokan: error: " + out + ": exists and is not a bag; not replaced"), r.errLines());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("note.txt")), s.toList());
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no temporary folder is left behind");
        }
    }

    @Test
    void aBagInsideTheFoldersItPackagesIsRefused(@TempDir Path tmp) throws IOException {
        Path inSite = site.resolve("bag");
        CliRun r = CliRun.of("package", "-o", inSite.toString(), "--site", site.toString(), EDITION.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("jiaokan: error: " + inSite + ": a bag cannot be inside a folder it packages"), r.err());
        assertFalse(Files.exists(inSite));
        CliRun edition = CliRun.of("package", "-o", EDITION.resolve("bag").toString(), "--site", site.toString(), EDITION.toString());
        assertEquals(2, edition.exit());
        assertFalse(Files.exists(EDITION.resolve("bag")));
    }

    @Test
    void anOldBagIsReplacedWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("bag");
        assertTrue(BagPackager.pack(EDITION, site, out).ok());
        write(out.resolve("data/site/stale.html"), "旧版本留下的页面");
        CliRun r = CliRun.of("package", "-o", out.toString(), "--site", site.toString(), EDITION.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(out.resolve("data/site/stale.html")));
        assertEquals(0, CliRun.of("verify", out.toString()).exit());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no temporary folder is left behind");
        }
    }

    @Test
    void aFolderWithoutEditionXmlIsRefused(@TempDir Path tmp) throws IOException {
        write(tmp.resolve("ed/sources/a.txt"), "关于加强治安管理的通知");
        CliRun r = CliRun.of("package", "-o", tmp.resolve("out").toString(), tmp.resolve("ed").toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("jiaokan: error: " + tmp.resolve("ed") + ": not an edition folder (no edition.xml)"), r.errLines());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anotherEditionsContactsAndAddressAreInBagInfoAndCannotAddFields(@TempDir Path tmp) throws IOException {
        Path ed = tmp.resolve("档案 edition");
        write(ed.resolve("edition.xml"), """
                <teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
                  <titleStmt><title>江州市公安局文件选编
                  Payload-Oxum: 1.1</title><editor>王建国 <email>wang@example.org</email></editor><editor>李晓梅</editor></titleStmt>
                  <editionStmt><edition n="2.3">第二版</edition></editionStmt>
                  <publicationStmt><publisher>江州市档案馆</publisher>
                    <address><addrLine>江州市人民路1号</addrLine><addrLine>邮编 330001</addrLine></address>
                    <idno type="URI">https://archives.example.cn/jiangzhou/police/</idno><date when="2025-06-30">2025年6月30日</date>
                  </publicationStmt><sourceDesc><p>市档案馆藏</p></sourceDesc></fileDesc></teiHeader></teiCorpus>""");
        write(ed.resolve("sources/通知 (1).txt"), "各县（市、区）公安局：现将有关事项通知如下。");
        write(ed.resolve("docs/x.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        Path out = tmp.resolve("out");
        assertTrue(BagPackager.pack(ed, site, out).ok());
        List<String> info = Files.readAllLines(out.resolve("bag-info.txt"), StandardCharsets.UTF_8);
        assertEquals(List.of(
                "Source-Organization: 江州市档案馆",
                "Organization-Address: 江州市人民路1号, 邮编 330001",
                "Contact-Name: 王建国",
                "Contact-Name: 李晓梅",
                "Contact-Email: wang@example.org",
                "External-Description: 江州市公安局文件选编 Payload-Oxum: 1.1. 第二版. 市档案馆藏",
                "External-Identifier: https://archives.example.cn/jiangzhou/police/ 2.3",
                "Bag-Group-Identifier: https://archives.example.cn/jiangzhou/police/",
                "Bagging-Date: 2025-06-30"), info.subList(0, 9));
        assertEquals(1, info.stream().filter(l -> l.startsWith("Payload-Oxum:")).count(), "a title cannot add a field");
        assertTrue(Files.isRegularFile(out.resolve("data/sources/通知 (1).txt")));
        assertTrue(Files.isRegularFile(out.resolve("data/tei/schema/jiaokan.rng")), "the toolkit's schema goes with an edition that has none");
        assertEquals(0, CliRun.of("verify", out.toString()).exit());
        assertEquals(Path.of("target/package/police-2.3-bag"),
                BagPackager.defaultBag(Path.of("target/package"), ed, EditionInfo.read(ed.resolve("edition.xml"))));
    }

    @Test
    void aLinkOutOfThePublishedFolderIsNotFollowed(@TempDir Path tmp) throws IOException {
        Path s = tmp.resolve("site");
        write(s.resolve("index.html"), "<p>首页</p>");
        write(tmp.resolve("secret.txt"), "不应进入档案包");
        try {
            Files.createSymbolicLink(s.resolve("leak.txt"), tmp.resolve("secret.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here");
        }
        Path out = tmp.resolve("out");
        BagPackager.Result r = BagPackager.pack(EDITION, s, out);
        assertTrue(r.ok());
        assertEquals(List.of(s.resolve("leak.txt") + ": a symbolic link out of " + s + " (to " + tmp.resolve("secret.txt").toRealPath()
                + "); left out of the bag"), r.notices(), "named, where it was left out without a word");
        assertFalse(Files.exists(out.resolve("data/site/leak.txt")));
        assertTrue(Files.exists(out.resolve("data/site/index.html")));
    }

    @Test
    void withoutAPublishedFolderTheEditionIsPublishedFirst(@TempDir Path tmp) {
        // A one-document edition keeps the publishing quick.
        Path ed = tmp.resolve("edition");
        String doc = "jk-004_02a83077c9d50b2a";
        try {
            Files.createDirectories(ed.resolve("docs"));
            Files.createDirectories(ed.resolve("sources"));
            Files.writeString(ed.resolve("edition.xml"), Files.readString(EDITION.resolve("edition.xml"))
                    .replaceAll("\\s*<xi:include href=\"docs/jk-00[0-3][^\"]*\"/>", ""));
            Files.copy(EDITION.resolve("docs/" + doc + ".xml"), ed.resolve("docs/" + doc + ".xml"));
            Files.copy(EDITION.resolve("docs/registers.xml"), ed.resolve("docs/registers.xml"));
            Files.copy(EDITION.resolve("sources/" + doc.substring(3) + ".txt"), ed.resolve("sources/" + doc.substring(3) + ".txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path out = tmp.resolve("deposit");
        CliRun r = CliRun.of("package", "-o", out.toString(), "--site", tmp.resolve("absent").toString(), ed.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("jiaokan: packaged " + out + ": "), r.out());
        assertTrue(Files.isRegularFile(out.resolve("data/site/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("data/site/doc/" + doc + ".html")), "the document's page");
        assertFalse(Files.exists(tmp.resolve("absent")), "the temporary site is not left at --site");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out, ed), s.sorted().toList(), "no temporary folder is left behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun v = CliRun.of("verify", out.toString());
        assertEquals(0, v.exit(), v.err());
    }

    @Test
    void humanSizesAreTheSameUnderEveryLocale() {
        assertEquals("999 B", BagPackager.humanSize(999));
        assertEquals("1.4 MB", BagPackager.humanSize(1_424_288));
        assertEquals("2.0 GB", BagPackager.humanSize(2_000_000_000L));
        assertTrue(Arrays.asList("1.0 KB").contains(BagPackager.humanSize(1000)));
    }
}
