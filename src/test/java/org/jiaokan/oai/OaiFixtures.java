package org.jiaokan.oai;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The OAI tests' fixtures: a published output folder holding the example edition's TEI as the
 * publisher writes it ({@code doc/DOCID.xml}, byte copies of {@code tei/docs/}) and records of the
 * shape the catalogue output writes ({@code records/{dc,mods,marcxml}/DOCID.xml},
 * {@code records/edition/*.xml}), and the standards' schemas, read offline.
 */
final class OaiFixtures {
    private OaiFixtures() {}

    static final Path EXAMPLE = Path.of("tei");
    static final Path XSD = Path.of("../shared/external/xsd-metadata-standards");

    /** A published output folder for the example edition with records in every format; returns {@code out}. */
    static Path published(Path out) throws IOException {
        Path doc = Files.createDirectories(out.resolve("doc"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(EXAMPLE.resolve("docs"), "*.xml")) {
            for (Path p : ds) {
                if (p.getFileName().toString().equals("registers.xml")) continue;
                Files.copy(p, doc.resolve(p.getFileName()));
            }
        }
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><title>Example edition</title></html>");
        // The records are the catalogue output's own, as publish writes them.
        org.jiaokan.publish.OutputFormat.Result r = new org.jiaokan.publish.catalog.CatalogFormat()
                .publish(org.jiaokan.publish.Publisher.sort(List.of(EXAMPLE)), out, java.util.Set.of("html", "catalog"), 2);
        if (!r.errors().isEmpty()) throw new IOException("the catalogue output failed: " + r.errors());
        return out;
    }

    /**
     * Records for every TEI document in {@code out/doc/} and for the edition: a small stand-in for the
     * catalogue output (valid oai_dc, a minimal MODS 3.8 and MARCXML record each).
     */
    static void writeRecords(Path out, Path editionXml) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out.resolve("doc"), "*.xml")) {
            for (Path p : ds) {
                String id = p.getFileName().toString().replaceFirst("\\.xml$", "");
                Document d = parse(p);
                Element title = Dom.descendants(d.getDocumentElement(), "title").get(0);
                String uri = Dom.descendants(d.getDocumentElement(), "idno").stream()
                        .filter(i -> "URI".equals(i.getAttribute("type"))).map(Element::getTextContent).findFirst().orElse(id);
                write(out.resolve("records/dc/" + id + ".xml"), dc(title.getTextContent(), uri));
                write(out.resolve("records/mods/" + id + ".xml"), mods(title.getTextContent()));
                write(out.resolve("records/marcxml/" + id + ".xml"), marc(id, title.getTextContent()));
            }
        }
        Document e = parse(editionXml);
        String title = Dom.descendants(e.getDocumentElement(), "title").get(0).getTextContent();
        write(out.resolve("records/edition/dc.xml"), dc(title, "https://example.org/jiaokan/example/"));
        write(out.resolve("records/edition/mods.xml"), mods(title));
        write(out.resolve("records/edition/marcxml.xml"), marc("edition", title));
    }

    static String dc(String title, String identifier) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "  <dc:title xml:lang=\"zh\">" + esc(title) + "</dc:title>\n"
                + "  <dc:identifier>" + esc(identifier) + "</dc:identifier>\n"
                + "  <dc:language>chi</dc:language>\n"
                + "</oai_dc:dc>\n";
    }

    static String mods(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<mods:mods xmlns:mods=\"http://www.loc.gov/mods/v3\" version=\"3.8\">\n"
                + "  <mods:titleInfo><mods:title>" + esc(title) + "</mods:title></mods:titleInfo>\n"
                + "</mods:mods>\n";
    }

    static String marc(String id, String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">\n"
                + "  <marc:leader>00000nam a2200000 a 4500</marc:leader>\n"
                + "  <marc:controlfield tag=\"001\">" + esc(id) + "</marc:controlfield>\n"
                + "  <marc:datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><marc:subfield code=\"a\">" + esc(title) + "</marc:subfield></marc:datafield>\n"
                + "</marc:record>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Document parse(Path p) throws IOException {
        try {
            return Xml.parse(p);
        } catch (SAXException e) {
            throw new IOException(e);
        }
    }

    static Document parse(byte[] b) {
        try {
            return Xml.parse(b);
        } catch (SAXException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + new String(b, StandardCharsets.UTF_8), e);
        }
    }

    // ---- the standards' schemas, offline

    private static Schema schema;

    /**
     * OAI-PMH.xsd with oai_dc, MODS 3.8 and MARC21slim, so that a response's metadata is validated
     * strictly with it; imports resolve to the local copies, never the network. Skips the test when the
     * schemas are absent.
     */
    static synchronized Schema oaiSchema() throws SAXException {
        Assumptions.assumeTrue(Files.isRegularFile(XSD.resolve("OAI-PMH.xsd")),
                "skipped: the OAI-PMH and metadata schemas are not at " + XSD.toAbsolutePath().normalize());
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setResourceResolver(new Offline());
            schema = f.newSchema(new StreamSource[]{
                    source("OAI-PMH.xsd"), source("oai_dc.xsd"), source("mods-3-8.xsd"), source("MARC21slim.xsd")});
        }
        return schema;
    }

    private static StreamSource source(String name) {
        return new StreamSource(XSD.resolve(name).toAbsolutePath().toUri().toString());
    }

    /** Validates {@code xml}; returns the errors, none when valid. */
    static List<String> validate(byte[] xml) throws SAXException, IOException {
        return validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Validates a document built in memory; returns the errors, none when valid. */
    static List<String> validate(Document d) throws SAXException, IOException {
        return validate(new javax.xml.transform.dom.DOMSource(d));
    }

    private static List<String> validate(javax.xml.transform.Source source) throws SAXException, IOException {
        Validator v = oaiSchema().newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new java.util.ArrayList<>();
        v.setErrorHandler(new org.xml.sax.ErrorHandler() {
            public void warning(org.xml.sax.SAXParseException e) {}
            public void error(org.xml.sax.SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage()); }
            public void fatalError(org.xml.sax.SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage()); }
        });
        v.validate(source);
        return errors;
    }

    /** Maps the standard schema URLs the schemas import to the local copies; refuses anything else. */
    private static final class Offline implements LSResourceResolver {
        private static final Map<String, String> BY_NAME = Map.of(
                "xml.xsd", "xml.xsd", "xlink.xsd", "xlink.xsd",
                "simpledc20021212.xsd", "simpledc20021212.xsd");

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? null : systemId.substring(systemId.lastIndexOf('/') + 1);
            String local = name == null ? null : BY_NAME.get(name);
            if (local == null && "http://www.w3.org/XML/1998/namespace".equals(namespace)) local = "xml.xsd";
            if (local == null && "http://www.w3.org/1999/xlink".equals(namespace)) local = "xlink.xsd";
            if (local == null) throw new IllegalStateException("schema import not available offline: " + systemId);
            return new Input(XSD.resolve(local).toAbsolutePath().toUri().toString(), publicId);
        }
    }

    private record Input(String systemId, String publicId) implements LSInput {
        public Reader getCharacterStream() { return null; }
        public void setCharacterStream(Reader r) {}
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(Path.of(java.net.URI.create(systemId)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        public void setByteStream(InputStream s) {}
        public String getStringData() { return null; }
        public void setStringData(String s) {}
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) {}
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) {}
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) {}
        public String getEncoding() { return null; }
        public void setEncoding(String s) {}
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) {}
    }
}
