package org.jiaokan.validate;

import org.jiaokan.xml.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every {@code xml:id} occurs once: in one document, and in a corpus file with its
 * XIncludes expanded (where two documents that share an id would give clashing anchors in a
 * combined page). RELAX NG validation as used here does not check ID uniqueness.
 */
public final class IdUniqueness {
    private IdUniqueness() {}

    /**
     * One message per id that occurs more than once under {@code root}, naming the id and the
     * files it occurs in. {@code origins} maps the root element of each included document to its
     * file name; elements outside any of them belong to {@code file}.
     */
    public static List<String> duplicates(Element root, String file, Map<Element, String> origins) {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        collect(root, file, origins, seen);
        return messages(seen);
    }

    /**
     * One message per id that occurs more than once, from every id in document order with the file it
     * occurs in ({@code seen}: id → files, in the order of the ids' first occurrences).
     */
    public static List<String> messages(Map<String, List<String>> seen) {
        List<String> out = new ArrayList<>();
        for (var e : seen.entrySet()) {
            List<String> where = e.getValue();
            if (where.size() < 2) continue;
            Set<String> files = new LinkedHashSet<>(where);
            String message = "duplicate xml:id \"" + e.getKey() + "\": ";
            if (files.size() == 1) {
                message += where.size() + " times in " + where.get(0);
            } else {
                message += "in " + String.join(", ", files);
            }
            out.add(message);
        }
        return out;
    }

    /**
     * The first {@code xml:id} under {@code root}, in document order, that an element before it also has, or null: for
     * a file about to be merged by its ids, where one repeated id is enough to stop. A walk without recursion, so that
     * a tree nested deep is walked too.
     */
    public static String firstRepeated(Element root) {
        Set<String> seen = new java.util.HashSet<>();
        org.w3c.dom.traversal.NodeIterator it = ((org.w3c.dom.traversal.DocumentTraversal) root.getOwnerDocument())
                .createNodeIterator(root, org.w3c.dom.traversal.NodeFilter.SHOW_ELEMENT, null, false);
        for (Node n; (n = it.nextNode()) != null; ) {
            String id = ((Element) n).getAttributeNS(Xml.XML_NS, "id");
            if (!id.isEmpty() && !seen.add(id)) return id;
        }
        return null;
    }

    private static void collect(Element e, String file, Map<Element, String> origins, Map<String, List<String>> seen) {
        String here = origins.getOrDefault(e, file);
        String id = e.getAttributeNS(Xml.XML_NS, "id");
        if (!id.isEmpty()) seen.computeIfAbsent(id, k -> new ArrayList<>()).add(here);
        for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k instanceof Element c) collect(c, here, origins, seen);
        }
    }
}
