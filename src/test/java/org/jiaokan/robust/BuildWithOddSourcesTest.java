package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edition whose sources/ holds odd files: each is reported, and the rest of the edition is built. */
class BuildWithOddSourcesTest {
    @TempDir
    Path tmp;

    /** A new edition folder {@code name} with the example edition's header and an empty sources/ folder: its sources/. */
    private Path sources(String name) throws Exception {
        Path edition = Files.createDirectories(tmp.resolve(name));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        return Files.createDirectories(edition.resolve("sources"));
    }

    /** A notice of flood work, a good source beside a bad one. */
    private static void good(Path sources) throws Exception {
        Files.writeString(sources.resolve("good.txt"), "关于做好防汛工作的通知\n各有关单位：\n请认真落实。\n");
    }

    @Test
    void oddSourcesAreReportedAndTheRestIsBuilt() throws Exception {
        Path edition = Files.createDirectories(tmp.resolve("ed"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Path sources = Files.createDirectories(edition.resolve("sources"));
        Files.writeString(sources.resolve("good.txt"), "关于做好安全工作的通知\n各有关单位：\n请认真落实。\n");
        Path empty = Files.createFile(sources.resolve("empty.txt"));
        Path blob = Files.write(sources.resolve("blob.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff, 0});
        Path tei = Files.writeString(sources.resolve("old.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        Path folder = Files.createDirectories(sources.resolve("attachments"));
        Files.writeString(sources.resolve(".DS_Store"), "system file");

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.errLines();
        assertEquals(List.of(
                "jiaokan: error: " + blob + ": binary data, not text",
                "jiaokan: error: " + empty + ": empty file",
                "jiaokan: error: " + tei + ": unsupported file type: TEI XML, already an edition document (convert takes raw sources)",
                "jiaokan: notice: " + folder + " is not a file; skipped"), lines);
        assertEquals(List.of(edition.resolve("docs").resolve("jk-good.xml")), Cli.teiFiles(edition.resolve("docs")));
        assertTrue(Files.readString(edition.resolve("edition.xml")).contains("docs/jk-good.xml"), "the built document is listed");
        assertTrue(Files.isRegularFile(edition.resolve("docs").resolve("registers.xml")));
    }

    /**
     * A source whose name holds two dots: its document's register entries carry its id ({@code org-司法局--jk-a..b}),
     * and their pages are written like the others (the whole site stopped at the first of them, with exit 2).
     */
    @Test
    void aSourceNamedWithTwoDotsIsPublishedWithItsEntries() throws Exception {
        Path sources = sources("dots");
        Path edition = sources.getParent();
        // the example source that names an organisation by the document (司法局 of its county)
        Files.copy(Path.of("tei", "sources", "002_a7b1ffc6616cccb3.txt"), sources.resolve("a..b.txt"));
        good(sources);
        Path site = tmp.resolve("dots-site");

        CliRun r = CliRun.of("build", "-q", "--formats", "html", "-o", site.toString(), edition.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(site.resolve("doc/jk-a..b.html")), "the document's page");
        assertTrue(Files.isRegularFile(site.resolve("doc/jk-good.html")), "the other document's page");
        try (java.util.stream.Stream<Path> pages = Files.list(site.resolve("org"))) {
            assertTrue(pages.anyMatch(p -> p.getFileName().toString().contains("jk-a..b")), "an entry page of the document's own names");
        }
        assertTrue(Files.isDirectory(site.resolve("assets")), "the site's assets");
        assertTrue(Files.isDirectory(site.resolve("search")), "the search index");
    }

    /**
     * A web page kept as a source, scripts and all: its copy in the site is named so that a server sends it as text,
     * byte for byte, and the document's page links that copy.
     */
    @Test
    void aWebPageSourceIsPublishedAsText() throws Exception {
        Path sources = sources("web");
        Path edition = sources.getParent();
        byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>关于做好安全工作的通知</title>"
                + "<script>alert('t')</script></head><body><h1>关于做好安全工作的通知</h1><p>各有关单位：请认真落实。"
                + "<img src=x onerror=alert(2)></p></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(sources.resolve("xss.html"), page);
        good(sources);
        Path site = tmp.resolve("web-site");

        CliRun r = CliRun.of("build", "-q", "--formats", "html", "-o", site.toString(), edition.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(java.util.Arrays.equals(page, Files.readAllBytes(site.resolve("src/xss.html.txt"))), "the source byte for byte");
        assertTrue(Files.notExists(site.resolve("src/xss.html")), "the source as a page of the site");
        assertTrue(Files.readString(site.resolve("doc/jk-xss.html")).contains("href=\"../src/xss.html.txt\" download=\"xss.html\""),
                "the page links the copy, to be saved under the source's own name");
        assertTrue(Files.isRegularFile(site.resolve("src/good.txt")), "a text source under its own name");
        assertTrue(Files.readString(site.resolve("doc/jk-good.html")).contains("href=\"../src/good.txt\""));
    }

    /**
     * Sources named with a percent sign, a hash and a backslash: each is copied under src/ byte for byte and linked
     * from its page by an address that leads to that copy ({@code 50%25.txt} was linked as {@code ../src/50%25.txt},
     * which a browser asks for as {@code 50%.txt}; a backslash, a separator in URLs and on Windows, had no copy and no
     * link), and {@code package} deposits them under their own names (it stopped at the backslash).
     */
    @Test
    void sourcesNamedWithPercentHashOrBackslashAreCopiedLinkedAndPackaged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("/".equals(java.nio.file.FileSystems.getDefault().getSeparator()),
                "a backslash is a character of a file name only where the separator is /");
        Path sources = sources("names");
        Path edition = sources.getParent();
        good(sources);
        Files.writeString(sources.resolve("50%25.txt"), "关于做好森林防火工作的通知\n各有关单位：\n请认真落实。\n");
        Files.writeString(sources.resolve("a\\b.txt"), "关于做好消防安全工作的通知\n各有关单位：\n请认真落实。\n");
        Files.writeString(sources.resolve("c#d.txt"), "关于做好道路安全工作的通知\n各有关单位：\n请认真落实。\n");
        Path site = tmp.resolve("names-site");

        CliRun r = CliRun.of("build", "-q", "--formats", "html", "-o", site.toString(), edition.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        for (String[] c : new String[][] {{"50%25.txt", "50%2525.txt", "50%252525.txt"}, {"a\\b.txt", "a%5Cb.txt", "a%255Cb.txt"},
                {"c#d.txt", "c#d.txt", "c%23d.txt"}}) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(sources.resolve(c[0])), Files.readAllBytes(site.resolve("src").resolve(c[1]))),
                    c[0] + ": its copy " + c[1]);
            String docPage;
            try (java.util.stream.Stream<Path> pages = Files.list(site.resolve("doc"))) {
                docPage = pages.map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).filter(h -> h.contains("href=\"../src/" + c[2] + "\"")).findFirst().orElse(null);
            }
            assertTrue(docPage != null, c[0] + ": a page links ../src/" + c[2]);
            // the link, resolved as a browser resolves it, names the copy
            java.net.URI base = site.resolve("doc/page.html").toUri();
            assertEquals(site.resolve("src").resolve(c[1]), Path.of(base.resolve("../src/" + c[2])));
        }

        // No BagIt manifest can list a backslash (RFC 8493 reads it as a separator): the file is named, no bag made.
        Path bag = tmp.resolve("names-bag");
        CliRun refused = CliRun.of("package", "-o", bag.toString(), "--site", site.toString(), edition.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertEquals(List.of("jiaokan: error: " + sources.resolve("a\\b.txt")
                + ": a backslash in a file name is a path separator to BagIt (RFC 8493); rename the file to package it",
                "jiaokan: error: " + bag + ": not written"), refused.errLines());
        assertTrue(Files.notExists(bag));

        Files.move(sources.resolve("a\\b.txt"), sources.resolve("a-b.txt"));
        CliRun p = CliRun.of("package", "-o", bag.toString(), "--site", site.toString(), edition.toString());
        assertEquals(0, p.exit(), p.err());
        String manifest = Files.readString(bag.resolve("manifest-sha256.txt"));
        assertTrue(manifest.contains("  data/sources/50%2525.txt\n"), "RFC 8493 writes % as %25 in a manifest's paths: " + manifest);
        assertTrue(manifest.contains("  data/site/src/50%252525.txt\n"), manifest);
        assertTrue(manifest.contains("  data/site/src/a%255Cb.txt\n"), "the site's copy of the renamed source, named without a backslash");
        CliRun v = CliRun.of("verify", bag.toString());
        assertEquals(0, v.exit(), v.err());
        Files.delete(bag.resolve("data/sources/50%25.txt"));
        CliRun broken = CliRun.of("verify", bag.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("data/sources/50%25.txt: missing"), broken.err());
    }

    /**
     * A named pipe and a link to nothing among the sources: each one error line, as convert gives them, and exit 1 (a
     * pipe was a notice with exit 0); the build neither opens the pipe nor waits on it; a folder is still a notice.
     */
    @Test
    void aPipeAmongTheSourcesIsAnErrorLine() throws Exception {
        Path sources = sources("pipe");
        Path edition = sources.getParent();
        good(sources);
        Path pipe = sources.resolve("pipe.txt");
        Process mk = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "skipped: mkfifo is not at hand");
        Path dangling = Files.createSymbolicLink(sources.resolve("gone.txt"), sources.resolve("nowhere.txt"));
        Path folder = Files.createDirectories(sources.resolve("attachments"));

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(
                "jiaokan: error: " + dangling + ": cannot read: a link to nothing",
                "jiaokan: error: " + pipe + ": cannot read: not a regular file",
                "jiaokan: notice: " + folder + " is not a file; skipped"), r.errLines());
        assertEquals(List.of(edition.resolve("docs").resolve("jk-good.xml")), Cli.teiFiles(edition.resolve("docs")));
    }

    /** An edition file with a DOCTYPE (and an external entity in it) is refused in words, nothing fetched. */
    @Test
    void anEditionFileWithADoctypeIsRefusedInWords() throws Exception {
        Path edition = Files.createDirectories(tmp.resolve("doctype"));
        String header = Files.readString(Path.of("tei", "edition.xml"));
        int root = header.indexOf("<teiCorpus");
        Path file = Files.writeString(edition.resolve("edition.xml"), header.substring(0, root)
                + "<!DOCTYPE teiCorpus [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n" + header.substring(root));
        Files.createDirectories(edition.resolve("sources"));

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("jiaokan: error: " + file + ": a DOCTYPE is not allowed at line "), line);
        assertTrue(line.endsWith(" (DTDs and entities are never loaded)"), line);
    }

    /** A source whose name holds a line end: its error is one line, the line end written as an escape. */
    @Test
    void aNameWithALineEndIsOneLine() throws Exception {
        Path sources = sources("names");
        Path edition = sources.getParent();
        good(sources);
        Path bad;
        try {
            bad = Files.createFile(sources.resolve("bad\njiaokan: error: forged.txt"));
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("skipped: the file system takes no line end in a name");
            return;
        }

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + bad.toString().replace("\n", "\\n") + ": empty file"), r.errLines());
    }

    /**
     * A TEI file an editor nested thousands deep: the build names that file, leaves it as it is, and does not call it
     * a file without a source (it named the source, as if the source were at fault, and the file an orphan).
     */
    @Test
    void aTeiFileNestedTooDeeplyIsNamedAndLeftAsItIs() throws Exception {
        Path sources = sources("deep");
        Path edition = sources.getParent();
        good(sources);
        assertEquals(0, CliRun.of("build", "-q", "--no-site", edition.toString()).exit());
        Path tei = edition.resolve("docs").resolve("jk-good.xml");
        String text = Files.readString(tei);
        int p = text.indexOf("<p ", text.indexOf("<body"));
        int inside = text.indexOf('>', p) + 1;
        Files.writeString(tei, text.substring(0, inside) + "<hi>".repeat(20_000) + "深" + "</hi>".repeat(20_000) + text.substring(inside));
        byte[] edited = Files.readAllBytes(tei);

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + sources.resolve("good.txt") + ": its TEI file " + tei
                + " has elements nested too deeply to merge with this conversion (thousands of levels); the file is left as it is"), r.errLines());
        assertTrue(java.util.Arrays.equals(edited, Files.readAllBytes(tei)), "the editor's file as it was");
    }

    /**
     * An editor gave a second block the id of the first: the build names the TEI file and the id, and leaves the file
     * as it is. The merge found blocks by their ids, kept the second block as the editor's version of the first and
     * wrote the first again from the source's second paragraph: the first paragraph's text was gone from the TEI.
     */
    @Test
    void aTeiFileWithOneIdOnTwoBlocksIsNamedAndLeftAsItIs() throws Exception {
        Path sources = sources("twice");
        Path edition = sources.getParent();
        Files.writeString(sources.resolve("good.txt"), "关于做好防汛工作的通知\n各有关单位：\n请认真落实防汛责任。\n做好物资储备工作。\n");
        assertEquals(0, CliRun.of("build", "-q", "--no-site", edition.toString()).exit());
        Path tei = edition.resolve("docs").resolve("jk-good.xml");
        String text = Files.readString(tei);
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<p xml:id=\"([^\"]+)\">").matcher(text.substring(text.indexOf("<body")));
        assertTrue(ids.find());
        String first = ids.group(1);
        assertTrue(ids.find());
        String second = ids.group(1);
        Files.writeString(tei, text.replace("<p xml:id=\"" + second + "\">", "<p xml:id=\"" + first + "\">"));
        byte[] edited = Files.readAllBytes(tei);

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + sources.resolve("good.txt") + ": its TEI file " + tei + " has the xml:id \""
                + first + "\" on more than one element, so an editor's blocks cannot be told apart; the file is left as it is"
                + " (make the ids unique)"), r.errLines());
        assertTrue(java.util.Arrays.equals(edited, Files.readAllBytes(tei)), "the editor's file as it was");
    }

    /**
     * Registers edited by hand: an entry added with only a name is kept (it was dropped without a word), and an id given
     * to two entries of one kind is named and the file left as it is (the later entry replaced the editor's earlier one).
     */
    @Test
    void anEditorsRegisterEntriesAreKeptAndARepeatedIdIsNamed() throws Exception {
        Path sources = sources("registers");
        Path edition = sources.getParent();
        Files.copy(Path.of("tei", "sources", "002_a7b1ffc6616cccb3.txt"), sources.resolve("a.txt"));
        assertEquals(0, CliRun.of("build", "-q", "--no-site", edition.toString()).exit());
        Path registers = edition.resolve("docs").resolve("registers.xml");
        String text = Files.readString(registers);
        Files.writeString(registers, text.replaceFirst("(<listPerson>)", "$1<person xml:id=\"per-编者丙\"><persName xml:lang=\"zh-Hans\">编者丙</persName></person>"));
        CliRun kept = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, kept.exit(), kept.err());
        assertTrue(Files.readString(registers).contains("编者丙"), "the editor's entry is kept");

        String again = Files.readString(registers);
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("<person xml:id=\"(per-[^\"]+)\">").matcher(again);
        assertTrue(first.find());
        String twice = again.replaceFirst("(<listPerson>)", "$1<person xml:id=\"" + first.group(1) + "\"><persName>编者的另一条</persName></person>");
        Files.writeString(registers, twice);
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + registers + ": the xml:id \"" + first.group(1) + "\" is on two register entries,"
                + " so one would replace the other; the file is left as it is (make the ids unique)"), r.errLines());
        assertEquals(twice, Files.readString(registers), "the file as the editor left it");
    }
}
