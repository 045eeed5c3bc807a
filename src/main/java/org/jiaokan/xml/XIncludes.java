package org.jiaokan.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands XInclude elements (parse="xml", whole documents) from files inside one folder only. */
public final class XIncludes {
    public static final String NS = "http://www.w3.org/2001/XInclude";

    private XIncludes() {}

    /** True when the document has xi:include elements. */
    public static boolean has(Document doc) {
        return doc.getElementsByTagNameNS(NS, "include").getLength() > 0;
    }

    /**
     * Replaces each xi:include in {@code doc} by the root element of the file it names, resolved
     * against {@code base} (the including file's folder); files outside {@code base} are refused, also where a link
     * inside it leads out of it, and so is anything not a plain file.
     */
    public static Document expand(Document doc, Path base) throws IOException, SAXException {
        return expand(doc, base, new java.util.HashMap<>());
    }

    /**
     * As {@link #expand(Document, Path)}, recording the root element that
     * replaced each xi:include, with the href it came from, in {@code origins}.
     */
    public static Document expand(Document doc, Path base, java.util.Map<Element, String> origins) throws IOException, SAXException {
        NodeList list = doc.getElementsByTagNameNS(NS, "include");
        List<Element> incs = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) incs.add((Element) list.item(i));
        Path root = base.toAbsolutePath().normalize();
        for (Element inc : incs) {
            String href = inc.getAttribute("href");
            if (!inc.getAttribute("parse").isEmpty() && !inc.getAttribute("parse").equals("xml")) {
                throw new IOException("xi:include parse=\"" + inc.getAttribute("parse") + "\" is not supported: " + href);
            }
            Path target = root.resolve(href).normalize();
            if (href.contains(":") || !target.startsWith(root)) throw new IOException("xi:include outside " + base + " refused: " + href);
            // where it is, links followed: a link inside the folder to a file outside it is outside it
            Path real;
            try {
                real = target.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException("xi:include of a file not found: " + href);
            }
            if (!real.startsWith(root.toRealPath())) throw new IOException("xi:include outside " + base + " refused: " + href + " (a link out of it)");
            if (!java.nio.file.Files.isRegularFile(real)) throw new IOException("xi:include of something not a file refused: " + href);
            Element included = (Element) doc.importNode(Xml.parse(real).getDocumentElement(), true);
            inc.getParentNode().replaceChild(included, inc);
            origins.put(included, href);
        }
        return doc;
    }
}
