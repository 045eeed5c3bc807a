package org.jiaokan.publish.catalog;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Headers an editor shaped otherwise: no title (the records had 245 "$a." and an empty MODS title, and no DC title),
 * a subtitle before the title (the pages showed it as the title), an editor's note in a title (run into the records'
 * titles), three credited authors (each MODS name was marked primary). And the catalogue published alone: its static
 * repository held the edition's records only, the documents' TEI copies being the site's.
 */
class OddHeadersRecordsTest {
    @TempDir
    Path tmp;

    private static final String UNTITLED = "jk-000_48375d0ce296dd95", SUBTITLED = "jk-004_02a83077c9d50b2a";

    private Path edition() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String a = Files.readString(Path.of("tei/docs/" + UNTITLED + ".xml"), StandardCharsets.UTF_8);
        // its title is gone; an editor's note stands where it was, which is no title's words
        a = a.replaceFirst("<title [^>]*type=\"desc\"[^>]*>[^<]*</title>", "");
        a = a.replace("<titleStmt>", "<titleStmt><title><note>標題待補</note></title>");
        // and no identifier of its own: the site names it after its file
        a = a.replaceFirst("<idno type=\"jiaokan\">[^<]*</idno>", "");
        assertFalse(a.contains("<idno type=\"jiaokan\">"));
        assertFalse(a.substring(a.indexOf("<titleStmt>"), a.indexOf("</titleStmt>")).matches("(?s).*<title [^>]*type=\"desc.*"), "the devised title is gone");
        Files.writeString(in.resolve(UNTITLED + ".xml"), a, StandardCharsets.UTF_8);
        String b = Files.readString(Path.of("tei/docs/" + SUBTITLED + ".xml"), StandardCharsets.UTF_8);
        String main = "<title type=\"main\" xml:lang=\"zh-Hant\">四川省公安局處長會議召開 安排部署2020年全省公安工作</title>";
        assertTrue(b.contains(main));
        b = b.replace(main, "<title type=\"sub\">副題在前</title><title xml:lang=\"zh-Hant\">四川省公安局處長會議召開<note>編者按：標題有誤</note></title>"
                + "<author>甲一</author><author>乙二</author>");
        Files.writeString(in.resolve(SUBTITLED + ".xml"), b, StandardCharsets.UTF_8);
        Files.copy(Path.of("tei/docs/registers.xml"), in.resolve("registers.xml"));
        Files.copy(Path.of("tei/edition.xml"), in.resolve("edition.xml"));
        return in;
    }

    @Test
    void recordsOfOddHeaders() throws Exception {
        Path in = edition();
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("publish", "-q", "--formats", "html,catalog", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        Path records = out.resolve("records");

        // no title: the identifier stands for it, as a devised title, with a note that says so
        String marc = Files.readString(records.resolve("marcxml/" + UNTITLED + ".xml"), StandardCharsets.UTF_8);
        assertTrue(marc.contains("<marc:subfield code=\"a\">[" + UNTITLED + "]"), marc);
        assertTrue(marc.contains("Untitled: the edition's identifier of the document stands for its title."), marc);
        String mods = Files.readString(records.resolve("mods/" + UNTITLED + ".xml"), StandardCharsets.UTF_8);
        assertTrue(mods.contains(">" + UNTITLED + "</mods:title>"), mods);
        assertFalse(mods.contains("<mods:title/>"), mods);
        String dc = Files.readString(records.resolve("dc/" + UNTITLED + ".xml"), StandardCharsets.UTF_8);
        assertTrue(dc.contains("[" + UNTITLED + "]</dc:title>"), dc);
        // and so among the edition record's contents
        String editionMods = Files.readString(records.resolve("edition/mods.xml"), StandardCharsets.UTF_8);
        assertTrue(editionMods.contains("<mods:title>" + UNTITLED + "</mods:title>"), editionMods);
        assertFalse(editionMods.contains("Untitled document"), editionMods);
        String editionMarc = Files.readString(records.resolve("edition/marcxml.xml"), StandardCharsets.UTF_8);
        assertTrue(editionMarc.contains("[" + UNTITLED + "]"), editionMarc);

        // a subtitle first, a note in the title, three credited authors
        String page = Files.readString(out.resolve("doc/" + SUBTITLED + ".html"), StandardCharsets.UTF_8);
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(page);
        assertTrue(title.find() && title.group(1).startsWith("四川省公安局處長會議召開"), title.group(0));
        // the citations cite the same title, not the subtitle before it
        String ris = Files.readString(out.resolve("cite/" + SUBTITLED + ".ris"), StandardCharsets.UTF_8);
        assertTrue(ris.contains("TI  - 四川省公安局處長會議召開\n") || ris.contains("TI  - 四川省公安局處長會議召開\r\n"), ris);
        assertFalse(ris.contains("副題在前") || ris.contains("編者按"), ris);
        String dcB = Files.readString(records.resolve("dc/" + SUBTITLED + ".xml"), StandardCharsets.UTF_8);
        assertTrue(dcB.contains(">四川省公安局處長會議召開 : 副題在前</dc:title>"), dcB);
        assertFalse(dcB.contains("編者按"), dcB);
        String modsB = Files.readString(records.resolve("mods/" + SUBTITLED + ".xml"), StandardCharsets.UTF_8);
        // the subtitle in the records: MODS subTitle, MARC 245 $b (in the field in the original script, 880)
        assertTrue(modsB.contains("<mods:title>四川省公安局處長會議召開</mods:title>") && modsB.contains("<mods:subTitle>副題在前</mods:subTitle>"), modsB);
        String marcSub = Files.readString(records.resolve("marcxml/" + SUBTITLED + ".xml"), StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("(?s)<marc:subfield code=\"6\">245-\\d\\d/\\$1</marc:subfield>\\s*<marc:subfield code=\"a\">四川省公安局處長會議召開 :</marc:subfield>"
                + "\\s*<marc:subfield code=\"b\">副題在前 /</marc:subfield>").matcher(marcSub).find(), marcSub);
        // one name primary, in its two forms (the characters and their romanisation)
        assertEquals(2, Pattern.compile("<mods:name [^>]*usage=\"primary\"").matcher(modsB).results().count(), modsB);
        // the MARC record's main entry (100) is the same person: the first author credited
        assertTrue(Pattern.compile("<mods:name [^>]*usage=\"primary\"[^>]*>\\s*<mods:namePart[^>]*>甲一<").matcher(modsB).find(), modsB);
        String marcB = Files.readString(records.resolve("marcxml/" + SUBTITLED + ".xml"), StandardCharsets.UTF_8);
        assertEquals(1, Pattern.compile("tag=\"100\"").matcher(marcB).results().count(), marcB);
        assertTrue(Pattern.compile("(?s)tag=\"100\".*?Jia, Yi").matcher(marcB).find(), marcB);

        // every record of these headers valid against its standard's schema (skipped where the schemas are absent)
        if (java.nio.file.Files.isDirectory(org.jiaokan.catalog.MetadataSchemas.DIR)) {
            for (String id : new String[] {UNTITLED, SUBTITLED}) {
                assertEquals(java.util.List.of(), org.jiaokan.catalog.MetadataSchemas.errors(org.jiaokan.catalog.MetadataSchemas.Standard.MODS,
                        Files.readAllBytes(records.resolve("mods/" + id + ".xml"))), id);
                assertEquals(java.util.List.of(), org.jiaokan.catalog.MetadataSchemas.errors(org.jiaokan.catalog.MetadataSchemas.Standard.MARCXML,
                        Files.readAllBytes(records.resolve("marcxml/" + id + ".xml"))), id);
                assertEquals(java.util.List.of(), org.jiaokan.catalog.MetadataSchemas.errors(org.jiaokan.catalog.MetadataSchemas.Standard.OAI_DC,
                        Files.readAllBytes(records.resolve("dc/" + id + ".xml"))), id);
            }
        }
    }

    @Test
    void theCatalogueAloneHasEveryDocumentInItsStaticRepository() throws Exception {
        Path in = edition();
        Path out = tmp.resolve("alone");
        CliRun r = CliRun.of("publish", "-q", "--formats", "catalog", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(out.resolve("doc")), "no copies of the TEI without the site");
        String repo = Files.readString(out.resolve("records/oai-static.xml"), StandardCharsets.UTF_8);
        for (String id : new String[] {UNTITLED, SUBTITLED}) {
            assertEquals(3, Pattern.compile("<oai:identifier>oai:[^<]*:" + id + "</oai:identifier>").matcher(repo).results().count(), id);
        }
    }
}
