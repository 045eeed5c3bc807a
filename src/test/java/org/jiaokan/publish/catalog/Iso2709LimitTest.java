package org.jiaokan.publish.catalog;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A record too long for ISO 2709 (99,999 bytes): one line naming the document, its MARCXML whole and in the collection,
 * the other records in every file. marc4j's refusal, with its spelling, was the line, and the document was left out of
 * all-marcxml.xml, which has no such limit.
 */
class Iso2709LimitTest {
    @TempDir
    Path tmp;

    @Test
    void aRecordTooLongForIso2709IsNamedAndKeptInMarcXml() throws Exception {
        String title = "今年公安工作怎么干?全国公安厅局长会议精神关键点提示";
        Path out = publishWithOneGrown("jk-000_48375d0ce296dd95", "jk-001_e8825e5862d1a0f3", title, title + "长".repeat(40_000),
                "its MARC record is \\d{6} bytes, over the 99,999 ISO 2709 holds");
        Path records = out.resolve("records");
        String bigId = "jk-001_e8825e5862d1a0f3", smallId = "jk-000_48375d0ce296dd95";
        assertTrue(Files.readString(records.resolve("marcxml/" + bigId + ".xml")).contains("长".repeat(40_000)));
        assertFalse(Files.exists(records.resolve("marc/" + bigId + ".mrc")));
        assertFalse(Files.exists(records.resolve("marc/" + bigId + ".mrk")));
        String collection = Files.readString(records.resolve("all-marcxml.xml"));
        assertTrue(collection.contains("长".repeat(40_000)) && collection.contains(">" + smallId + "<"), "both records in the collection");
        List<org.marc4j.marc.Record> iso = MarcFiles.read(Files.readAllBytes(records.resolve("all-marcxml.xml")));
        assertEquals(2, iso.size());
        assertArrayEquals(Files.readAllBytes(records.resolve("marc/" + smallId + ".mrc")), Files.readAllBytes(records.resolve("all.mrc")));
        assertArrayEquals(Files.readAllBytes(records.resolve("marc/" + smallId + ".mrk")), Files.readAllBytes(records.resolve("all.mrk")));
    }

    @Test
    void aFieldTooLongForIso2709IsNamedAndNoFileHoldsACutOne() throws Exception {
        // 6,000 Han characters in one keyword: a 653 field of some 18,000 bytes in a record well under 99,999. marc4j
        // wrote it with the length 9999 in its directory, and no reader read the file past it.
        String term = "<term>四个意识</term>";
        Path out = publishWithOneGrown("jk-001_e8825e5862d1a0f3", "jk-000_48375d0ce296dd95", term,
                term + "<term>" + "维护稳定".repeat(1500) + "</term>", "its MARC field 653 is \\d{5} bytes, over the 9,999 ISO 2709 holds in a field");
        Path records = out.resolve("records");
        String bigId = "jk-000_48375d0ce296dd95", smallId = "jk-001_e8825e5862d1a0f3";
        assertTrue(Files.readString(records.resolve("marcxml/" + bigId + ".xml")).contains("维护稳定".repeat(1500)));
        assertFalse(Files.exists(records.resolve("marc/" + bigId + ".mrc")));
        // every binary record reads back
        org.marc4j.MarcStreamReader reader = new org.marc4j.MarcStreamReader(Files.newInputStream(records.resolve("all.mrc")), "UTF-8");
        List<String> ids = new java.util.ArrayList<>();
        while (reader.hasNext()) ids.add(reader.next().getControlNumber());
        assertEquals(List.of(smallId), ids);
    }
    /**
     * Publishes the catalogue of two example documents, the second ({@code in/b.xml}) with {@code text} made {@code grown},
     * and checks the run's one error line: {@code b.xml}, {@code why}, and what is and is not written. The output folder.
     */
    private Path publishWithOneGrown(String small, String grownDoc, String text, String grown, String why) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("tei/docs/" + small + ".xml"), in.resolve("a.xml"));
        String b = Files.readString(Path.of("tei/docs/" + grownDoc + ".xml"), StandardCharsets.UTF_8);
        assertTrue(b.contains(text));
        Path big = in.resolve("b.xml");
        Files.writeString(big, b.replace(text, grown), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        CliRun r = CliRun.of("publish", "-q", "--formats", "catalog", "-o", out.toString(), in.toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).matches("jiaokan: error: " + java.util.regex.Pattern.quote(big.toString()) + ": " + why
                + "; the \\.mrc and \\.mrk files and all\\.mrc and all\\.mrk are without it, its MARCXML holds it whole"), r.err());
        return out;
    }
}
