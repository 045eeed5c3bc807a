package org.jiaokan.edition;

import org.jiaokan.model.Edition;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The edition's own metadata, kept in one TEI corpus file ({@code edition.xml}) that editors edit:
 * a {@code teiCorpus} whose header holds the title, editors, publisher, licence, canonical base URL,
 * release date and version, and whose body lists the documents by XInclude.
 */
public final class EditionHeader {
    public static final String XI_NS = "http://www.w3.org/2001/XInclude";

    private final Path file;
    private final Document doc;
    private final Edition edition;

    private EditionHeader(Path file, Document doc, Edition edition) {
        this.file = file;
        this.doc = doc;
        this.edition = edition;
    }

    /** Reads {@code edition.xml}; a missing required field is an error naming it. */
    public static EditionHeader read(Path file) throws IOException, EditionException {
        Document doc;
        try {
            doc = Xml.parse(file);
        } catch (SAXException e) {
            String why = org.jiaokan.io.XmlErrors.wellFormedness(e);
            throw new EditionException(file + ": " + (why != null ? why : "not well-formed XML: " + e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!"teiCorpus".equals(root.getLocalName()) || !Xml.TEI_NS.equals(root.getNamespaceURI())) {
            throw new EditionException(file + ": the edition file must be a TEI teiCorpus");
        }
        Element header = Dom.child(root, "teiHeader").orElseThrow(() -> new EditionException(file + ": no teiHeader"));
        Element fileDesc = required(file, header, "fileDesc");
        Element titleStmt = required(file, fileDesc, "titleStmt");
        Element pub = required(file, fileDesc, "publicationStmt");
        String title = text(required(file, titleStmt, "title"));
        List<String> editors = new ArrayList<>();
        for (Element e : Dom.children(titleStmt, "editor")) editors.add(text(e));
        String publisher = Dom.child(pub, "publisher").map(EditionHeader::text).orElse("");
        if (publisher.isEmpty()) throw new EditionException(file + ": publicationStmt has no publisher");
        String baseUrl = "";
        String prefix = "";
        for (Element idno : Dom.children(pub, "idno")) {
            if ("URI".equals(idno.getAttribute("type"))) baseUrl = text(idno);
            if ("prefix".equals(idno.getAttribute("type"))) prefix = text(idno);
        }
        if (baseUrl.isEmpty()) throw new EditionException(file + ": publicationStmt has no idno type=\"URI\" (the canonical base URL)");
        if (!baseUrl.endsWith("/")) baseUrl += "/";
        String licence = "";
        String licenceUrl = "";
        for (Element l : Dom.descendants(pub, "licence")) {
            licence = text(l);
            licenceUrl = l.getAttribute("target");
        }
        String date = Dom.child(pub, "date").map(d -> d.getAttribute("when")).orElse("");
        String version = Dom.descendants(fileDesc, "edition").stream().findFirst().map(e -> e.getAttribute("n")).orElse("");
        return new EditionHeader(file, doc, new Edition(title, editors, publisher, licence, licenceUrl, baseUrl, prefix, date, version));
    }

    private static Element required(Path file, Element parent, String name) throws EditionException {
        return Dom.child(parent, name).orElseThrow(() -> new EditionException(file + ": no " + name + " in " + parent.getLocalName()));
    }

    private static String text(Element e) {
        return e.getTextContent().strip().replaceAll("\\s+", " ");
    }

    public Edition edition() { return edition; }

    /**
     * The RELAX NG schema the edition names for the TEI as a whole, in an {@code <?xml-model
     * href="….rng"?>} before its root (a local path, relative to edition.xml), or empty.
     */
    public java.util.Optional<Path> schema() {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.PROCESSING_INSTRUCTION_NODE || !"xml-model".equals(n.getNodeName())) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=[\"']([^\"']+\\.rng)[\"']").matcher(n.getNodeValue());
            if (m.find() && !m.group(1).contains(":")) {
                return java.util.Optional.of(file.toAbsolutePath().getParent().resolve(m.group(1)).normalize());
            }
        }
        return java.util.Optional.empty();
    }

    /** Rewrites the XInclude list of documents (paths relative to the edition file), keeping the header as it is. */
    public void writeDocumentList(List<String> hrefs) throws IOException {
        Element root = doc.getDocumentElement();
        List<Node> old = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XI_NS.equals(e.getNamespaceURI())) old.add(n);
            if (n instanceof Element e && "TEI".equals(e.getLocalName())) old.add(n);
        }
        old.forEach(root::removeChild);
        for (Node n = root.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) root.removeChild(n);
            n = next;
        }
        if (!root.hasAttributeNS(Xml.XMLNS_NS, "xi")) root.setAttributeNS(Xml.XMLNS_NS, "xmlns:xi", XI_NS);
        for (String href : hrefs) {
            Element inc = doc.createElementNS(XI_NS, "xi:include");
            inc.setAttribute("href", href);
            root.appendChild(inc);
        }
        byte[] bytes = XmlWriter.bytes(doc);
        TeiFiles.writeIfChanged(file, bytes);
    }

    /** An edition folder or file that cannot be used; the message is the one-line reason. */
    public static final class EditionException extends Exception {
        public EditionException(String message) { super(message); }
    }
}
