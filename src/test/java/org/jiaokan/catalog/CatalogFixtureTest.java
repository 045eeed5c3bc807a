package org.jiaokan.catalog;

import org.jiaokan.publish.Publisher;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invented edition (a notice in simplified script with markup-like characters and an uncertain date
 * range, a web speech in traditional script): escaping in every format, names, dates, sources.
 */
class CatalogFixtureTest {
    /** The fixture's title, as the TEI has it once parsed. */
    static final String TITLE = "关于<b>加强</b>“冬季治安”&防火工作的通知 <script>alert(\"x\")</script>";
    static final String EDITION_TITLE = "Notices & <speeches> of a \"test\" county, 2015–2016";

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void publish() throws IOException, URISyntaxException {
        Path src = Path.of(CatalogFixtureTest.class.getResource("fixture").toURI());
        Path ed = tmp.resolve("edition");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = ed.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        out = tmp.resolve("site");
        Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("html", "catalog"), null, 2)).publish(List.of(ed));
        assertTrue(r.ok(), r.errors().toString());
    }

    @Test
    void theDocumentPageLinksToItsRecords() throws Exception {
        String page = Files.readString(out.resolve("doc/fx-web.html"));
        for (String href : List.of("../records/mods/fx-web.xml", "../records/marcxml/fx-web.xml", "../records/marc/fx-web.mrc", "../records/dc/fx-web.xml")) {
            assertTrue(page.contains("href=\"" + href + "\""), href);
            assertTrue(Files.isRegularFile(out.resolve("doc").resolve(href).normalize()), href);
        }
    }

    static Document xml(String rel) throws Exception {
        return Xml.parse(Files.readAllBytes(out.resolve(rel)));
    }

    static List<String> texts(Document d, String ns, String local) {
        List<String> out = new ArrayList<>();
        NodeList l = d.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < l.getLength(); i++) out.add(l.item(i).getTextContent());
        return out;
    }

    static Record marc(String rel) throws IOException {
        MarcStreamReader r = new MarcStreamReader(new ByteArrayInputStream(Files.readAllBytes(out.resolve(rel))), "UTF-8");
        assertTrue(r.hasNext());
        return r.next();
    }

    static String sub(Record r, String tag, char code, boolean vernacular) {
        for (DataField f : r.getDataFields()) {
            boolean is880 = f.getTag().equals("880") && f.getSubfield('6') != null && f.getSubfield('6').getData().startsWith(tag + "-");
            if (vernacular ? is880 : f.getTag().equals(tag)) return f.getSubfield(code) == null ? null : f.getSubfield(code).getData();
        }
        return null;
    }

    @Test
    void markupLikeTitlesSurviveEscapingInEveryFormat() throws Exception {
        assertTrue(texts(xml("records/dc/fx-notice.xml"), "http://purl.org/dc/elements/1.1/", "title").contains(TITLE));
        assertTrue(texts(xml("records/mods/fx-notice.xml"), "http://www.loc.gov/mods/v3", "title").contains(TITLE));
        List<String> subfields = texts(xml("records/marcxml/fx-notice.xml"), "http://www.loc.gov/MARC21/slim", "subfield");
        assertTrue(subfields.contains(TITLE + " /"), subfields.toString());
        Record r = marc("records/marc/fx-notice.mrc");
        assertEquals(TITLE + " /", sub(r, "245", 'a', true));
        // The romanised title keeps the characters as characters too.
        assertEquals("Guanyu<b>jiaqiang</b> \"dongji zhi'an\"&fanghuo gongzuo de tongzhi <script>alert (\"x\") </script> /", sub(r, "245", 'a', false));
        String mrk = Files.readString(out.resolve("records/marc/fx-notice.mrk"));
        assertTrue(mrk.contains(TITLE + " /"), mrk);
        // The edition's English title with & < > "
        assertTrue(texts(xml("records/edition/dc.xml"), "http://purl.org/dc/elements/1.1/", "title").contains(EDITION_TITLE));
        assertTrue(texts(xml("records/edition/mods.xml"), "http://www.loc.gov/mods/v3", "title").contains(EDITION_TITLE));
        assertEquals(EDITION_TITLE + ".", sub(marc("records/edition/edition.mrc"), "245", 'a', false));
        String cff = Files.readString(out.resolve("CITATION.cff"));
        assertTrue(cff.contains("title: \"Notices & <speeches> of a \\\"test\\\" county, 2015–2016\"\n"), cff);
        // Every record is well-formed XML whatever the strings (parsed above) and valid where the schemas are.
        if (Files.isRegularFile(MetadataSchemas.DIR.resolve("MARC21slim.xsd"))) {
            for (String id : List.of("fx-notice", "fx-web")) {
                assertEquals(List.of(), MetadataSchemas.errors(MetadataSchemas.Standard.OAI_DC, Files.readAllBytes(out.resolve("records/dc/" + id + ".xml"))));
                assertEquals(List.of(), MetadataSchemas.errors(MetadataSchemas.Standard.MODS, Files.readAllBytes(out.resolve("records/mods/" + id + ".xml"))));
                assertEquals(List.of(), MetadataSchemas.errors(MetadataSchemas.Standard.MARCXML, Files.readAllBytes(out.resolve("records/marcxml/" + id + ".xml"))));
            }
        }
    }

    @Test
    void anIssuingBodyIsTheMainEntryAndAnUncertainRangeIsAQuestionableDate() throws Exception {
        Record r = marc("records/marc/fx-notice.mrc");
        assertEquals("Guangzhou Shi gong'anju,", sub(r, "110", 'a', false));
        assertEquals("广州市公安局,", sub(r, "110", 'a', true));
        assertEquals("isb", sub(r, "110", '4', false));
        String f008 = ((ControlField) r.getVariableField("008")).getData();
        assertEquals("q20152015", f008.substring(6, 15));
        assertEquals("[2015?].", sub(r, "264", 'c', false));
        assertEquals("(XxFx)fx-notice", sub(r, "035", 'a', false));
        assertEquals("XxFx", ((ControlField) r.getVariableField("003")).getData());
        // The register entry scoped to one document (a bare 市委) is no subject heading.
        assertFalse(r.toString().contains("Shiwei"));
        assertEquals("(GBT2260)440100", sub(r, "651", '0', false));
        Document mods = xml("records/mods/fx-notice.xml");
        NodeList dates = mods.getElementsByTagNameNS("http://www.loc.gov/mods/v3", "dateCreated");
        assertEquals(2, dates.getLength());
        assertEquals("start", ((Element) dates.item(0)).getAttribute("point"));
        assertEquals("questionable", ((Element) dates.item(0)).getAttribute("qualifier"));
        assertEquals("2015-12-31", dates.item(1).getTextContent());
        assertTrue(texts(mods, "http://www.loc.gov/mods/v3", "identifier").contains("穗公通〔2015〕12号"));
        assertTrue(texts(mods, "http://www.loc.gov/mods/v3", "digitalOrigin").contains("reformatted digital"));
    }

    @Test
    void aWebSpeechInTraditionalScript() throws Exception {
        Record r = marc("records/marc/fx-web.mrc");
        assertEquals("Ouyang, Ming,", sub(r, "100", 'a', false));
        assertEquals("歐陽明,", sub(r, "100", 'a', true));
        assertEquals("Ouyang Ming zai quanxian gong'an gongzuo huiyi shang de jianghua /", sub(r, "245", 'a', false));
        assertEquals("歐陽明在全縣公安工作會議上的講話 /", sub(r, "245", 'a', true));
        String f008 = ((ControlField) r.getVariableField("008")).getData();
        assertEquals("e20160104", f008.substring(6, 15));
        assertEquals('s', f008.charAt(33));
        assertEquals("Speeches.", sub(r, "655", 'a', false));
        assertEquals("lcgft", sub(r, "655", '2', false));
        assertEquals("https://gov.example.cn/news/2016/0105.html?a=1&b=2", sub(r, "786", 'o', false));
        assertEquals("縣政府網.", sub(r, "786", 'a', true));
        assertEquals("(traditional characters).", sub(r, "546", 'b', false));
        Document mods = xml("records/mods/fx-web.xml");
        assertTrue(texts(mods, "http://www.loc.gov/mods/v3", "scriptTerm").contains("Hant"));
        assertTrue(texts(mods, "http://www.loc.gov/mods/v3", "digitalOrigin").contains("born digital"));
        assertTrue(texts(mods, "http://www.loc.gov/mods/v3", "url").contains("https://gov.example.cn/news/2016/0105.html?a=1&b=2"));
        NodeList titles = mods.getElementsByTagNameNS("http://www.loc.gov/mods/v3", "titleInfo");
        Element vern = (Element) titles.item(0), roman = (Element) titles.item(1);
        assertEquals("Hant", vern.getAttribute("script"));
        assertEquals("Latn", roman.getAttribute("script"));
        assertEquals("ALA-LC Romanization Tables", roman.getAttribute("transliteration"));
        assertEquals(vern.getAttribute("altRepGroup"), roman.getAttribute("altRepGroup"));
        List<String> dcLangs = texts(xml("records/dc/fx-web.xml"), "http://purl.org/dc/elements/1.1/", "language");
        assertTrue(dcLangs.contains("zh-Hant"), dcLangs.toString());
    }

    @Test
    void withoutAnEditionHeaderTheDocumentsStillGetTheirRecords() throws Exception {
        Path docs = tmp.resolve("bare");
        Files.createDirectories(docs);
        Path src = Path.of(CatalogFixtureTest.class.getResource("fixture/docs").toURI());
        for (String f : List.of("fx-web.xml", "registers.xml")) Files.copy(src.resolve(f), docs.resolve(f));
        Files.writeString(docs.resolve("broken.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>", StandardCharsets.UTF_8);
        Path site = tmp.resolve("bare-site");
        Publisher.Result r = new Publisher(new Publisher.Options(site, Set.of("catalog"), null, 1)).publish(List.of(docs));
        Path htmlOnly = tmp.resolve("html-only");
        Files.delete(docs.resolve("broken.xml"));
        assertTrue(new Publisher(new Publisher.Options(htmlOnly, Set.of("html"), null, 1)).publish(List.of(docs)).ok());
        assertFalse(Files.readString(htmlOnly.resolve("doc/fx-web.html")).contains("records/"));
        assertFalse(Files.exists(htmlOnly.resolve("records")));
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("broken.xml: "), r.errors().get(0));
        assertTrue(Files.isRegularFile(site.resolve("records/marc/fx-web.mrc")));
        assertFalse(Files.exists(site.resolve("records/edition")));
        assertFalse(Files.exists(site.resolve("CITATION.cff")));
    }
}
