package org.jiaokan.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for building and reading TEI trees with the DOM. */
public final class Dom {
    private Dom() {}

    /** Appends a new TEI element, with attributes given as name/value pairs (empty values skipped). */
    public static Element add(Node parent, String name, String... attrs) {
        Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element e = doc.createElementNS(Xml.TEI_NS, name);
        if (parent instanceof Document) e.setAttributeNS(Xml.XMLNS_NS, "xmlns", Xml.TEI_NS);
        for (int i = 0; i + 1 < attrs.length; i += 2) attr(e, attrs[i], attrs[i + 1]);
        parent.appendChild(e);
        return e;
    }

    /** Appends a new TEI element holding one text node. */
    public static Element addText(Node parent, String name, String text, String... attrs) {
        Element e = add(parent, name, attrs);
        e.appendChild(e.getOwnerDocument().createTextNode(text));
        return e;
    }

    /** Sets an attribute; "xml:" names go in the XML namespace; null or empty values are skipped. */
    public static void attr(Element e, String name, String value) {
        if (value == null || value.isEmpty()) return;
        if (name.startsWith("xml:")) e.setAttributeNS(Xml.XML_NS, name, value);
        else e.setAttribute(name, value);
    }

    public static void text(Node parent, String text) {
        if (!text.isEmpty()) parent.appendChild(parent.getOwnerDocument().createTextNode(text));
    }

    /** Element children of {@code parent} with the given local name (any name when null). */
    public static List<Element> children(Node parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (local == null || local.equals(e.getLocalName()))) out.add(e);
        }
        return out;
    }

    public static Optional<Element> child(Node parent, String local) {
        List<Element> c = children(parent, local);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    /** All descendant elements with the given local name, in document order. */
    public static List<Element> descendants(Node root, String local) {
        List<Element> out = new ArrayList<>();
        collect(root, local, out);
        return out;
    }

    private static void collect(Node n, String local, List<Element> out) {
        for (Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k instanceof Element e) {
                if (local == null || local.equals(e.getLocalName())) out.add(e);
                collect(e, local, out);
            }
        }
    }

    public static String xmlId(Element e) {
        return e.getAttributeNS(Xml.XML_NS, "id");
    }
}
