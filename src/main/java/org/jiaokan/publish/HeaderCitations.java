package org.jiaokan.publish;

import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain GB/T 7714-2015 reference ({@code 主要责任者. 题名[EB/OL]. (日期). URL.}) made from the
 * TEI header alone: the default {@link CitationProvider} until the CSL-based one is plugged in.
 */
public final class HeaderCitations implements CitationProvider {
    @Override
    public Map<String, String> citations(Document tei, String url) {
        Map<String, String> m = new LinkedHashMap<>();
        Element header = child(tei.getDocumentElement(), "teiHeader");
        Element titleStmt = child(child(header, "fileDesc"), "titleStmt");
        String title = text(child(titleStmt, "title"));
        if (title.isEmpty()) return m;
        String author = text(child(titleStmt, "author"));
        Element date = child(child(child(header, "profileDesc"), "creation"), "date");
        String when = date == null ? "" : date.getAttribute("when");
        StringBuilder sb = new StringBuilder();
        if (!author.isEmpty()) sb.append(author).append(". ");
        sb.append(title).append("[EB/OL]. ");
        if (when.matches("\\d{4}(-\\d\\d){0,2}")) sb.append('(').append(when).append("). ");
        if (!url.isEmpty()) sb.append(url).append('.');
        m.put("gbt7714", sb.toString().strip());
        return m;
    }

    private static Element child(Element parent, String local) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && Xml.TEI_NS.equals(n.getNamespaceURI()) && local.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
