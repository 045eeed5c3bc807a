package org.jiaokan.catalog;

import org.jiaokan.publish.Publisher;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue records of the example edition: valid, MARC that reads back, linked 880s, stable bytes. */
class CatalogRecordsTest {
    @TempDir
    static Path tmp;
    static Path out;
    static final List<String> DOCIDS = new ArrayList<>();

    @BeforeAll
    static void publish() throws IOException {
        out = tmp.resolve("site");
        Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("catalog"), null, 2)).publish(List.of(Path.of("tei")));
        assertTrue(r.ok(), r.errors().toString());
        try (Stream<Path> s = Files.list(Path.of("tei/docs"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml") && !n.equals("registers.xml"))
                    .map(n -> n.replaceFirst("\\.xml$", "")).sorted().forEach(DOCIDS::add);
        }
        assertEquals(5, DOCIDS.size());
    }

    static byte[] read(String rel) throws IOException {
        return Files.readAllBytes(out.resolve(rel));
    }

    @Test
    void everyDocumentAndTheEditionHasEveryRecord() {
        for (String id : DOCIDS) {
            for (String f : List.of("records/dc/" + id + ".xml", "records/mods/" + id + ".xml", "records/marcxml/" + id + ".xml",
                    "records/marc/" + id + ".mrc", "records/marc/" + id + ".mrk")) {
                assertTrue(Files.isRegularFile(out.resolve(f)), f);
            }
        }
        for (String f : List.of("dc.xml", "mods.xml", "marcxml.xml", "edition.mrc", "edition.mrk")) {
            assertTrue(Files.isRegularFile(out.resolve("records/edition/" + f)), f);
        }
        for (String f : List.of("records/all.mrc", "records/all.mrk", "records/all-marcxml.xml", "CITATION.cff")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void everyRecordIsValidAgainstItsStandardsSchema() throws IOException {
        MetadataSchemas.assumePresent();
        Map<String, List<String>> bad = new TreeMap<>();
        List<String> ids = new ArrayList<>(DOCIDS);
        for (String id : ids) {
            check(bad, MetadataSchemas.Standard.OAI_DC, "records/dc/" + id + ".xml");
            check(bad, MetadataSchemas.Standard.MODS, "records/mods/" + id + ".xml");
            check(bad, MetadataSchemas.Standard.MARCXML, "records/marcxml/" + id + ".xml");
        }
        check(bad, MetadataSchemas.Standard.OAI_DC, "records/edition/dc.xml");
        check(bad, MetadataSchemas.Standard.MODS, "records/edition/mods.xml");
        check(bad, MetadataSchemas.Standard.MARCXML, "records/edition/marcxml.xml");
        check(bad, MetadataSchemas.Standard.MARCXML, "records/all-marcxml.xml");
        assertTrue(bad.isEmpty(), bad.toString());
    }

    private static void check(Map<String, List<String>> bad, MetadataSchemas.Standard s, String rel) throws IOException {
        List<String> e = MetadataSchemas.errors(s, read(rel));
        if (!e.isEmpty()) bad.put(rel, e);
    }

    @Test
    void theValidatorRejectsAnInvalidRecord() throws IOException {
        MetadataSchemas.assumePresent();
        String mods = new String(read("records/mods/" + DOCIDS.get(0) + ".xml"), StandardCharsets.UTF_8)
                .replace("<mods:typeOfResource>text</mods:typeOfResource>", "<mods:typeOfResource>text</mods:typeOfResource><mods:shelfmark>x</mods:shelfmark>");
        assertFalse(MetadataSchemas.errors(MetadataSchemas.Standard.MODS, mods.getBytes(StandardCharsets.UTF_8)).isEmpty());
        String dc = new String(read("records/dc/" + DOCIDS.get(0) + ".xml"), StandardCharsets.UTF_8).replace("<dc:type>", "<dc:genre>").replace("</dc:type>", "</dc:genre>");
        assertFalse(MetadataSchemas.errors(MetadataSchemas.Standard.OAI_DC, dc.getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void theIso2709FilesReadBackToTheMarcxmlRecordsFieldByField() throws IOException {
        List<String> bases = new ArrayList<>();
        DOCIDS.forEach(id -> bases.add("records/marc/" + id));
        for (String base : bases) {
            String id = base.substring(base.lastIndexOf('/') + 1);
            Record xml = single(new MarcXmlReader(new ByteArrayInputStream(read("records/marcxml/" + id + ".xml"))));
            byte[] mrc = read(base + ".mrc");
            Record bin = single(new MarcStreamReader(new ByteArrayInputStream(mrc), "UTF-8"));
            assertEquals('a', (char) mrc[9], "leader/09 of " + id);
            assertEquals(fields(xml), fields(bin), id);
            assertEquals(xml.getLeader().toString().substring(5, 9), bin.getLeader().toString().substring(5, 9));
            assertEquals(xml.getLeader().toString().substring(17), bin.getLeader().toString().substring(17));
        }
        // The bulk file: the edition's record first, then every document.
        List<Record> all = new ArrayList<>();
        MarcStreamReader r = new MarcStreamReader(new ByteArrayInputStream(read("records/all.mrc")), "UTF-8");
        while (r.hasNext()) all.add(r.next());
        assertEquals(DOCIDS.size() + 1, all.size());
        assertEquals(fields(single(new MarcXmlReader(new ByteArrayInputStream(read("records/edition/marcxml.xml"))))), fields(all.get(0)));
        for (int i = 0; i < DOCIDS.size(); i++) assertEquals(DOCIDS.get(i), all.get(i + 1).getControlNumber());
    }

    private static Record single(org.marc4j.MarcReader r) {
        assertTrue(r.hasNext());
        Record rec = r.next();
        assertFalse(r.hasNext());
        return rec;
    }

    /** Every field as tag, indicators and subfields. */
    static List<String> fields(Record r) {
        List<String> out = new ArrayList<>();
        for (VariableField f : r.getVariableFields()) {
            if (f instanceof ControlField c) out.add(c.getTag() + " " + c.getData());
            else {
                DataField d = (DataField) f;
                StringBuilder sb = new StringBuilder(d.getTag()).append(' ').append(d.getIndicator1()).append(d.getIndicator2());
                for (Subfield s : d.getSubfields()) sb.append(" $").append(s.getCode()).append(s.getData());
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void theBreakerTextHasALinePerField() throws IOException {
        for (String id : DOCIDS) {
            Record xml = single(new MarcXmlReader(new ByteArrayInputStream(read("records/marcxml/" + id + ".xml"))));
            List<String> lines = new String(read("records/marc/" + id + ".mrk"), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertEquals(xml.getVariableFields().size() + 1, lines.size(), id);
            assertTrue(lines.get(0).startsWith("=LDR  "));
            List<String> tags = fields(xml).stream().map(f -> f.substring(0, 3)).toList();
            for (int i = 0; i < tags.size(); i++) assertTrue(lines.get(i + 1).startsWith("=" + tags.get(i) + "  "), lines.get(i + 1));
        }
    }

    /** Each romanised field's $6 880-NN has its 880 with $6 TAG-NN/$1 in the original script, and back. */
    @Test
    void vernacularFieldsAreLinked880s() throws IOException {
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (String id : DOCIDS) {
            Record r = single(new MarcXmlReader(new ByteArrayInputStream(read("records/marcxml/" + id + ".xml"))));
            List<DataField> fields = r.getDataFields();
            int linked = 0;
            for (DataField f : fields) {
                if (f.getTag().equals("880")) {
                    String six = f.getSubfield('6').getData();
                    Matcher m = Pattern.compile("(\\d{3})-(\\d{2})/\\$1").matcher(six);
                    assertTrue(m.matches(), six);
                    DataField regular = fields.stream().filter(g -> g.getTag().equals(m.group(1)) && g.getSubfield('6') != null
                            && g.getSubfield('6').getData().equals("880-" + m.group(2))).findFirst().orElse(null);
                    assertTrue(regular != null, "no field links to 880 " + six + " in " + id);
                    assertTrue(han.matcher(f.toString()).find(), f.toString());
                    assertEquals(f.getIndicator1(), regular.getIndicator1());
                    linked++;
                } else if (!f.getTag().startsWith("5")) {
                    // A regular field carries no Han characters: the vernacular is in its 880 (notes, in the
                    // language of cataloguing, may quote the source).
                    assertFalse(han.matcher(f.toString()).find(), id + ": " + f);
                }
            }
            assertTrue(linked >= 2, id);
            assertTrue(r.getVariableField("245") != null);
        }
    }

    @Test
    void controlFieldsComeFromTheMetadataNotTheClock() throws IOException {
        Record r = single(new MarcXmlReader(new ByteArrayInputStream(read("records/marcxml/" + DOCIDS.get(0) + ".xml"))));
        String tei = Files.readString(Path.of("tei/docs/" + DOCIDS.get(0) + ".xml"));
        Matcher m = Pattern.compile("<date when=\"(\\d{4})-(\\d{2})-(\\d{2})\">").matcher(tei.substring(tei.indexOf("<publicationStmt>")));
        assertTrue(m.find());
        assertEquals(m.group(1) + m.group(2) + m.group(3) + "000000.0", ((ControlField) r.getVariableField("005")).getData());
        String f008 = ((ControlField) r.getVariableField("008")).getData();
        assertEquals(40, f008.length());
        assertEquals(m.group(1).substring(2) + m.group(2) + m.group(3), f008.substring(0, 6));
        assertEquals("chi", f008.substring(35, 38));
        assertEquals("cc ", f008.substring(15, 18));
        assertEquals(DOCIDS.get(0), r.getControlNumber());
        String leader = r.getLeader().toString();
        assertEquals("nam", leader.substring(5, 8));
        assertEquals('i', leader.charAt(18));
    }

    @Test
    void publishingTwiceGivesTheSameBytes() throws IOException {
        Path again = tmp.resolve("again");
        Publisher.Result r = new Publisher(new Publisher.Options(again, Set.of("catalog"), null, 1)).publish(List.of(Path.of("tei")));
        assertTrue(r.ok());
        List<Path> files;
        try (Stream<Path> s = Files.walk(out.resolve("records"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 5 * 5 + 8);
        for (Path f : files) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(out.relativize(f))), f.toString());
        assertArrayEquals(read("CITATION.cff"), Files.readAllBytes(again.resolve("CITATION.cff")));
    }

    /**
     * The records of one document of each kind, reviewed field by field and kept in
     * src/test/resources/org/jiaokan/catalog/golden/: a meeting report with a devised title and an
     * inferred date (simplified), a speech (simplified), a web news report with its source (traditional),
     * and the edition. Rerun with {@code -Djiaokan.accept=true} to write them anew after an intended change.
     */
    @Test
    void goldenRecords() throws IOException {
        Path golden = Path.of("src/test/resources/org/jiaokan/catalog/golden");
        boolean accept = Boolean.getBoolean("jiaokan.accept");
        List<String> differ = new ArrayList<>();
        Map<String, String> files = new TreeMap<>();
        for (String id : List.of("jk-000_48375d0ce296dd95", "jk-003_b623d3678baa2c80", "jk-004_02a83077c9d50b2a")) {
            files.put(id + ".mrk", "records/marc/" + id + ".mrk");
            files.put(id + ".mods.xml", "records/mods/" + id + ".xml");
            files.put(id + ".dc.xml", "records/dc/" + id + ".xml");
        }
        files.put("edition.mrk", "records/edition/edition.mrk");
        files.put("edition.mods.xml", "records/edition/mods.xml");
        files.put("CITATION.cff", "CITATION.cff");
        for (Map.Entry<String, String> e : files.entrySet()) {
            byte[] now = read(e.getValue());
            Path g = golden.resolve(e.getKey());
            if (accept) {
                Files.createDirectories(golden);
                Files.write(g, now);
            } else if (!Files.isRegularFile(g) || !java.util.Arrays.equals(Files.readAllBytes(g), now)) {
                differ.add(e.getKey());
            }
        }
        assertTrue(differ.isEmpty(), differ + " differ from " + golden + "; rerun with -Djiaokan.accept=true if the change is intended");
    }

    @Test
    void citationCffDescribesTheEdition() throws IOException {
        String cff = new String(read("CITATION.cff"), StandardCharsets.UTF_8);
        assertTrue(cff.startsWith("cff-version: 1.2.0\n"), cff);
        for (String line : List.of("type: dataset", "title: \"Public-security meeting reports and speeches, 2008–2024: an example edition\"",
                "  - name: \"Jiaokan editorial team\"", "version: \"0.1.0\"", "date-released: \"2026-11-21\"",
                "url: \"https://example.org/jiaokan/example/\"", "license: \"CC-BY-4.0\"", "  - type: url")) {
            assertTrue(cff.lines().anyMatch(line::equals), line + " in\n" + cff);
        }
    }
}
