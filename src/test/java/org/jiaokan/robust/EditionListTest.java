package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An edition file that lists by XInclude a document no longer there: {@code publish} takes the documents of
 * {@code docs/}, so the edition went out without it and said nothing; {@code validate} refused the same file.
 */
class EditionListTest {
    @TempDir
    Path tmp;

    @Test
    void aListedDocumentThatIsGoneIsNamedAndTheRestPublished() throws Exception {
        Path ed = Files.createDirectories(tmp.resolve("ed"));
        Path docs = Files.createDirectories(ed.resolve("docs"));
        List<Path> kept;
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            kept = s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().toList();
        }
        for (Path p : kept) Files.copy(p, docs.resolve(p.getFileName().toString()));
        Files.copy(Path.of("tei/docs/registers.xml"), docs.resolve("registers.xml"));
        String edition = Files.readString(Path.of("tei/edition.xml"), StandardCharsets.UTF_8);
        String first = "<xi:include href=\"docs/" + kept.get(0).getFileName() + "\"/>";
        assertTrue(edition.contains(first), edition);
        Files.writeString(ed.resolve("edition.xml"), edition.replace(first, first + "\n  <xi:include href=\"docs/gone.xml\"/>"),
                StandardCharsets.UTF_8);

        Path out = tmp.resolve("site");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html", "-o", out.toString(), ed.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.errLines().stream().filter(l -> l.contains("docs/gone.xml")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(ed.resolve("edition.xml").toString()) && lines.get(0).contains("not there"), lines.get(0));
        for (Path p : kept) {
            String id = p.getFileName().toString().replaceFirst("\\.xml$", "");
            assertTrue(Files.isRegularFile(out.resolve("doc").resolve(id + ".html")), id + " published");
        }

        CliRun check = CliRun.of("validate", "--no-tei-all", ed.resolve("edition.xml").toString());
        assertNotEquals(0, check.exit(), "validate refuses the same edition file: " + check.err());
    }
}
