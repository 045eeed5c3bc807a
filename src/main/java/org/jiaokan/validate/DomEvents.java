package org.jiaokan.validate;

import org.jiaokan.xml.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A parsed document's elements, attributes and text as the SAX events a parser of its bytes gives a
 * validator (namespace declarations as prefix mappings, not attributes; comments and processing
 * instructions, which no schema sees, left out). The tree is walked without recursion, so any depth a
 * parser accepted is walked.
 */
final class DomEvents {
    private DomEvents() {}

    static void send(Document doc, ContentHandler h) throws SAXException {
        h.startDocument();
        // An element is on the stack twice: to open it (with its children pushed after it) and to close it.
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{doc.getDocumentElement(), null});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Node n = (Node) top[0];
            if (top[1] != null) {
                close((Element) n, (List<?>) top[1], h);
                continue;
            }
            if (n instanceof Element e) {
                List<String> prefixes = open(e, h);
                stack.push(new Object[]{e, prefixes});
                for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) stack.push(new Object[]{c, null});
            } else if (n instanceof Text t) {
                // text and CDATA sections alike
                String data = t.getData();
                h.characters(data.toCharArray(), 0, data.length());
            }
        }
        h.endDocument();
    }

    private static List<String> open(Element e, ContentHandler h) throws SAXException {
        List<String> prefixes = new ArrayList<>(0);
        AttributesImpl atts = new AttributesImpl();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (Xml.XMLNS_NS.equals(a.getNamespaceURI())) {
                String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                h.startPrefixMapping(prefix, a.getValue());
                prefixes.add(prefix);
                continue;
            }
            atts.addAttribute(uri(a), local(a), a.getName(), "CDATA", a.getValue());
        }
        h.startElement(uri(e), local(e), e.getTagName(), atts);
        return prefixes;
    }

    private static void close(Element e, List<?> prefixes, ContentHandler h) throws SAXException {
        h.endElement(uri(e), local(e), e.getTagName());
        for (int i = prefixes.size() - 1; i >= 0; i--) h.endPrefixMapping((String) prefixes.get(i));
    }

    private static String uri(Node n) {
        return n.getNamespaceURI() == null ? "" : n.getNamespaceURI();
    }

    private static String local(Node n) {
        return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    }
}
