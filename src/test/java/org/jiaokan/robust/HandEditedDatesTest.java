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
 * A date an editor typed that the calendar lacks, or with a year of five digits, reaches no record, citation or page
 * attribute as another date: the records cut 99999 to 9999 and took 2020-02-30 as it was, the citations too, and the page
 * gave 2020-02-30 as a machine-readable date.
 */
class HandEditedDatesTest {
    @TempDir
    Path tmp;

    @Test
    void datesTheCalendarLacksAreNotGivenAsOtherDates() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String doc = Files.readString(Path.of("tei/docs/jk-000_48375d0ce296dd95.xml"), StandardCharsets.UTF_8);
        assertTrue(doc.contains("when=\"2021-04-27\""));
        Files.writeString(in.resolve("far.xml"), doc.replace("when=\"2021-04-27\"", "when=\"99999\"")
                .replace("jk-000_48375d0ce296dd95</idno>", "t-far</idno>"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("feb.xml"), doc.replace("when=\"2021-04-27\"", "when=\"2020-02-30\"")
                .replace("jk-000_48375d0ce296dd95</idno>", "t-feb</idno>"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("leap.xml"), doc.replace("when=\"2021-04-27\"", "when=\"2020-02-29\"")
                .replace("jk-000_48375d0ce296dd95</idno>", "t-leap</idno>"), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html,catalog", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());

        for (String id : List.of("t-far", "t-feb")) {
            for (Path f : filesOf(out, id)) {
                String s = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(s.contains("9999") || s.contains("2020-02-30\"") || s.contains(">2020-02-30<") || s.contains("2020,2,30")
                        || s.contains("February 30"), f + " gives another date");
            }
        }
        String feb = Files.readString(out.resolve("doc/t-feb.html"));
        assertFalse(feb.contains("datetime=\"2020-02-30\""), "no machine-readable date the calendar lacks");
        assertTrue(feb.contains("2020-02-30"), "the editor's value is still shown");
        // of a day the calendar lacks, its month
        assertTrue(Files.readString(out.resolve("records/mods/t-feb.xml")).contains(">2020-02<"));
        assertTrue(Files.readString(out.resolve("cite/t-feb.json")).contains("[2020,2]"));
        // a real day still reaches every output
        assertTrue(Files.readString(out.resolve("records/mods/t-leap.xml")).contains("2020-02-29"));
        assertTrue(Files.readString(out.resolve("cite/t-leap.json")).contains("[2020,2,29]"));
        assertTrue(Files.readString(out.resolve("doc/t-leap.html")).contains("datetime=\"2020-02-29\""));
    }

    /** The records and citation files of a document. */
    private static List<Path> filesOf(Path out, String id) throws Exception {
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> l = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(id + "."))
                    .filter(p -> p.toString().contains("/records/") || p.toString().contains("/cite/")).toList();
            assertTrue(l.size() >= 6, "records and citations of " + id + ": " + l);
            return l;
        }
    }
}
