package org.jiaokan.tei;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes every {@code xml:id} a document writes unique in a corpus: each id is prefixed with a short
 * key derived from the document's identifier ({@code jk-002_a7b1ffc6616cccb3} gives, say,
 * {@code qm4t7xz}), so {@code b-3542b6} becomes {@code qm4t7xz-b-3542b6} and the toolkit's
 * {@code respStmt} {@code qm4t7xz-jk}. The key depends on the document identifier alone, and the
 * rest of an id on the block's text, so an unchanged source keeps its ids on every conversion.
 * Every same-document pointer ({@code @resp="#jk"}, {@code catRef/@target}, note anchors,
 * {@code g/@ref}) is rewritten with its id.
 */
public final class DocumentIds {
    /** Length of a document key: a letter, then six base-32 characters (30 bits of hash besides the letter). */
    static final int KEY_LENGTH = 7;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    /** A key followed by its separator, at the start of an id. */
    public static final Pattern KEY_PREFIX = Pattern.compile("[a-z][a-z2-7]{6}-");

    private DocumentIds() {}

    /** The key of a document: a letter and six base-32 characters of the SHA-256 of its identifier. */
    public static String key(String documentId) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        StringBuilder sb = new StringBuilder(KEY_LENGTH);
        sb.append((char) ('a' + Math.floorMod(h[0], 26)));
        long bits = 0;
        for (int i = 1; i <= 5; i++) bits = (bits << 8) | (h[i] & 0xFF);
        for (int i = 0; i < KEY_LENGTH - 1; i++) sb.append(BASE32.charAt((int) (bits >>> (35 - 5 * i)) & 31));
        return sb.toString();
    }

    /** The id {@code local} of the document with key {@code key}. */
    public static String id(String key, String local) {
        return key + "-" + local;
    }

    /** The key of a document written by this version (the prefix of its respStmt's id), or "" for one with unprefixed ids. */
    public static String keyOf(Document doc) {
        for (Element r : Dom.descendants(doc.getDocumentElement(), "respStmt")) {
            String id = Dom.xmlId(r);
            if (id.endsWith("-" + TeiWriter.RESP_ID) && KEY_PREFIX.matcher(id).lookingAt()
                    && id.length() == KEY_LENGTH + 1 + TeiWriter.RESP_ID.length()) {
                return id.substring(0, KEY_LENGTH);
            }
        }
        return "";
    }

    /** True when {@code doc} has the toolkit's respStmt under the unprefixed id of earlier versions. */
    public static boolean hasUnprefixedIds(Document doc) {
        for (Element r : Dom.descendants(doc.getDocumentElement(), "respStmt")) {
            if (TeiWriter.RESP_ID.equals(Dom.xmlId(r))) return true;
        }
        return false;
    }

    /**
     * Prefixes every xml:id of {@code doc} with {@code key} and rewrites every pointer to one of
     * them ({@code #id} tokens in any attribute). Ids that already carry the key are left alone.
     */
    public static void prefix(Document doc, String key) {
        List<Element> all = new ArrayList<>();
        all.add(doc.getDocumentElement());
        all.addAll(Dom.descendants(doc.getDocumentElement(), null));
        String mark = key + "-";
        Set<String> ids = new HashSet<>();
        for (Element e : all) {
            String id = Dom.xmlId(e);
            if (!id.isEmpty() && !id.startsWith(mark)) ids.add(id);
        }
        if (ids.isEmpty()) return;
        for (Element e : all) {
            if (CorrectionMerger.UNITS_NS.equals(e.getNamespaceURI())) continue;
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (Xml.XMLNS_NS.equals(a.getNamespaceURI())) continue;
                if (Xml.XML_NS.equals(a.getNamespaceURI()) && "id".equals(a.getLocalName())) {
                    if (ids.contains(a.getValue())) a.setValue(mark + a.getValue());
                    continue;
                }
                String v = a.getValue();
                if (v.indexOf('#') < 0) continue;
                String rewritten = rewritePointers(v, ids, mark);
                if (!rewritten.equals(v)) a.setValue(rewritten);
            }
        }
    }

    private static String rewritePointers(String value, Set<String> ids, String mark) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int start = i;
            while (i < value.length() && !Character.isWhitespace(value.charAt(i))) i++;
            String token = value.substring(start, i);
            if (token.startsWith("#") && ids.contains(token.substring(1))) sb.append('#').append(mark).append(token.substring(1));
            else sb.append(token);
            while (i < value.length() && Character.isWhitespace(value.charAt(i))) sb.append(value.charAt(i++));
        }
        return sb.toString();
    }

    /** The local part of an id: without the document key, if it has one. */
    public static String local(String id) {
        return KEY_PREFIX.matcher(id).lookingAt() ? id.substring(KEY_LENGTH + 1) : id;
    }
}
