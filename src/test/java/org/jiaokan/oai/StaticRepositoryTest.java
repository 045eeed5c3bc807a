package org.jiaokan.oai;

import org.jiaokan.serve.oai.OaiCatalog;
import org.jiaokan.serve.oai.StaticRepository;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The static repository file of the example edition's published records. */
class StaticRepositoryTest {

    static final String SR = "http://www.openarchives.org/OAI/2.0/static-repository";
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    @TempDir
    static Path tmp;
    static Path out;
    static byte[] bytes;
    static Document doc;

    @BeforeAll
    static void write() throws Exception {
        out = OaiFixtures.published(tmp.resolve("site"));
        StaticRepository.Result r = StaticRepository.write(out, OaiFixtures.EXAMPLE.resolve("edition.xml"));
        assertEquals(out.resolve("records/oai-static.xml"), r.file());
        assertEquals(6, r.items());
        assertEquals(List.of(), r.problems());
        bytes = Files.readAllBytes(r.file());
        doc = OaiFixtures.parse(bytes);
    }

    static List<Element> children(Element e) {
        List<Element> l = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) l.add(c);
        return l;
    }

    static List<String> texts(Element e, String local) {
        NodeList n = e.getElementsByTagNameNS(OAI, local);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) l.add(n.item(i).getTextContent().strip());
        return l;
    }

    @Test
    void structure() {
        Element root = doc.getDocumentElement();
        assertEquals(SR, root.getNamespaceURI());
        assertEquals("Repository", root.getLocalName());
        List<String> parts = children(root).stream().map(e -> e.getLocalName() + (e.hasAttribute("metadataPrefix") ? ":" + e.getAttribute("metadataPrefix") : "")).toList();
        assertEquals(List.of("Identify", "ListMetadataFormats", "ListRecords:oai_dc", "ListRecords:mods", "ListRecords:marcxml"), parts);
        Element identify = children(root).get(0);
        assertEquals(List.of("Public-security meeting reports and speeches, 2008–2024: an example edition"), texts(identify, "repositoryName"));
        assertEquals(List.of("https://example.org/jiaokan/example/records/oai-static.xml"), texts(identify, "baseURL"));
        assertEquals(List.of("webmaster@example.org"), texts(identify, "adminEmail"));
        assertEquals(List.of("2026-12-01"), texts(identify, "earliestDatestamp"));
        assertEquals(List.of("YYYY-MM-DD"), texts(identify, "granularity"));
        for (Element lr : children(root).subList(2, 5)) {
            List<String> ids = texts(lr, "identifier");
            assertEquals(6, ids.size());
            assertEquals("oai:example.org:edition", ids.get(5));
            assertTrue(ids.get(0).startsWith("oai:example.org:jk-000_"), ids.get(0));
            assertEquals(0, lr.getElementsByTagNameNS(OAI, "setSpec").getLength(), "a static repository has no sets");
        }
    }

    /** Each part of the file, put in an OAI-PMH response, is valid against OAI-PMH.xsd, its metadata against its own schema. */
    @Test
    void everyPartIsValidOaiPmhWithValidMetadata() throws Exception {
        OaiFixtures.oaiSchema();
        for (Element part : children(doc.getDocumentElement())) {
            Document d = Xml.newDocument();
            Element r = d.createElementNS(OAI, "OAI-PMH");
            d.appendChild(r);
            Element date = d.createElementNS(OAI, "responseDate");
            date.setTextContent("2026-12-01T00:00:00Z");
            r.appendChild(date);
            Element req = d.createElementNS(OAI, "request");
            req.setAttribute("verb", part.getLocalName());
            if (part.hasAttribute("metadataPrefix")) req.setAttribute("metadataPrefix", part.getAttribute("metadataPrefix"));
            req.setTextContent("https://example.org/jiaokan/example/records/oai-static.xml");
            r.appendChild(req);
            Element verb = d.createElementNS(OAI, part.getLocalName());
            r.appendChild(verb);
            for (Element c : children(part)) verb.appendChild(d.importNode(c, true));
            assertEquals(List.of(), OaiFixtures.validate(d), part.getLocalName());
        }
    }

    @Test
    void recordsAreTheRecordFiles() throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String dc = Files.readString(out.resolve("records/dc/jk-004_02a83077c9d50b2a.xml")).replaceFirst("^<\\?xml[^>]*>\\s*", "").strip();
        assertTrue(text.contains(dc), "the oai_dc record is copied as it is");
        assertFalse(text.substring(text.indexOf("<Repository")).contains("<?xml"), "no XML declaration inside");
    }

    @Test
    void sameOutputSameBytesAndServeReadsItsDescription() throws Exception {
        StaticRepository.write(out, OaiFixtures.EXAMPLE.resolve("edition.xml"));
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("records/oai-static.xml")));
        // serve, given no edition.xml, describes the repository as the static file does
        OaiCatalog c = OaiCatalog.load(out);
        assertEquals("Public-security meeting reports and speeches, 2008–2024: an example edition", c.info().name());
        assertEquals(List.of("webmaster@example.org"), c.info().adminEmails());
    }

    @Test
    void withoutEditionXmlTheDescriptionComesFromTheOutput() throws Exception {
        Path other = OaiFixtures.published(tmp.resolve("other"));
        Files.writeString(other.resolve("records/edition/dc.xml"), OaiFixtures.dc("公安工作会议讲话与报道选编(示例)", "https://example.org/jiaokan/example/"));
        StaticRepository.write(other);
        Document d = OaiFixtures.parse(Files.readAllBytes(other.resolve("records/oai-static.xml")));
        Element identify = children(d.getDocumentElement()).get(0);
        assertEquals(List.of("公安工作会议讲话与报道选编(示例)"), texts(identify, "repositoryName"));
        assertEquals(List.of("https://example.org/jiaokan/example/records/oai-static.xml"), texts(identify, "baseURL"));
    }
}
