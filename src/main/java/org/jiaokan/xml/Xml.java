package org.jiaokan.xml;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Secure XML parsing: no DTD fetching, no external entities, no XInclude unless asked for. */
public final class Xml {
    public static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    public static final String XML_NS = XMLConstants.XML_NS_URI;
    public static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private Xml() {}

    /** A namespace-aware document builder that refuses DOCTYPEs and external entities. */
    public static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = DOM_FACTORY.get().newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    /**
     * The secure DOM factory, one per thread: a factory is not thread-safe, and finding the implementation
     * on the class path (and setting its features) took longer than making a small document.
     */
    private static final ThreadLocal<DocumentBuilderFactory> DOM_FACTORY = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    });

    /**
     * The builder {@link #parse} and {@link #newDocument} use, one per thread and used again (a builder
     * parses one document at a time and forgets it afterwards). One whose parse failed is replaced, and so is
     * one that has parsed {@link #PARSES_PER_BUILDER} documents: the parser keeps every element and attribute
     * name it has read in a table of its own, which documents with names of their own would otherwise grow
     * for as long as the thread lives.
     */
    private static final ThreadLocal<Builder> BUILDER = ThreadLocal.withInitial(Builder::new);

    static final int PARSES_PER_BUILDER = 256;

    private static final class Builder {
        final DocumentBuilder builder = newBuilder();
        int parses;
    }

    private static Document parse(InputSource src) throws IOException, SAXException {
        Builder b = BUILDER.get();
        boolean parsed = false;
        try {
            Document d = b.builder.parse(src);
            parsed = true;
            return d;
        } finally {
            if (!parsed || ++b.parses >= PARSES_PER_BUILDER) BUILDER.remove();
        }
    }

    /**
     * A namespace-aware SAX reader that never loads DTDs or external entities (an entity it meets is an
     * error); with {@code refuseDoctype}, a DOCTYPE declaration is an error too.
     */
    public static XMLReader newSaxReader(boolean refuseDoctype) throws SAXException {
        try {
            SAXParserFactory f = (refuseDoctype ? SAX_STRICT : SAX_DOCTYPE).get();
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return r;
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /**
     * The secure SAX factories, one per thread (a factory is not thread-safe, and finding the implementation
     * takes longer than parsing a small file).
     */
    private static final ThreadLocal<SAXParserFactory> SAX_STRICT = ThreadLocal.withInitial(() -> saxFactory(true));
    private static final ThreadLocal<SAXParserFactory> SAX_DOCTYPE = ThreadLocal.withInitial(() -> saxFactory(false));

    private static SAXParserFactory saxFactory(boolean refuseDoctype) {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            if (refuseDoctype) f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
    }

    public static Document parse(Path file) throws IOException, SAXException {
        try (InputStream in = Files.newInputStream(file)) {
            InputSource src = new InputSource(in);
            src.setSystemId(file.toUri().toString());
            return parse(src);
        } catch (java.io.UnsupportedEncodingException e) {
            throw unreadable(e); // the file's own fault, as for text in memory
        }
    }

    public static Document parse(String xml) throws SAXException {
        try {
            return parse(new InputSource(new StringReader(xml)));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public static Document parse(byte[] xml) throws SAXException {
        try {
            return parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * What reading text held in memory can fail with is the text's own fault: an encoding declaration naming an
     * encoding the parser does not know ({@code encoding="x-bogus"}), or bytes the encoding cannot decode.
     */
    private static SAXException unreadable(IOException e) {
        String why = e instanceof java.io.UnsupportedEncodingException
                ? "its XML declaration names an encoding this reader does not know (" + e.getMessage() + ")"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SAXException(why, e);
    }

    public static Document newDocument() {
        return BUILDER.get().builder.newDocument();
    }
}
