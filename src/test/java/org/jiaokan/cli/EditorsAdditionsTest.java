package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TEI an editor adds beyond what the converter writes (a table of figures, a figure, verse, a
 * quotation) is kept by {@code build}, checked against tei_all and reported as a notice, not a failure.
 */
class EditorsAdditionsTest {
    @TempDir
    Path tmp;

    private static final String REPORT = "全县道路交通安全工作会议召开\n"
            + "会议通报了今年以来全县道路交通事故情况。\n"
            + "会议要求，各乡镇要落实属地责任，切实加强农村道路交通安全管理。\n";
    private static final String REPORT_TRAD = "全縣道路交通安全工作會議召開\n"
            + "會議通報了今年以來全縣道路交通事故情況。\n"
            + "會議要求，各鄉鎮要落實屬地責任，切實加強農村道路交通安全管理。\n";

    private static final String ADDITIONS = "<table rows=\"2\" cols=\"2\"><head>表1 事故统计</head>"
            + "<row role=\"label\"><cell>月份</cell><cell>起数</cell></row><row><cell>一月</cell><cell>12</cell></row></table>"
            + "<figure><head>图1 会议现场</head><figDesc>会场照片。</figDesc></figure>"
            + "<lg type=\"couplet\"><l>安全连着你我他</l><l>平安幸福靠大家</l></lg>"
            + "<cit><quote>安全生产无小事。</quote><bibl>会议材料</bibl></cit>";

    private Path edition(String source) throws Exception {
        Path edition = tmp.resolve("edition");
        Files.createDirectories(edition.resolve("sources"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Files.writeString(edition.resolve("sources").resolve("report.txt"), source);
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, r.exit(), r.err());
        return edition;
    }

    /** The document with {@code xml} inserted after the first paragraph of its body. */
    private static Path addAfterFirstParagraph(Path doc, String xml) throws Exception {
        String s = Files.readString(doc);
        int body = s.indexOf("<body>");
        int p = s.indexOf("</p>", body) + "</p>".length();
        Files.writeString(doc, s.substring(0, p) + xml + s.substring(p));
        return doc;
    }

    private void additionsAreKeptWithANotice(String source) throws Exception {
        TestSupport.teiAll();
        Path edition = edition(source);
        Path doc = addAfterFirstParagraph(edition.resolve("docs").resolve("jk-report.xml"), ADDITIONS);
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> notices = r.errLines().stream().filter(l -> l.startsWith("jiaokan: notice: " + doc + ": ")).toList();
        assertEquals(1, notices.size(), r.err());
        String notice = notices.get(0);
        assertTrue(notice.contains("an editor's additions that jiaokan.rng does not describe (")
                && notice.endsWith("are kept; valid against tei_all.rng"), notice);
        assertTrue(notice.contains("table"), notice);
        assertTrue(r.errLines().stream().noneMatch(l -> l.startsWith("jiaokan: error:")), r.err());
        String after = Files.readString(doc);
        for (String kept : List.of("<cell>12</cell>", "<figDesc>会场照片。</figDesc>", "<l>平安幸福靠大家</l>", "<quote>安全生产无小事。</quote>")) {
            assertTrue(after.contains(kept), kept + " is kept");
        }
        assertEquals(List.of(), TestSupport.teiAll().validate(Files.readAllBytes(doc), doc.toString()));

        // Building again keeps them again, with the same notice, and changes nothing.
        CliRun again = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(after, Files.readString(doc));
    }

    @Test
    void tableFigureVerseAndQuotationAreKeptInSimplifiedScript() throws Exception {
        additionsAreKeptWithANotice(REPORT);
    }

    @Test
    void tableFigureVerseAndQuotationAreKeptInTraditionalScript() throws Exception {
        additionsAreKeptWithANotice(REPORT_TRAD);
    }

    @Test
    void additionsInvalidAgainstTeiAllStillFail() throws Exception {
        TestSupport.teiAll();
        Path edition = edition(REPORT);
        Path doc = addAfterFirstParagraph(edition.resolve("docs").resolve("jk-report.xml"),
                "<table><row><cell>一月</cell><bogus>12</bogus></row></table>");
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("jiaokan: error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("is not valid against tei_all.rng"), errors.get(0));
        assertTrue(Files.readString(doc).contains("<bogus>12</bogus>"), "the editor's work is still kept");
    }

    @Test
    void theEditionCanNameItsOwnSchemaForTheWholeTei() throws Exception {
        Path edition = edition(REPORT);
        Path header = edition.resolve("edition.xml");
        Files.writeString(header, Files.readString(header).replaceFirst("\\?>\n",
                "?>\n<?xml-model href=\"schema/project-tei.rng\" type=\"application/xml\"?>\n"));
        Path doc = addAfterFirstParagraph(edition.resolve("docs").resolve("jk-report.xml"), ADDITIONS);
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("jiaokan: notice: " + doc + ": an editor's additions that jiaokan.rng does not describe (cit, figure, lg, table)"
                + " are kept; " + edition.toAbsolutePath().resolve("schema/project-tei.rng") + " was not found to check them"), r.errLines());
    }
}
