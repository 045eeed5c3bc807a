package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.jiaokan.validate.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An editor corrects the TEI; converting again keeps every correction. */
class EditorCorrectionsTest {
    @TempDir
    Path tmp;

    @Test
    void correctionsSurviveReconversion() throws Exception {
        Path out = tmp.resolve("out");
        Path s003 = TestSupport.seed("003");
        Path s004 = TestSupport.seed("004");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), s003.toString(), s004.toString()).exit());
        Path tei003 = out.resolve("003_b623d3678baa2c80.xml");
        Path tei004 = out.resolve("004_02a83077c9d50b2a.xml");
        String before004 = Files.readString(tei004);

        // 1. An entity the editor judges wrong removed: the first place marked in a paragraph.
        String paragraph = before004.lines().filter(l -> l.contains("<p xml:id=") && l.contains("<placeName") && !l.contains("葉寒冰")).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture relies on a place marked in a paragraph"));
        String unmarked = paragraph.replaceFirst("<placeName[^>]*>([^<]*)</placeName>", "$1");
        String edited004 = before004.replace(paragraph, unmarked);
        // 2. The title fixed in the header.
        edited004 = edited004.replaceFirst("<title type=\"main\" xml:lang=\"zh-Hant\">[^<]*</title>",
                "<title type=\"main\" xml:lang=\"zh-Hant\">四川省公安局處長會議（2020年3月25日）</title>");
        Files.writeString(tei004, edited004);
        // 3. A redacted word supplied by the editor, with their own @resp.
        String before003 = Files.readString(tei003);
        String gap = "\">**</seg>功";
        assertTrue(before003.contains(gap));
        String edited003 = before003.replaceFirst(Pattern.quote(gap),
                "\">**<supplied reason=\"redacted\" resp=\"#editor\">法轮</supplied></seg>功");
        Files.writeString(tei003, edited003);

        CliRun again = CliRun.of("convert", "-o", out.toString(), s003.toString(), s004.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("kept the editor's version of"), again.err());

        String after004 = Files.readString(tei004);
        String after003 = Files.readString(tei003);
        assertTrue(after004.contains(unmarked), "the removed entity stays removed");
        assertFalse(after004.contains(paragraph));
        assertTrue(after004.contains("<title type=\"main\" xml:lang=\"zh-Hant\">四川省公安局處長會議（2020年3月25日）</title>"));
        assertTrue(after003.contains("**<supplied reason=\"redacted\" resp=\"#editor\">法轮</supplied></seg>功"));
        // Everything else is as conversion writes it.
        assertEquals(before004.lines().filter(l -> l.contains("葉寒冰")).toList(),
                after004.lines().filter(l -> l.contains("葉寒冰")).toList());
        for (Path p : List.of(tei003, tei004)) {
            assertEquals(List.of(), Schemas.jiaokan().validate(Files.readAllBytes(p), p.toString()));
        }

        // Converting once more changes nothing: the kept units stay kept, byte for byte.
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), s003.toString(), s004.toString()).exit());
        assertArrayEquals(after004.getBytes(java.nio.charset.StandardCharsets.UTF_8), Files.readAllBytes(tei004));
        assertArrayEquals(after003.getBytes(java.nio.charset.StandardCharsets.UTF_8), Files.readAllBytes(tei003));
    }

    @Test
    void reindentingTheFileIsNotACorrection() throws Exception {
        Path out = tmp.resolve("out");
        Path seed = TestSupport.seed("000");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        Path tei = out.resolve("000_48375d0ce296dd95.xml");
        String original = Files.readString(tei);
        Files.writeString(tei, original.replace("\n      <", "\n\t\t\t<"));
        CliRun r = CliRun.of("convert", "-o", out.toString(), seed.toString());
        assertEquals(0, r.exit());
        assertFalse(r.err().contains("kept the editor's version"), r.err());
        assertEquals(original, Files.readString(tei));
    }

    @Test
    void additionsOutsideJiaokansUnitsSurvive() throws Exception {
        Path out = tmp.resolve("out");
        Path seed = TestSupport.seed("003");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        Path tei = out.resolve("003_b623d3678baa2c80.xml");
        String s = Files.readString(tei);
        s = s.replace("<sourceDesc>", "<notesStmt><note>Transcribed from a web capture of 2009.</note></notesStmt>\n      <sourceDesc>");
        s = s.replace("</revisionDesc>", "<change when=\"2026-12-01\" who=\"#editor\">Checked the redactions.</change></revisionDesc>");
        Matcher firstP = Pattern.compile("(<p xml:id=\"[a-z2-7]{7}-b-[0-9a-f]+\">[^\n]*</p>)").matcher(s);
        assertTrue(firstP.find());
        s = s.substring(0, firstP.end()) + "<note type=\"commentary\" resp=\"#editor\">The county is 井陉.</note>" + s.substring(firstP.end());
        Matcher div = Pattern.compile("<div xml:id=\"([a-z2-7]{7}-d-[0-9a-f]+)\" type=\"section\">").matcher(s);
        assertTrue(div.find());
        s = s.substring(0, div.start()) + "<div xml:id=\"" + div.group(1) + "\" n=\"1\" type=\"section\">" + s.substring(div.end());
        Files.writeString(tei, s);

        CliRun r = CliRun.of("convert", "-o", out.toString(), seed.toString());
        assertEquals(0, r.exit(), r.err());
        String after = Files.readString(tei);
        assertTrue(after.replaceAll(">\\s+<", "><").contains("<notesStmt><note>Transcribed from a web capture of 2009.</note></notesStmt><sourceDesc>"), after);
        assertTrue(after.contains("<change when=\"2026-12-01\" who=\"#editor\">Checked the redactions.</change>"));
        assertTrue(after.replaceAll(">\\s+<", "><").contains(firstP.group(1) + "<note resp=\"#editor\" type=\"commentary\">The county is 井陉.</note>"),
                "the editor's note stays after the paragraph it follows");
        assertTrue(after.contains("<div xml:id=\"" + div.group(1) + "\" n=\"1\" type=\"section\">"));
        assertEquals(List.of(), Schemas.jiaokan().validate(after.getBytes(java.nio.charset.StandardCharsets.UTF_8), "003"));
        assertEquals(List.of(), TestSupport.teiAll().validate(after.getBytes(java.nio.charset.StandardCharsets.UTF_8), "003"));
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        assertEquals(after, Files.readString(tei), "a third run changes nothing");
    }
}
