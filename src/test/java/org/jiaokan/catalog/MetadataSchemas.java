package org.jiaokan.catalog;

import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata standards' own XML Schemas (OAI-PMH 2.0, oai_dc, MARC21 slim, MODS 3.8) from
 * {@code ../shared/external/xsd-metadata-standards/}, compiled offline: every import and include
 * ({@code xml.xsd}, {@code xlink.xsd}, {@code simpledc20021212.xsd} …, by URL or by relative path)
 * resolves to the file of that name in the folder, and any other resource is refused, so nothing is
 * ever fetched from the network. Tests skip with a message where the folder is absent.
 */
public final class MetadataSchemas {
    public static final Path DIR = Path.of("..", "shared", "external", "xsd-metadata-standards");

    /** The schema files by what they describe. */
    public enum Standard {
        OAI_DC("oai_dc.xsd"), MODS("mods-3-8.xsd"), MARCXML("MARC21slim.xsd"), OAI_PMH("OAI-PMH.xsd");

        final String file;

        Standard(String file) { this.file = file; }
    }

    private static final Map<Standard, Schema> CACHE = new ConcurrentHashMap<>();

    private MetadataSchemas() {}

    /** Skips the calling test, with a message, when the schemas are not there. */
    public static void assumePresent() {
        Assumptions.assumeTrue(Files.isRegularFile(DIR.resolve("MARC21slim.xsd")),
                "the metadata standards' schemas are absent (" + DIR.toAbsolutePath().normalize() + "): validation skipped");
    }

    /** The compiled schema of a standard (compiled once). */
    public static Schema schema(Standard s) {
        return CACHE.computeIfAbsent(s, k -> {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                f.setResourceResolver(OFFLINE);
                Path file = DIR.resolve(k.file).toAbsolutePath().normalize();
                return f.newSchema(new StreamSource(file.toFile()));
            } catch (SAXException e) {
                throw new IllegalStateException("the schema " + k.file + " does not compile offline: " + e.getMessage(), e);
            }
        });
    }

    /** The validation errors of an XML record against a standard's schema ("LINE:COL: message"), none when valid. */
    public static List<String> errors(Standard s, byte[] xml) throws IOException {
        Validator v = schema(s).newValidator();
        v.setResourceResolver(OFFLINE);
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage()); }
        });
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (errors.isEmpty()) errors.add(e.getMessage());
        }
        return errors;
    }

    /** Resolves every schema import to the folder's file of the same name; refuses anything else. */
    static final LSResourceResolver OFFLINE = (type, namespace, publicId, systemId, baseUri) -> {
        String name = systemId == null ? "" : systemId.replaceFirst("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        Path local = DIR.resolve(name).toAbsolutePath().normalize();
        if (name.isEmpty() || !name.endsWith(".xsd") || !local.startsWith(DIR.toAbsolutePath().normalize()) || !Files.isRegularFile(local)) {
            throw new IllegalStateException("refusing to fetch " + systemId + " (schemas resolve offline only)");
        }
        try {
            return new Input(Files.readAllBytes(local), local.toUri().toString(), publicId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };

    private record Input(byte[] bytes, String systemId, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) {}
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream s) {}
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) {}
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) {}
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) {}
        @Override public String getBaseURI() { return systemId; }
        @Override public void setBaseURI(String s) {}
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) {}
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) {}
    }
}
