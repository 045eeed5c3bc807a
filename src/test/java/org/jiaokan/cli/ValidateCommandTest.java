package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jiaokan validate}: valid files pass, invalid ones are named with the reason, nothing is fetched. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void exampleEditionIsValidIncludingTheCorpusFile() throws Exception {
        TestSupport.teiAll();
        CliRun r = CliRun.of("validate", "tei/edition.xml", "tei/docs/registers.xml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("tei/edition.xml: valid (jiaokan.rng, tei_all.rng)"), r.out());
    }

    @Test
    void invalidFileIsNamedWithLineAndReason() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.xml"),
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><bogus/></body></text></TEI>");
        CliRun r = CliRun.of("validate", "--no-tei-all", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("jiaokan: error: " + bad + ":1:"), r.err());
        assertTrue(r.err().contains("(jiaokan.rng)"), r.err());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = Files.writeString(tmp.resolve("xxe.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE TEI [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>&x;</p></body></text></TEI>");
        CliRun r = CliRun.of("validate", "--no-tei-all", xxe.toString());
        assertEquals(1, r.exit());
        assertFalse(r.out().contains("TOP-SECRET") || r.err().contains("TOP-SECRET"));
        assertTrue(r.err().startsWith("jiaokan: error: " + xxe + ":"), r.err());
    }

    @Test
    void missingFileIsAnError() {
        CliRun r = CliRun.of("validate", "--no-tei-all", tmp.resolve("nope.xml").toString());
        assertEquals(1, r.exit());
        assertEquals("jiaokan: error: " + tmp.resolve("nope.xml") + ": no such file", r.err().strip());
    }
    @Test
    void anUnknownEncodingIsOneLineAndTheOtherFilesAreChecked() throws Exception {
        // the parser's UnsupportedEncodingException ended the run: one line naming no file, the others never checked
        Path bogus = Files.writeString(tmp.resolve("bogus.xml"), "<?xml version=\"1.0\" encoding=\"x-bogus\"?><TEI/>");
        Path folder = Files.createDirectories(tmp.resolve("a-folder.xml"));
        CliRun r = CliRun.of("validate", "--no-tei-all", bogus.toString(), folder.toString(), "tei/docs/registers.xml");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(bogus + ": its XML declaration names an encoding this reader does not know (x-bogus)"), r.err());
        assertTrue(r.err().contains(folder + ": not a regular file"), r.err());
        assertTrue(r.out().contains("tei/docs/registers.xml: valid"), r.out());
    }

    @Test
    void manyAttributesAreNotCalledAnEntityBomb() throws Exception {
        StringBuilder sb = new StringBuilder("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"");
        for (int i = 0; i < 20_000; i++) sb.append(" a").append(i).append("=\"x\"");
        Path many = Files.writeString(tmp.resolve("many.xml"), sb.append("/>").toString());
        CliRun r = CliRun.of("validate", "--no-tei-all", many.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(many + ": beyond the parser's limits") && !r.err().contains("entity"), r.err());
        // a name longer than the parser takes (its message speaks of "entity" too)
        Path longName = Files.writeString(tmp.resolve("long-name.xml"), "<" + "a".repeat(2_000) + "/>");
        CliRun n = CliRun.of("validate", "--no-tei-all", longName.toString());
        assertEquals(1, n.exit(), n.err());
        assertTrue(n.err().contains(longName + ": beyond the parser's limits") && !n.err().contains("entity bomb"), n.err());
    }
}
