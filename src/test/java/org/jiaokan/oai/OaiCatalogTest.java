package org.jiaokan.oai;

import org.jiaokan.serve.oai.OaiCatalog;
import org.jiaokan.serve.oai.OaiEndpoint;
import org.jiaokan.serve.oai.OaiFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The catalogue over invented published outputs, in simplified and traditional script. */
class OaiCatalogTest {

    @TempDir
    Path tmp;

    /** A TEI document as the converter writes its header, with the given genre, dates and URI. */
    static String tei(String key, String docId, String title, String lang, String genre, String catDesc,
                      String published, String changed, String uri) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="%5$s">
                  <teiHeader xml:lang="en">
                    <fileDesc>
                      <titleStmt><title xml:lang="%5$s">%4$s</title></titleStmt>
                      <publicationStmt>
                        <publisher>示范编辑部</publisher>
                        <idno type="jiaokan">%2$s</idno>
                        %9$s
                        <date when="%7$s">%7$s</date>
                      </publicationStmt>
                      <sourceDesc><p>示例</p></sourceDesc>
                    </fileDesc>
                    <encodingDesc><classDecl><taxonomy xml:id="%1$s-jk-doctype">
                      <category xml:id="%1$s-jk-%6$s"><catDesc>%3$s</catDesc></category>
                      <category xml:id="%1$s-jk-document"><catDesc>Document: none of the above.</catDesc></category>
                    </taxonomy></classDecl></encodingDesc>
                    <profileDesc><textClass><catRef scheme="#%1$s-jk-doctype" target="#%1$s-jk-%6$s"/></textClass></profileDesc>
                    %8$s
                  </teiHeader>
                  <text><body><p>正文</p></body></text>
                </TEI>
                """.formatted(key, docId, catDesc, title, lang, genre, published,
                changed == null ? "" : "<revisionDesc><change when=\"" + changed + "\">Converted.</change></revisionDesc>",
                uri == null ? "" : "<idno type=\"URI\">" + uri + "</idno>").strip();
    }

    Path out() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out/doc"));
        Files.writeString(out.resolve("n-1.xml"), tei("k1", "n-1", "市公安局关于开展夏季治安打击整治行动的通知", "zh-Hans",
                "notice", "Notice: an official notice.", "2025-06-03", "2025-06-10", "https://edition.example.net/police/doc/n-1.html"));
        Files.writeString(out.resolve("f-2.xml"), tei("k2", "f-2", "關於社區警務室開放時間的討論帖", "zh-Hant",
                "forum-post", "Forum post: a post captured from a web forum.", "2025-07-01", null, "https://edition.example.net/police/doc/f-2.html"));
        Files.writeString(out.resolve("u-3.xml"), tei("k3", "u-3", "縣政府召開平安建設推進會", "zh-Hant",
                "notice", "Notice: an official notice.", "2025-05-20", "2025-05-21", null));
        // a document without records is not an item
        Files.writeString(out.resolve("x-4.xml"), tei("k4", "x-4", "无记录的文件", "zh-Hans",
                "document", "Document: none of the above.", "2025-01-01", null, null));
        Path root = out.getParent();
        for (String id : List.of("n-1", "f-2", "u-3")) {
            OaiFixtures.write(root.resolve("records/dc/" + id + ".xml"), OaiFixtures.dc("题名" + id, "https://edition.example.net/police/doc/" + id + ".html"));
            OaiFixtures.write(root.resolve("records/mods/" + id + ".xml"), OaiFixtures.mods("题名" + id));
        }
        OaiFixtures.write(root.resolve("records/marcxml/n-1.xml"), OaiFixtures.marc("n-1", "题名"));
        return root;
    }

    @Test
    void itemsGenresDatestampsAndHost() throws Exception {
        OaiCatalog c = OaiCatalog.load(out());
        assertEquals(List.of("oai:edition.example.net:f-2", "oai:edition.example.net:n-1", "oai:edition.example.net:u-3"),
                c.entries().stream().map(OaiCatalog.Entry::identifier).toList());
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        c.entries().forEach(e -> dates.put(e.localId(), e.datestamp()));
        // the latest of the revision and publication dates
        assertEquals(Map.of("f-2", LocalDate.parse("2025-07-01"), "n-1", LocalDate.parse("2025-06-10"), "u-3", LocalDate.parse("2025-05-21")), dates);
        assertEquals(LocalDate.parse("2025-05-21"), c.earliest());
        assertEquals(List.of("genre:forum-post", "genre:notice"), c.genres().stream().map(OaiCatalog.Genre::spec).toList());
        assertEquals(List.of("论坛帖子 / Forum post", "通知公告 / Notice"), c.genres().stream().map(OaiCatalog.Genre::name).toList());
        assertEquals(List.of("genre:notice"), c.entry("oai:edition.example.net:u-3").orElseThrow().setSpecs());
        assertEquals(List.of(OaiFormat.OAI_DC, OaiFormat.MODS, OaiFormat.MARCXML),
                List.copyOf(c.entry("oai:edition.example.net:n-1").orElseThrow().records().keySet()));
        assertEquals(List.of(OaiFormat.OAI_DC, OaiFormat.MODS),
                List.copyOf(c.entry("oai:edition.example.net:f-2").orElseThrow().records().keySet()));
        assertEquals("https://edition.example.net/police/", c.info().baseUrl());
        assertEquals(List.of("webmaster@edition.example.net"), c.info().adminEmails());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void editionXmlGivesNameHostAndAddress() throws Exception {
        Path out = out();
        Path edition = tmp.resolve("edition.xml");
        Files.writeString(edition, """
                <teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
                  <titleStmt><title>县级公安文件汇编</title></titleStmt>
                  <publicationStmt><publisher>示范编辑部</publisher>
                    <address><addrLine>示范路1号</addrLine></address><email>editors@archive.example.org</email>
                    <idno type="URI">https://archive.example.org/county</idno></publicationStmt>
                  <sourceDesc><p>示例</p></sourceDesc></fileDesc></teiHeader></teiCorpus>""");
        OaiCatalog c = OaiCatalog.load(out, edition);
        assertEquals("县级公安文件汇编", c.info().name());
        assertEquals("archive.example.org", c.info().host());
        assertEquals("https://archive.example.org/county/", c.info().baseUrl());
        assertEquals(List.of("editors@archive.example.org"), c.info().adminEmails());
        assertEquals("oai:archive.example.org:f-2", c.entries().get(0).identifier());
    }

    @Test
    void recordsThatAreNotOfTheirFormatAreLeftOutAndNamed() throws Exception {
        Path out = out();
        Files.writeString(out.resolve("records/mods/n-1.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><mods xmlns=\"http://www.loc.gov/mods/v3\">&e;</mods>");
        Files.writeString(out.resolve("records/dc/u-3.xml"), "<record xmlns=\"http://www.loc.gov/MARC21/slim\"/>");
        Files.writeString(out.resolve("records/dc/f-2.xml"), "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\">");
        Files.write(out.resolve("records/mods/f-2.xml"), "<?xml version=\"1.0\" encoding=\"GBK\"?><mods xmlns=\"http://www.loc.gov/mods/v3\">公安</mods>".getBytes("GBK"));
        OaiCatalog c = OaiCatalog.load(out);
        assertEquals(4, c.problems().size(), String.join("\n", c.problems()));
        assertTrue(c.problems().stream().allMatch(p -> p.contains("records")), String.join("\n", c.problems()));
        assertFalse(c.entry("oai:edition.example.net:n-1").orElseThrow().records().containsKey(OaiFormat.MODS));
        assertFalse(c.entry("oai:edition.example.net:u-3").orElseThrow().records().containsKey(OaiFormat.OAI_DC));
        assertTrue(c.entry("oai:edition.example.net:f-2").isEmpty(), "f-2 has no usable record left");
    }

    @Test
    void endpointAnswersFromTheCatalogueAndSeesARepublish() throws Exception {
        Path out = out();
        OaiEndpoint e = new OaiEndpoint(out, null, 100, () -> "http://127.0.0.1:8000/oai");
        Document d = OaiFixtures.parse(e.respond(Map.of("verb", List.of("ListIdentifiers"), "metadataPrefix", List.of("oai_dc"), "set", List.of("genre:notice"))));
        assertEquals(2, d.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "header").getLength());
        assertEquals(List.of(), OaiFixtures.validate(e.respond(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("marcxml")))));
        // a record published later is offered without a restart
        Files.delete(out.resolve("records/marcxml/n-1.xml"));
        Files.writeString(out.resolve("records/marcxml/u-3.xml"), OaiFixtures.marc("u-3", "平安建設"));
        Document after = OaiFixtures.parse(e.respond(Map.of("verb", List.of("ListIdentifiers"), "metadataPrefix", List.of("marcxml"))));
        assertEquals("oai:edition.example.net:u-3",
                after.getElementsByTagNameNS("http://www.openarchives.org/OAI/2.0/", "identifier").item(0).getTextContent());
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        String bad = new String(OaiFixtures.marc("n-1", "题名").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replace("00000nam a2200000 a 4500", "not a leader");
        String response = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-12-01T00:00:00Z</responseDate>
                <request verb="GetRecord" identifier="oai:x.org:1" metadataPrefix="marcxml">http://x.org/oai</request>
                <GetRecord><record><header><identifier>oai:x.org:1</identifier><datestamp>2026-12-01</datestamp></header>
                <metadata>%s</metadata></record></GetRecord></OAI-PMH>""".formatted(bad.replaceFirst("^<\\?xml[^>]*>", ""));
        assertFalse(OaiFixtures.validate(response.getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
