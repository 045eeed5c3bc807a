package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An edition's own theme that tries to read the machine: a file, the environment, a folder's listing, an external
 * entity through parse-xml, a theme file that is a link out of the edition. None of it reaches the output; the theme
 * read /etc/passwd, $HOME and folders into its pages before.
 */
class HostileThemeTest {
    private static final String SECRET = "SECRET-THEME-4d2b";

    @TempDir
    Path tmp;

    /** A copy of the example edition (its documents, no sources) whose site.xsl writes {@code leak.html} from {@code expr}. */
    private Path edition(String name, String expr) throws Exception {
        Path ed = Files.createDirectories(tmp.resolve(name));
        Files.copy(Path.of("tei/edition.xml"), ed.resolve("edition.xml"));
        Path docs = Files.createDirectories(ed.resolve("docs"));
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            for (Path p : s.toList()) Files.copy(p, docs.resolve(p.getFileName().toString()));
        }
        String site = Files.readString(Path.of("site/xslt/html/site.xsl"), StandardCharsets.UTF_8);
        String main = "<xsl:template name=\"main\">";
        assertTrue(site.contains(main));
        site = site.replace(main, main + "<xsl:if test=\"$part = 0\"><xsl:result-document href=\"leak.html\"><html><body><p>"
                + "<xsl:value-of select=\"" + expr + "\"/></p></body></html></xsl:result-document></xsl:if>");
        Path theme = Files.createDirectories(ed.resolve("site/xslt/html"));
        Files.writeString(theme.resolve("site.xsl"), site, StandardCharsets.UTF_8);
        return ed;
    }

    private static void noSecretIn(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(SECRET), p + " holds the secret");
            }
        }
    }

    @Test
    void theEnvironmentIsNotSeen() throws Exception {
        Path ed = edition("env", "string-join((environment-variable('HOME'), string(count(available-environment-variables())),"
                + " string(unparsed-text-available('" + tmp.toUri() + "secret.txt'))), '|')");
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Path out = tmp.resolve("env-out");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), ed.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("leak.html")).contains("<p>0|false</p>"), Files.readString(out.resolve("leak.html")));
    }

    @Test
    void filesFoldersAndEntitiesAreNotRead() throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        String secret = tmp.resolve("secret.txt").toUri().toString();
        for (String expr : new String[] {"unparsed-text('" + secret + "')", "string-join(unparsed-text-lines('" + secret + "'))",
                "string-join(uri-collection('" + tmp.toUri() + "') ! string(.))", "count(collection('" + tmp.toUri() + "'))",
                "parse-xml('&lt;!DOCTYPE a [&lt;!ENTITY e SYSTEM &quot;" + secret + "&quot;&gt;]&gt;&lt;a&gt;&amp;e;&lt;/a&gt;')"}) {
            Path ed = edition("f" + Math.abs(expr.hashCode()), expr);
            Path out = tmp.resolve("out-" + Math.abs(expr.hashCode()));
            CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), ed.toString());
            assertFalse(r.err().contains(SECRET), r.err());
            noSecretIn(out);
            // a file read is refused; the entity of a parsed string is not expanded (the parser's own refusal)
            if (!expr.startsWith("parse-xml")) assertNotEquals(0, r.exit(), expr + " was allowed");
        }
    }

    @Test
    void aPageTheThemeFailsInsideIsNotLeftCut() throws Exception {
        // the page's start is made before the failure: written on its close, it was left in the site as far as it went
        Path ed = edition("cut", "error(QName('urn:x', 'cut'), 'the theme failed midway')");
        Path out = tmp.resolve("cut-out");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), ed.toString());
        assertNotEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("the theme failed midway"), r.err());
        assertFalse(Files.exists(out.resolve("leak.html")), () -> "a cut page was written: " + read(out.resolve("leak.html")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aThemeFileThatLinksOutOfTheEditionIsNotPublished() throws Exception {
        Path ed = Files.createDirectories(tmp.resolve("link"));
        Files.copy(Path.of("tei/edition.xml"), ed.resolve("edition.xml"));
        Path docs = Files.createDirectories(ed.resolve("docs"));
        Files.copy(Path.of("tei/docs/jk-004_02a83077c9d50b2a.xml"), docs.resolve("jk-004_02a83077c9d50b2a.xml"));
        Files.copy(Path.of("tei/docs/registers.xml"), docs.resolve("registers.xml"));
        Path secret = Files.writeString(tmp.resolve("secret.js"), SECRET);
        Path js = Files.createDirectories(ed.resolve("site/js"));
        try {
            Files.createSymbolicLink(js.resolve("jiaokan.js"), secret);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here");
        }
        Path out = tmp.resolve("link-out");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), ed.toString());
        assertNotEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("jiaokan.js") && r.err().contains("link"), r.err());
        noSecretIn(out);
    }
}
