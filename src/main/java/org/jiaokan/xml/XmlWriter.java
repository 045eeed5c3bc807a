package org.jiaokan.xml;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic XML serialisation: same tree, same bytes. Only elements that hold other elements
 * and never text (TEI's structural containers, foreign metadata) are indented, one child a line;
 * everything else, a paragraph with nothing but names in it included, is written exactly as it
 * stands, so no white space is ever added to text content.
 */
public final class XmlWriter {
    private static final String INDENT = "  ";
    /** TEI elements whose content model has no text: indenting their children adds nothing to any reading. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of(
            "TEI", "teiCorpus", "teiHeader", "fileDesc", "titleStmt", "editionStmt", "publicationStmt", "sourceDesc",
            "notesStmt", "seriesStmt", "respStmt", "availability", "extent", "encodingDesc", "appInfo", "application",
            "classDecl", "taxonomy", "category", "editorialDecl", "correction", "normalization", "punctuation",
            "segmentation", "interpretation", "quotation", "hyphenation", "stdVals", "projectDesc", "charDecl", "char",
            "profileDesc", "creation", "langUsage", "textClass", "keywords", "particDesc", "listPerson", "person",
            "listPlace", "place", "listOrg", "org", "xenoData", "revisionDesc", "text", "front", "docTitle", "body",
            "back", "div", "opener", "closer", "standOff", "bibl", "listBibl", "list");

    private XmlWriter() {}

    /** The whole document with an XML declaration and a final newline. */
    public static String write(Document doc) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) n, sb, 0, true);
                case Node.PROCESSING_INSTRUCTION_NODE -> sb.append("<?").append(n.getNodeName()).append(' ')
                        .append(n.getNodeValue()).append("?>");
                case Node.COMMENT_NODE -> sb.append("<!--").append(n.getNodeValue()).append("-->");
                default -> { continue; }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static byte[] bytes(Document doc) {
        return write(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** One element serialised without indentation of its own start (for digests and tests). */
    public static String write(Element e) {
        StringBuilder sb = new StringBuilder();
        element(e, sb, 0, false);
        return sb.toString();
    }

    /**
     * A digest of an element that ignores layout: white space between tags and runs of white space
     * are folded, so re-indenting a file in an XML editor does not count as a change of content.
     */
    public static String digest(Element e) {
        Scratch s = SCRATCH.get();
        StringBuilder sb = s.text;
        sb.setLength(0);
        element(e, sb, 0, false);
        foldLayoutInPlace(sb);
        byte[] h = s.utf8Digest(sb);
        if (sb.length() > Scratch.KEPT) SCRATCH.remove(); // a unit of megabytes does not stay in memory
        return HexFormat.of().formatHex(h, 0, 8);
    }

    /**
     * What {@link #digest} works in, one per thread: the element's text, folded where it stands, and its UTF-8 bytes
     * handed to the digest a buffer at a time, so no string or byte array as long as the element is made for it.
     */
    private static final class Scratch {
        static final int KEPT = 1 << 20;
        final StringBuilder text = new StringBuilder(4096);
        final byte[] bytes = new byte[8192];
        final MessageDigest sha;

        Scratch() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

        /** The SHA-256 of {@code text}'s UTF-8 bytes as {@link String#getBytes} makes them (a lone surrogate as '?'). */
        byte[] utf8Digest(CharSequence text) {
            int n = text.length();
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (b > bytes.length - 4) {
                    sha.update(bytes, 0, b);
                    b = 0;
                }
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes[b++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[b++] = (byte) (0xC0 | c >> 6);
                    bytes[b++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, text.charAt(++i));
                        bytes[b++] = (byte) (0xF0 | cp >> 18);
                        bytes[b++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        bytes[b++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        bytes[b++] = (byte) (0x80 | cp & 0x3F);
                    } else {
                        bytes[b++] = '?';
                    }
                } else {
                    bytes[b++] = (byte) (0xE0 | c >> 12);
                    bytes[b++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[b++] = (byte) (0x80 | c & 0x3F);
                }
            }
            sha.update(bytes, 0, b);
            return sha.digest();
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Makes {@code sb} the text {@link #digest} hashes, in {@code sb} itself: white space between a tag's end and the
     * next tag's start removed, every other run of white space one space. The same as {@code s.replaceAll(">\\s+<", "><")
     * .replaceAll("\\s+", " ")} (white space as {@code \s} means it: space, tab, the line ends, form feed, vertical
     * tab), in one pass.
     */
    static void foldLayoutInPlace(StringBuilder sb) {
        int n = sb.length();
        int w = 0;
        for (int i = 0; i < n; i++) {
            char c = sb.charAt(i);
            if (!isSpace(c)) {
                sb.setCharAt(w++, c);
                continue;
            }
            int j = i + 1;
            while (j < n && isSpace(sb.charAt(j))) j++;
            // the character before the run is the last one kept, unchanged
            boolean betweenTags = w > 0 && sb.charAt(w - 1) == '>' && j < n && sb.charAt(j) == '<';
            if (!betweenTags) sb.setCharAt(w++, ' ');
            i = j - 1;
        }
        sb.setLength(w);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static void element(Element e, StringBuilder sb, int depth, boolean pretty) {
        sb.append('<').append(e.getTagName());
        for (Attr a : sortedAttributes(e)) {
            sb.append(' ').append(a.getName()).append("=\"");
            escape(a.getValue(), sb, true);
            sb.append('"');
        }
        Node first = e.getFirstChild();
        if (first == null) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        boolean mixed = !pretty || isMixed(e) || !isContainer(e);
        boolean any = false;
        for (Node k = first; k != null; k = k.getNextSibling()) {
            if (mixed) {
                node(k, sb, depth, false);
                continue;
            }
            if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) continue;
            sb.append('\n');
            indent(sb, depth + 1);
            node(k, sb, depth + 1, true);
            any = true;
        }
        if (any) {
            sb.append('\n');
            indent(sb, depth);
        }
        sb.append("</").append(e.getTagName()).append('>');
    }

    private static void node(Node k, StringBuilder sb, int depth, boolean pretty) {
        switch (k.getNodeType()) {
            case Node.ELEMENT_NODE -> element((Element) k, sb, depth, pretty);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(k.getNodeValue(), sb, false);
            case Node.COMMENT_NODE -> sb.append("<!--").append(k.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> sb.append("<?").append(k.getNodeName()).append(' ')
                    .append(k.getNodeValue()).append("?>");
            default -> { }
        }
    }

    /** True for elements laid out one child a line: TEI containers and elements of other vocabularies. */
    private static boolean isContainer(Element e) {
        if (!Xml.TEI_NS.equals(e.getNamespaceURI())) return e.getNamespaceURI() != null && !isXInclude(e);
        return CONTAINERS.contains(e.getLocalName());
    }

    private static boolean isXInclude(Element e) {
        return "http://www.w3.org/2001/XInclude".equals(e.getNamespaceURI());
    }

    /** True when the element has a text child that is not white space: its layout is content. */
    public static boolean isMixed(Element e) {
        for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
            short t = k.getNodeType();
            if ((t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) && !k.getNodeValue().isBlank()) return true;
        }
        return false;
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) sb.append(INDENT);
    }

    /** Namespace declarations first, then xml:id, then the others, each group by name. */
    private static final Comparator<Attr> ATTRIBUTE_ORDER = Comparator.comparingInt(XmlWriter::rank).thenComparing(Attr::getName);

    private static List<Attr> sortedAttributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        int n = map.getLength();
        if (n == 0) return List.of();
        if (n == 1) return List.of((Attr) map.item(0));
        List<Attr> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add((Attr) map.item(i));
        list.sort(ATTRIBUTE_ORDER);
        return list;
    }

    private static int rank(Attr a) {
        String n = a.getName();
        if (n.equals("xmlns")) return 0;
        if (n.startsWith("xmlns:")) return 1;
        if (n.equals("xml:id")) return 2;
        return 3;
    }

    /**
     * Appends {@code s} as XML 1.0 character data ({@code attr}: as an attribute value in double quotes, its line
     * breaks and tabs as character references); a character XML 1.0 cannot hold is refused.
     */
    public static void escape(String s, StringBuilder sb, boolean attr) {
        int n = s.length();
        int run = 0; // the characters from here to i need nothing: appended in one piece
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0xFFFD && c != '&' && c != '<' && c != '>' && c != '"') continue;
            sb.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                case '\n' -> sb.append(attr ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attr ? "&#9;" : "\t");
                default -> {
                    if (!isXmlChar(c)) {
                        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                                "U+%04X cannot be written in XML 1.0", (int) c));
                    }
                    sb.append(c);
                }
            }
        }
        sb.append(s, run, n);
    }

    /** XML 1.0 Char, for one UTF-16 unit (surrogates pass: pairs are checked by the reader). */
    public static boolean isXmlChar(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xFFFD);
    }
}
