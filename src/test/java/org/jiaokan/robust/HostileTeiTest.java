package org.jiaokan.robust;

import com.sun.net.httpserver.HttpServer;
import org.jiaokan.cli.CliRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEI that attacks publish and validate: not well-formed, external entities and DTDs (a local
 * file with a secret and a local server that counts its hits), entity bombs, ids and targets that
 * try to leave the output folder, markup, script URLs and event handlers in text and attributes.
 */
class HostileTeiTest {
    private static final String SECRET = "SECRET-MARKER-7f3a";
    private static final String TEI = "http://www.tei-c.org/ns/1.0";

    @TempDir
    static Path tmp;
    private static HttpServer server;
    private static final AtomicInteger hits = new AtomicInteger();
    private static Path secret;
    private static String url;

    @BeforeAll
    static void probe() throws Exception {
        secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] b = ("<!ENTITY y \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String tei(String title, String body) {
        return "<TEI xmlns=\"" + TEI + "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><teiHeader><fileDesc><titleStmt><title>" + title
                + "</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
                + "<text><body>" + body + "</body></text></TEI>";
    }

    /** Every file under {@code dir}, as text, for the secret. */
    private static void noSecretIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(SECRET), p + " holds the secret");
            }
        }
    }

    @Test
    void externalEntitiesDtdsAndIncludesAreNeverResolved() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("xxe"));
        List<Path> files = List.of(
                Files.writeString(in.resolve("file-entity.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \""
                        + secret.toUri() + "\">]>\n" + tei("&x;", "<p>&x;</p>")),
                Files.writeString(in.resolve("net-entity.xml"), "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"" + url + "e\">]>" + tei("t", "<p>&x;</p>")),
                Files.writeString(in.resolve("param-entity.xml"), "<!DOCTYPE TEI [<!ENTITY % p SYSTEM \"" + url + "p\"> %p;]>" + tei("t", "<p>&y;</p>")),
                Files.writeString(in.resolve("external-dtd.xml"), "<!DOCTYPE TEI SYSTEM \"" + url + "dtd\">" + tei("t", "<p>正文</p>")),
                Files.writeString(in.resolve("public-dtd.xml"), "<!DOCTYPE TEI PUBLIC \"-//X//DTD X//EN\" \"" + secret.toUri() + "\">"
                        + tei("t", "<p>正文</p>")));
        Path site = tmp.resolve("xxe-site");
        CliRun p = CliRun.of("publish", "-q", "-o", site.toString(), in.toString());
        assertEquals(1, p.exit(), p.err());
        assertEquals(files.size(), p.errLines().size(), p.err());
        for (String line : p.errLines()) {
            assertTrue(line.matches("jiaokan: error: .*\\.xml: a DOCTYPE is not allowed at line \\d+, column \\d+ \\(DTDs and entities are never loaded\\)"), line);
        }
        CliRun v = CliRun.of("validate", "--no-tei-all", files.get(0).toString(), files.get(1).toString(), files.get(2).toString(),
                files.get(3).toString(), files.get(4).toString());
        assertEquals(1, v.exit());
        assertEquals(files.size(), v.errLines().size(), v.err());
        // XIncludes that point at a local file outside the folder or at the network are not followed either.
        Path inc = Files.writeString(in.resolve("include.xml"), tei("t", "<p>正文</p><xi:include href=\"" + secret.toUri()
                + "\" parse=\"text\"/><xi:include href=\"" + url + "inc\" parse=\"text\"/><xi:include href=\"../secret.txt\" parse=\"text\"/>"));
        CliRun vi = CliRun.of("validate", "--no-tei-all", inc.toString());
        CliRun pi = CliRun.of("publish", "-q", "-o", tmp.resolve("inc-site").toString(), inc.toString());
        for (CliRun r : List.of(p, v, vi, pi)) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        noSecretIn(site);
        noSecretIn(tmp.resolve("inc-site"));
        assertEquals(0, hits.get(), "the local server was asked for an entity or DTD");
    }

    /**
     * An XInclude of a link inside the folder that leads out of it (to a file, to a folder) is refused like one that
     * names the outside file, without opening it; a document nested thousands deep is one error line, and the next
     * file is checked.
     */
    @Test
    void linksOutOfTheFolderAndDeepNestingAreRefusedInOneLine() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path leaked = Files.writeString(outside.resolve("leak.xml"), "<TEI xmlns=\"" + TEI + "\" xml:id=\"" + SECRET + "\"/>");
        Path in = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(in.resolve("sec.xml"), leaked);
        Files.createSymbolicLink(in.resolve("dir"), outside);
        Path inc = Files.writeString(in.resolve("inc.xml"), tei("t", "<p>正文</p><xi:include href=\"sec.xml\"/><xi:include href=\"sec.xml\"/>"));
        Path viaDir = Files.writeString(in.resolve("via-dir.xml"), tei("t", "<p>正文</p><xi:include href=\"dir/leak.xml\"/>"));
        Path deep = Files.writeString(in.resolve("deep.xml"), tei("t", "<p>" + "<hi>".repeat(10_000) + "深" + "</hi>".repeat(10_000) + "</p>"));
        Path fine = Files.writeString(in.resolve("fine.xml"), tei("t", "<p>正文</p>"));
        CliRun v = CliRun.of("validate", "--no-tei-all", inc.toString(), viaDir.toString(), deep.toString(), fine.toString());
        assertEquals(1, v.exit(), v.err());
        assertFalse(v.err().contains(SECRET) || v.out().contains(SECRET), v.err());
        assertFalse(v.err().contains("Exception") || v.err().contains("StackOverflow"), v.err());
        assertEquals(List.of(
                "jiaokan: error: " + inc + ": xi:include outside " + in + " refused: sec.xml (a link out of it)",
                "jiaokan: error: " + viaDir + ": xi:include outside " + in + " refused: dir/leak.xml (a link out of it)",
                "jiaokan: error: " + deep + ": elements nested too deeply to check (thousands of levels); not checked"), v.errLines());
        assertTrue(v.out().contains(fine + ": valid"), v.out());
    }

    @Test
    void entityBombsAreRefusedAtOnce() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("bombs"));
        StringBuilder laughs = new StringBuilder("<!DOCTYPE TEI [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        laughs.append("]>");
        Path billion = Files.writeString(in.resolve("billion-laughs.xml"), laughs + tei("&l10;", "<p>&l10;</p>"));
        String big = "哈".repeat(50_000);
        Path quadratic = Files.writeString(in.resolve("quadratic.xml"), "<!DOCTYPE TEI [<!ENTITY a \"" + big + "\">]>"
                + tei("t", "<p>" + "&a;".repeat(50_000) + "</p>"));
        // What a run costs without any bomb (setting up the stylesheets and FOP, on a machine that may be busy):
        // refusing a bomb may add at most three seconds to it; expanding one would take minutes or the heap.
        Path plain = Files.writeString(in.resolve("plain.xml"), "<!-- no DOCTYPE --><x/>");
        long[] base = new long[2];
        for (int k = 0; k < 2; k++) {
            long t0 = System.nanoTime();
            CliRun.of("validate", "--no-tei-all", plain.toString());
            CliRun.of("publish", "-q", "-o", tmp.resolve("plain-site").toString(), plain.toString());
            base[k] = (System.nanoTime() - t0) / 1_000_000;
        }
        long baseline = Math.min(base[0], base[1]);
        for (Path bomb : List.of(billion, quadratic)) {
            long t0 = System.nanoTime();
            CliRun v = CliRun.of("validate", "--no-tei-all", bomb.toString());
            CliRun p = CliRun.of("publish", "-q", "-o", tmp.resolve("bomb-site").toString(), bomb.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(1, v.exit(), v.err());
            assertEquals(1, p.exit(), p.err());
            assertEquals(1, v.errLines().size(), v.err());
            assertEquals(1, p.errLines().size(), p.err());
            assertTrue(ms < baseline + 3000, bomb.getFileName() + " took " + ms + " ms to refuse (validate and publish), a run without it "
                    + baseline + " ms");
        }
    }

    @Test
    void notWellFormedXmlIsReportedWithLineAndColumn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("nwf"));
        Path bad = Files.writeString(in.resolve("未闭合 (1).xml"), "<TEI xmlns=\"" + TEI + "\">\n<text><body>\n<p>正文<p>\n</body></text></TEI>\n");
        Path good = Files.writeString(in.resolve("good.xml"), tei("好文档", "<p xml:id=\"p-1\">正文。</p>"));
        CliRun p = CliRun.of("publish", "-q", "-o", tmp.resolve("nwf-site").toString(), in.toString());
        assertEquals(1, p.exit());
        assertEquals(List.of("jiaokan: error: " + bad + ": not well-formed XML at line 4, column 3: "
                + "The element type \"p\" must be terminated by the matching end-tag \"</p>\"."), p.errLines());
        assertTrue(Files.isRegularFile(tmp.resolve("nwf-site/doc/good.html")), "the other file is published");
        CliRun v = CliRun.of("validate", "--no-tei-all", bad.toString(), good.toString());
        assertEquals(1, v.exit());
        assertTrue(v.errLines().get(0).startsWith("jiaokan: error: " + bad + ": not well-formed XML at line 4, column 3: "), v.err());
        assertTrue(v.out().contains(good + ": valid"), v.out());
    }

    @Test
    void idsTargetsAndNamesThatTryToLeaveTheOutputFolderWriteNothingOutsideIt() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("escape"));
        Path in = Files.createDirectories(root.resolve("in"));
        String[] evil = {"../../evil-a", "/tmp/evil-b", "..\\..\\evil-c", "doc/../../evil-d", "%2e%2e/evil-e"};
        StringBuilder persons = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < evil.length; i++) {
            persons.append("<person xml:id=\"").append(evil[i]).append("\"><persName>张").append(i).append("</persName></person>");
            body.append("<p xml:id=\"").append(evil[i]).append("-p\">见<persName ref=\"#").append(evil[i]).append("\">张").append(i)
                    .append("</persName>，<ref target=\"").append(evil[i]).append(".html\">链接</ref>。</p>");
        }
        Files.writeString(in.resolve("registers.xml"), tei("名录", "<listPerson>" + persons + "</listPerson>"));
        for (int i = 0; i < evil.length; i++) {
            Files.writeString(in.resolve("d" + i + ".xml"), tei("文档" + i, body.toString())
                    .replace("<publicationStmt><p/>", "<publicationStmt><idno type=\"jiaokan\">" + evil[i] + "</idno>"));
        }
        Path site = root.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "-o", site.toString(), in.toString());
        assertTrue(r.exit() <= 1, r.err());
        // Beside the site only the publish manifest's folder, whose files have names of Jiaokan's own (digests).
        Path manifest = org.jiaokan.publish.PublishManifest.folder(site);
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> outside = s.filter(p -> !p.startsWith(site) && !p.startsWith(in) && !p.equals(root))
                    .filter(p -> !p.equals(manifest) && !p.equals(manifest.resolve("search")) && !p.equals(manifest.resolve("summaries"))
                            && !p.equals(manifest.resolve(org.jiaokan.publish.PublishManifest.NAME))
                            && !p.equals(manifest.resolve("code-identity")) && !p.equals(manifest.resolve("digests"))
                            && !p.equals(manifest.resolve("register-keys")) && !p.equals(manifest.resolve("register-entries"))
                            && !((p.getParent().equals(manifest.resolve("search")) || p.getParent().equals(manifest.resolve("summaries")))
                                    && p.getFileName().toString().matches("[0-9a-f]{64}")))
                    .toList();
            assertEquals(List.of(), outside, "written outside the site folder");
        }
        assertFalse(Files.exists(Path.of("/tmp/evil-b.html")) || Files.exists(Path.of("/tmp/evil-b")));
        for (int i = 0; i < evil.length; i++) assertTrue(Files.isRegularFile(site.resolve("doc/d" + i + ".html")), "d" + i + " is published under its file name");
    }

    /**
     * A register id and a document identifier of 90 Han characters (270 bytes, over the 255 a file system takes in a
     * name): the entry gets no page and the document is named by its file, and the rest of the site is made (the
     * file system refused the entry's page, which stopped the site with exit 2: no register indexes, no search index).
     */
    @Test
    void idsTooLongForAFileNameAreNotPageNames() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("long-ids"));
        String person = "per-" + "长".repeat(90);
        Files.writeString(in.resolve("registers.xml"), tei("名录", "<listPerson><person xml:id=\"" + person + "\"><persName>长名</persName></person>"
                + "<person xml:id=\"per-王明\"><persName>王明</persName></person></listPerson>"));
        Files.writeString(in.resolve("d1.xml"), tei("文档一", "<p>见<persName ref=\"registers.xml#" + person + "\">长名</persName>与"
                + "<persName ref=\"registers.xml#per-王明\">王明</persName>。</p>")
                .replace("<publicationStmt><p/>", "<publicationStmt><idno type=\"jiaokan\">" + "文".repeat(90) + "</idno>"));
        Path site = tmp.resolve("long-ids-site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", site.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(site.resolve("doc/d1.html")), "the document under its file's name");
        assertTrue(Files.isRegularFile(site.resolve("person/per-王明.html")), "the other entry's page");
        assertTrue(Files.isRegularFile(site.resolve("persons.html")), "the register's index");
        assertTrue(Files.isDirectory(site.resolve("search")), "the search index");
        assertTrue(Files.readString(site.resolve("doc/d1.html")).contains("长名"), "the name is still in the text");
    }

    /** Markers in the source that must never become elements or attributes of a page. */
    private static final String INJECTED = "jkinj";

    @Test
    void everyPageKeepsSourceStringsAsTextAndDropsScriptUrls() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("xss"));
        List<String> urls = List.of("javascript:alert(1)", "JaVaScRiPt:alert(2)", "  javascript:alert(3)", "java\tscript:alert(4)",
                "java&#x0A;script:alert(5)", "&#106;avascript:alert(6)", "\u0001javascript:alert(7)", "data:text/html;base64,PHNjcmlwdD4=",
                "DATA:text/html,<b>x</b>", "vbscript:msgbox(8)", " VBScript:msgbox(9)", "jav&#x09;ascript:alert(10)");
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (String u : urls) {
            String attr = u.replace("<", "&lt;").replace("\u0001", "&#x9;");
            n++;
            body.append("<p xml:id=\"x-").append(n).append("\"><ref target=\"").append(attr).append("\">链接").append(n).append("</ref>")
                    .append("<ptr target=\"").append(attr).append("\"/><graphic url=\"").append(attr).append("\"/>")
                    .append("<persName ref=\"").append(attr).append("\">某").append(n).append("</persName></p>");
        }
        String markup = "&lt;" + INJECTED + "-a id=\"" + INJECTED + "1\"&gt;&lt;script&gt;alert('" + INJECTED + "')&lt;/script&gt;"
                + "&lt;img src=x onerror=alert(1) class=" + INJECTED + "&gt;&lt;svg onload=alert(2)&gt;&lt;iframe src=javascript:alert(3)&gt;"
                + "\"&gt;&lt;b onclick=\"alert(4)\" data-" + INJECTED + "=\"1\"&gt;]]&gt;&lt;!--";
        body.append("<p xml:id=\"m-1\" rend=\"&quot; onmouseover=&quot;alert(11)\" style=\"background:url(javascript:alert(12))\">")
                .append(markup).append("<hi rend=\"x' onfocus='alert(13)\">强调").append(markup).append("</hi>")
                .append("<note place=\"foot\" n=\"&quot;&gt;&lt;b class=" + INJECTED + "&gt;\">注").append(markup).append("</note>")
                .append("<date when=\"2019-06-12&quot; onclick=&quot;x\">2019年</date></p>")
                .append("<p xml:id=\"m-2\" onclick=\"alert(14)\" xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert('" + INJECTED
                        + "')</h:script><h:a href=\"javascript:alert(15)\" class=\"" + INJECTED + "\">h</h:a>正文</p>");
        String header = "<TEI xmlns=\"" + TEI + "\"><teiHeader><fileDesc><titleStmt><title>标题" + markup + "</title><author>" + markup
                + "</author></titleStmt><publicationStmt><idno type=\"URI\">javascript:alert(16)</idno><idno type=\"jiaokan\">xss</idno>"
                + "</publicationStmt><sourceDesc><bibl><title>" + markup + "</title><idno type=\"URI\"> jAvAsCrIpT:alert(17)</idno>"
                + "<ref target=\"data:text/html,x\">来源</ref></bibl></sourceDesc></fileDesc>"
                + "<profileDesc><textClass><keywords><term>" + markup + "</term></keywords></textClass></profileDesc></teiHeader>";
        Files.writeString(in.resolve("xss.xml"), header + "<text><body><head>" + markup + "</head>" + body + "</body></text></TEI>");
        Files.writeString(in.resolve("registers.xml"), tei("名录", "<listPerson><person xml:id=\"per-1\"><persName>" + markup
                + "</persName><note>" + markup + "</note><idno type=\"URI\">javascript:alert(18)</idno></person></listPerson>"
                + "<listPlace><place xml:id=\"pla-1\"><placeName>" + markup + "</placeName></place></listPlace>"));
        Path site = tmp.resolve("xss-site");
        CliRun r = CliRun.of("publish", "-q", "-o", site.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> problems = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                pages++;
                problems.addAll(unsafe(site.relativize(p).toString(), Jsoup.parse(p.toFile(), "UTF-8")));
            }
        }
        assertTrue(pages >= 8, "pages checked: " + pages);
        assertEquals(List.of(), problems);
        String doc = Files.readString(site.resolve("doc/xss.html"));
        assertTrue(doc.contains("&lt;script&gt;alert('" + INJECTED + "')&lt;/script&gt;"), "the markup is shown as text");
    }

    @Test
    void thePageCheckFindsWhatItLooksFor() {
        for (String bad : List.of("<a href=' JaVa\tscript:x'>a</a>", "<p onclick=x>p</p>", "<jkinj-a>x</jkinj-a>", "<b class='c jkinj'>b</b>",
                "<script>alert(1)</script>", "<img src=x>", "<a href='data:text/html,x'>d</a>", "<svg></svg>", "<p style='background:url(javascript:x)'>s</p>")) {
            assertFalse(unsafe("t", Jsoup.parse(bad)).isEmpty(), bad);
        }
        assertEquals(List.of(), unsafe("t", Jsoup.parse("<p title='&lt;jkinj-a onclick=x&gt; javascript:'>text &lt;script&gt;</p><a href='doc/a.html'>a</a>")));
    }

    /** What in a parsed page could run or came from a source as markup. */
    static List<String> unsafe(String page, Document d) {
        List<String> out = new ArrayList<>();
        for (Element e : d.getAllElements()) {
            String tag = e.tagName().toLowerCase(Locale.ROOT);
            if (tag.contains(INJECTED) || List.of("iframe", "object", "embed", "svg", "math", "base", "frame", "applet", "img").contains(tag)) {
                out.add(page + ": element " + tag);
            }
            if (tag.equals("script") && !(e.hasAttr("src") ? e.attr("src").matches("(\\.\\./)*assets/[A-Za-z0-9.-]+\\.js")
                    : e.data().startsWith("(function(){var d=document.documentElement"))) {
                out.add(page + ": script not of the theme: " + e.outerHtml());
            }
            if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) out.add(page + ": meta refresh");
            e.attributes().forEach(a -> {
                String k = a.getKey().toLowerCase(Locale.ROOT);
                String v = a.getValue();
                if (k.startsWith("on")) out.add(page + ": event handler " + a);
                // A source string may be an attribute's value (a title, a filter value): it is text there.
                // It must not have become an attribute of its own, or an id or class from its markup.
                if (k.contains(INJECTED) || (k.equals("id") && v.equals(INJECTED + "1"))
                        || (k.equals("class") && List.of(v.split("\\s+")).contains(INJECTED))) {
                    out.add(page + ": attribute from the source " + a);
                }
                if (List.of("href", "src", "action", "formaction", "xlink:href", "poster", "srcdoc", "data", "cite", "background").contains(k)
                        || k.equals("style")) {
                    String plain = v.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
                    if (plain.matches("(?s).*(javascript|vbscript):.*") || plain.startsWith("data:")) {
                        out.add(page + ": script URL " + a);
                    }
                }
            });
        }
        return out;
    }
}
