package org.jiaokan.deposit;

import org.jiaokan.xml.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a deposit says about the edition, read from the {@code teiHeader} of its {@code edition.xml}:
 * title, edition statement and release, publisher and address, editors and contact e-mails,
 * description, canonical URI and release date.
 */
public record EditionInfo(String title, String edition, String version, String publisher, String address,
                          List<String> editors, List<String> emails, String description, String uri,
                          String releaseDate) {

    /** Reads {@code edition.xml} with the secure parser (no DTDs, no external entities). */
    public static EditionInfo read(Path editionXml) throws IOException {
        Element root;
        try {
            root = Xml.parse(editionXml).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException("not well-formed: " + e.getMessage(), e);
        }
        Element header = first(root, "teiHeader");
        if (header == null) throw new IOException("no teiHeader");
        Element fileDesc = first(header, "fileDesc");
        Element titleStmt = fileDesc == null ? null : first(fileDesc, "titleStmt");
        Element editionStmt = fileDesc == null ? null : first(fileDesc, "editionStmt");
        Element pub = fileDesc == null ? null : first(fileDesc, "publicationStmt");
        Element source = fileDesc == null ? null : first(fileDesc, "sourceDesc");

        String title = text(titleStmt == null ? null : first(titleStmt, "title"));
        Element ed = editionStmt == null ? null : first(editionStmt, "edition");
        String edition = text(ed);
        String version = ed == null ? "" : ed.getAttribute("n").strip();
        List<String> editors = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        if (titleStmt != null) {
            for (Element e : children(titleStmt, "editor")) {
                String name = textWithout(e, "email");
                if (!name.isEmpty()) editors.add(name);
            }
        }
        for (Element scope : new Element[]{titleStmt, pub}) {
            if (scope == null) continue;
            for (Element m : descendants(scope, "email")) {
                String v = text(m);
                if (!v.isEmpty() && !emails.contains(v)) emails.add(v);
            }
        }
        String publisher = "", address = "", uri = "", date = "";
        if (pub != null) {
            publisher = text(first(pub, "publisher"));
            Element addr = first(pub, "address");
            if (addr != null) {
                List<String> lines = new ArrayList<>();
                for (Element l : children(addr, "addrLine")) if (!text(l).isEmpty()) lines.add(text(l));
                address = lines.isEmpty() ? textWithout(addr, "email") : String.join(", ", lines);
            } else {
                address = text(first(pub, "pubPlace"));
            }
            for (Element idno : children(pub, "idno")) {
                if ("URI".equals(idno.getAttribute("type")) && uri.isEmpty()) uri = text(idno);
            }
            Element d = first(pub, "date");
            if (d != null) date = d.hasAttribute("when") ? d.getAttribute("when").strip() : text(d);
            if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) date = "";
        }
        List<String> desc = new ArrayList<>();
        if (source != null) for (Element p : children(source, "p")) if (!text(p).isEmpty()) desc.add(text(p));
        return new EditionInfo(title, edition, version, publisher, address, List.copyOf(editors), List.copyOf(emails),
                String.join(" ", desc), uri, date);
    }

    private static Element first(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Xml.TEI_NS.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Xml.TEI_NS.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static List<Element> descendants(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagNameNS(Xml.TEI_NS, local);
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** The element's text with white space collapsed; "" for none. */
    static String text(Element e) {
        return e == null ? "" : collapse(e.getTextContent());
    }

    private static String textWithout(Element e, String skip) {
        StringBuilder sb = new StringBuilder();
        collect(e, skip, sb);
        return collapse(sb.toString());
    }

    private static void collect(Node n, String skip, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (!skip.equals(e.getLocalName())) collect(e, skip, sb);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            }
        }
    }

    /** Collapses white space (line breaks included, so that no value can start a new bag-info line). */
    static String collapse(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u0000-\\u001f\\u007f\\u2028\\u2029]+", " ").strip();
    }
}
