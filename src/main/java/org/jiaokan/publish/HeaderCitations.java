package org.jiaokan.publish;

import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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
        Element root = tei.getDocumentElement();
        if (root == null) return m;
        String author = first(root, "author");
        String title = first(root, "title");
        String date = "";
        NodeList dates = root.getElementsByTagNameNS(Xml.TEI_NS, "creation");
        if (dates.getLength() > 0) {
            NodeList d = ((Element) dates.item(0)).getElementsByTagNameNS(Xml.TEI_NS, "date");
            if (d.getLength() > 0) date = ((Element) d.item(0)).getAttribute("when");
        }
        if (title.isEmpty()) return m;
        StringBuilder sb = new StringBuilder();
        if (!author.isEmpty()) sb.append(author).append(". ");
        sb.append(title).append("[EB/OL]. ");
        if (date.matches("\\d{4}(-\\d\\d){0,2}")) sb.append('(').append(date).append("). ");
        if (!url.isEmpty()) sb.append(url).append('.');
        m.put("gbt7714", sb.toString().strip());
        return m;
    }

    private static String first(Element root, String name) {
        NodeList l = root.getElementsByTagNameNS(Xml.TEI_NS, "titleStmt");
        if (l.getLength() == 0) return "";
        NodeList n = ((Element) l.item(0)).getElementsByTagNameNS(Xml.TEI_NS, name);
        for (int i = 0; i < n.getLength(); i++) {
            Node e = n.item(i);
            if (e.getParentNode() == l.item(0)) return e.getTextContent().replaceAll("\\s+", " ").strip();
        }
        return "";
    }
}
