package org.jiaokan.io;

import org.xml.sax.SAXParseException;

/**
 * The reasons XML input is refused, in words: where it stops being well-formed (line and column),
 * and that DTDs and entities are never loaded. Every command that parses input XML reports with these.
 */
public final class XmlErrors {
    private XmlErrors() {}

    /**
     * "not well-formed XML at line 3, column 22: ...", "a DOCTYPE is not allowed ...", or null when
     * {@code e} has no XML parse error among its causes.
     */
    public static String wellFormedness(Throwable e) {
        SAXParseException p = null;
        for (Throwable t = e; t != null && p == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SAXParseException s) p = s;
        }
        if (p == null) return null;
        String m = p.getMessage() == null ? "" : p.getMessage().replaceAll("\\s+", " ").strip();
        String at = p.getLineNumber() > 0 ? " at line " + p.getLineNumber() + (p.getColumnNumber() > 0 ? ", column " + p.getColumnNumber() : "") : "";
        if (m.contains("disallow-doctype-decl") || m.contains("DOCTYPE is disallowed")) {
            return "a DOCTYPE is not allowed" + at + " (DTDs and entities are never loaded)";
        }
        if (m.contains("entity expansion") || m.matches(".*JAXP0001000[1347].*") || m.contains("accumulated size of entities")
                || m.contains("entity size limit")) {
            return "entity expansion beyond the parser's limits" + at + " (an entity bomb?)";
        }
        if (m.contains("JAXP00010")) {
            // the parser's other limits: attributes on one element, nesting, a name's length
            return "beyond the parser's limits" + at + ": " + m;
        }
        if (m.contains("external entity refused") || m.contains("External Entity") || m.contains("accessExternal")) {
            return "external entity refused" + at + " (DTDs and entities are never loaded)";
        }
        return "not well-formed XML" + at + ": " + m;
    }
}
