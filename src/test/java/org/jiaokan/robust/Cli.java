package org.jiaokan.robust;

import org.jiaokan.TestSupport;
import org.jiaokan.cli.CliRun;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every command-line run must pass, whatever its input. */
final class Cli {
    private Cli() {}

    /** {@code convert -q -o out input}. */
    static CliRun convert(Path out, Path input) {
        return CliRun.of("convert", "-q", "-o", out.toString(), input.toString());
    }

    /**
     * Converts one input that must convert: exit 0, nothing on stderr, one TEI file beside the
     * registers, valid against jiaokan.rng. Returns that file.
     */
    static Path convertsCleanly(Path out, Path input) throws IOException {
        CliRun r = convert(out, input);
        assertEquals(0, r.exit(), () -> input.getFileName() + ": " + r.err());
        assertEquals("", r.err(), input.getFileName() + " printed on stderr");
        List<Path> tei = teiFiles(out);
        assertEquals(1, tei.size(), () -> "one TEI file for " + input.getFileName() + ": " + tei);
        byte[] bytes = Files.readAllBytes(tei.get(0));
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, tei.get(0).toString()));
        return tei.get(0);
    }

    /** The input fails with exactly one line, {@code jiaokan: error: FILE: reason}, and exit 1; returns the reason. */
    static String failsWithOneLine(Path out, Path input) {
        return oneErrorLine(convert(out, input), input);
    }

    /**
     * The contract for an input that may or may not be convertible: a clean conversion to valid TEI
     * that keeps the reader's text, or one error line. Returns the TEI file, or null when it failed.
     */
    static Path convertsOrFailsInOneLine(Path out, Path input) throws Exception {
        CliRun r = convert(out, input);
        if (r.exit() != 0) {
            oneErrorLine(r, input);
            return null;
        }
        assertEquals("", r.err());
        List<Path> tei = teiFiles(out);
        assertEquals(1, tei.size());
        assertEquals(List.of(), Schemas.jiaokan().validate(Files.readAllBytes(tei.get(0)), tei.get(0).toString()));
        losslessAgainstReader(tei.get(0), input);
        return tei.get(0);
    }

    static String oneErrorLine(CliRun r, Path input) {
        assertEquals(1, r.exit(), () -> input.getFileName() + ": " + r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "exactly one line for " + input.getFileName() + ":\n" + r.err());
        String prefix = "jiaokan: error: " + input + ": ";
        assertTrue(lines.get(0).startsWith(prefix), lines.get(0));
        String reason = lines.get(0).substring(prefix.length());
        assertFalse(reason.isBlank(), "a reason is given");
        assertFalse(reason.matches(".*(Exception|Error)\\b.*"), () -> "a reason, not an exception: " + reason);
        return reason;
    }

    /** The diplomatic reading of a TEI file equals the decoded source, white space aside (the lossless invariant). */
    static void lossless(Path tei, String decodedSource) throws Exception {
        Document doc = Xml.parse(Files.readAllBytes(tei));
        assertEquals(TestSupport.noSpace(decodedSource), TestSupport.noSpace(Readings.diplomatic(doc)),
                tei.getFileName() + ": diplomatic reading differs from the source");
    }

    /** Lossless against what the reader decoded, for sources (HTML, DOCX) whose text is the reader's to define. */
    static void losslessAgainstReader(Path tei, Path input) throws Exception {
        lossless(tei, Readers.read(input, null).text());
    }

    static List<Path> teiFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals("registers.xml")).sorted().toList();
        }
    }

    static String diplomatic(Path tei) throws Exception {
        return Readings.diplomatic(Xml.parse(Files.readAllBytes(tei)));
    }
}
