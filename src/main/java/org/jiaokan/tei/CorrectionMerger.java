package org.jiaokan.tei;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps an editor's corrections when a document is converted again. Jiaokan records, in the
 * header's {@code xenoData}, a digest of every unit it wrote (each header part and each text block
 * with an {@code xml:id}). On re-conversion a unit whose content no longer matches its digest, or
 * that carries another {@code @resp} than Jiaokan's, was changed by an editor and is kept as the
 * editor left it; every other unit is written afresh. Blocks an editor added are kept after the
 * block they followed.
 */
public final class CorrectionMerger {
    /** Namespace of the unit digests kept in {@code teiHeader/xenoData}. */
    public static final String UNITS_NS = "urn:x-jiaokan:units";
    /** Digest recorded for a unit that Jiaokan did not write. */
    static final String EDITOR = "editor";
    static final List<String> HEADER_UNITS = List.of("titleStmt", "publicationStmt", "sourceDesc", "encodingDesc", "profileDesc");
    /** Structural containers of the text: merged by their children, never as units themselves. */
    static final java.util.Set<String> TEXT_CONTAINERS = java.util.Set.of("text", "front", "body", "back", "div", "docTitle", "opener", "closer", "list");
    /** User-data key marking an element the merge placed after an anchor block. */
    private static final String KEPT = "org.jiaokan.kept";
    /** Prefix of the digest kept for a division's own attributes. */
    private static final String ATTRS = "attributes:";
    /**
     * The unit of the {@code TEI} root's own attributes (its language, say): a name no xml:id can have. A file written
     * before it was recorded has no digest for it, and its root is Jiaokan's.
     */
    private static final String ROOT = ATTRS + "/TEI";

    /** What a merge kept. */
    public record Result(Document document, List<String> keptUnits) {}

    private CorrectionMerger() {}

    /** Records digests of every unit of a freshly generated document (no earlier version). */
    public static Document stamp(Document generated) {
        return merge(generated, null).document();
    }

    /** Merges a freshly generated document with the version on disk (null when there is none). */
    public static Result merge(Document generated, Document existing) {
        Map<String, String> digests = new TreeMap<>();
        List<String> kept = new ArrayList<>();
        if (existing != null && DocumentIds.hasUnprefixedIds(existing)) {
            String key = DocumentIds.keyOf(generated);
            if (!key.isEmpty()) existing = withDocumentKey(existing, key);
        }
        if (existing != null) {
            Map<String, String> recorded = recordedDigests(existing);
            Map<String, Element> old = units(existing);
            Map<String, Element> fresh = units(generated);
            for (var e : old.entrySet()) {
                String key = e.getKey();
                Element oldUnit = e.getValue();
                String rec = recorded.get(key);
                boolean changed = rec == null ? hasForeignResp(oldUnit) : !rec.equals(XmlWriter.digest(oldUnit)) || hasForeignResp(oldUnit);
                if (!changed) continue;
                Element copy = (Element) generated.importNode(oldUnit, true);
                Element target = fresh.get(key);
                if (target != null) {
                    target.getParentNode().replaceChild(copy, target);
                } else if (!insertNearNeighbours(oldUnit, copy, fresh)) {
                    continue;
                }
                fresh.put(key, copy);
                digests.put(key, rec == null ? EDITOR : rec);
                kept.add(key);
            }
            kept.addAll(keepEditorAdditions(existing, generated, fresh));
            kept.addAll(keepContainerAttributes(existing, generated, recorded, digests));
        }
        for (var e : units(generated).entrySet()) digests.putIfAbsent(e.getKey(), XmlWriter.digest(e.getValue()));
        for (Element c : containers(generated)) digests.putIfAbsent(ATTRS + Dom.xmlId(c), attributeDigest(c));
        digests.putIfAbsent(ROOT, attributeDigest(generated.getDocumentElement()));
        writeDigests(generated, digests);
        return new Result(generated, kept);
    }

    /**
     * A document written before ids carried the document's key, with its ids (and every pointer to
     * them) prefixed, and its recorded digests carried over: a unit that still matched its digest
     * gets the digest of its renamed form (it stays Jiaokan's, to be rewritten), a unit an editor
     * changed keeps the old digest (it stays the editor's). {@code old} itself is not changed.
     */
    static Document withDocumentKey(Document old, String key) {
        Map<String, String> recorded = recordedDigests(old);
        Map<String, Boolean> unchanged = new LinkedHashMap<>();
        for (var e : units(old).entrySet()) {
            String rec = recorded.get(e.getKey());
            unchanged.put(e.getKey(), rec != null && rec.equals(XmlWriter.digest(e.getValue())) && !hasForeignResp(e.getValue()));
        }
        for (Element c : containers(old)) {
            String rec = recorded.get(ATTRS + Dom.xmlId(c));
            unchanged.put(ATTRS + Dom.xmlId(c), rec != null && rec.equals(attributeDigest(c)));
        }
        unchanged.put(ROOT, recorded.containsKey(ROOT) && recorded.get(ROOT).equals(attributeDigest(old.getDocumentElement())));
        Document doc = (Document) old.cloneNode(true);
        DocumentIds.prefix(doc, key);
        Map<String, Element> units = units(doc);
        Map<String, Element> containers = new LinkedHashMap<>();
        for (Element c : containers(doc)) containers.put(ATTRS + Dom.xmlId(c), c);
        containers.put(ROOT, doc.getDocumentElement());
        Map<String, String> digests = new TreeMap<>();
        for (var e : recorded.entrySet()) {
            String ref = e.getKey();
            String renamed = ref.startsWith("header:") || ref.equals(ROOT) ? ref
                    : ref.startsWith(ATTRS) ? ATTRS + DocumentIds.id(key, ref.substring(ATTRS.length()))
                    : DocumentIds.id(key, ref);
            String digest = e.getValue();
            if (Boolean.TRUE.equals(unchanged.get(ref))) {
                Element unit = ref.startsWith(ATTRS) ? containers.get(renamed) : units.get(renamed);
                if (unit != null) digest = ref.startsWith(ATTRS) ? attributeDigest(unit) : XmlWriter.digest(unit);
            }
            digests.put(renamed, digest);
        }
        writeDigests(doc, digests);
        return doc;
    }

    /** Header parts by name and text blocks by xml:id, in document order. */
    static Map<String, Element> units(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        Element tei = doc.getDocumentElement();
        Dom.child(tei, "teiHeader").ifPresent(h -> {
            for (String name : HEADER_UNITS) {
                Dom.descendants(h, name).stream().findFirst().ifPresent(e -> out.put("header:" + name, e));
            }
        });
        Dom.child(tei, "text").ifPresent(t -> {
            for (Element e : Dom.descendants(t, null)) {
                String id = Dom.xmlId(e);
                if (!id.isEmpty() && !TEXT_CONTAINERS.contains(e.getLocalName()) && !hasUnitAncestor(e, t)) out.put(id, e);
            }
        });
        return out;
    }

    /** The structural containers of the text that carry an id (divisions). */
    private static List<Element> containers(Document doc) {
        List<Element> out = new ArrayList<>();
        Dom.child(doc.getDocumentElement(), "text").ifPresent(t -> {
            for (Element e : Dom.descendants(t, null)) {
                if (TEXT_CONTAINERS.contains(e.getLocalName()) && !Dom.xmlId(e).isEmpty()) out.add(e);
            }
        });
        return out;
    }

    /**
     * Keeps what an editor added outside Jiaokan's units: header parts Jiaokan does not write (a
     * notesStmt, say), changes in revisionDesc by others, and elements without an xml:id placed
     * among the blocks (an editor's note or paragraph). Returns what was kept.
     */
    private static List<String> keepEditorAdditions(Document existing, Document generated, Map<String, Element> fresh) {
        List<String> kept = new ArrayList<>();
        Element oldHeader = Dom.child(existing.getDocumentElement(), "teiHeader").orElse(null);
        Element newHeader = Dom.child(generated.getDocumentElement(), "teiHeader").orElse(null);
        if (oldHeader != null && newHeader != null) {
            kept.addAll(keepForeignChildren(oldHeader, newHeader, "teiHeader"));
            Element oldFile = Dom.child(oldHeader, "fileDesc").orElse(null);
            Element newFile = Dom.child(newHeader, "fileDesc").orElse(null);
            if (oldFile != null && newFile != null) kept.addAll(keepForeignChildren(oldFile, newFile, "fileDesc"));
            Element oldRev = Dom.child(oldHeader, "revisionDesc").orElse(null);
            Element newRev = Dom.child(newHeader, "revisionDesc").orElse(null);
            if (oldRev != null && newRev != null) {
                Element ours = Dom.child(newRev, "change").orElse(null);
                boolean beforeOurs = true;
                for (Element change : Dom.children(oldRev, "change")) {
                    if (TeiWriter.isOwnResp(change.getAttribute("who"))) {
                        beforeOurs = false;
                        continue;
                    }
                    Node copy = generated.importNode(change, true);
                    newRev.insertBefore(copy, beforeOurs ? ours : null);
                    kept.add("revisionDesc/change");
                }
            }
        }
        Element oldText = Dom.child(existing.getDocumentElement(), "text").orElse(null);
        if (oldText == null) return kept;
        for (Element e : Dom.descendants(oldText, null)) {
            if (!Dom.xmlId(e).isEmpty() || TEXT_CONTAINERS.contains(e.getLocalName())) continue;
            if (!(e.getParentNode() instanceof Element parent) || !TEXT_CONTAINERS.contains(parent.getLocalName())) continue;
            Element copy = (Element) generated.importNode(e, true);
            if (insertNearNeighbours(e, copy, fresh)) kept.add(e.getLocalName() + " (added)");
        }
        return kept;
    }

    /** Children of {@code oldParent} whose kind Jiaokan never writes there, copied into {@code newParent} in place. */
    private static List<String> keepForeignChildren(Element oldParent, Element newParent, String where) {
        List<String> kept = new ArrayList<>();
        java.util.Set<String> ours = new java.util.HashSet<>();
        for (Element c : Dom.children(newParent, null)) ours.add(c.getLocalName());
        ours.addAll(List.of("editionStmt", "encodingDesc", "profileDesc", "xenoData", "revisionDesc"));
        Element previousOurs = null;
        for (Element c : Dom.children(oldParent, null)) {
            if (ours.contains(c.getLocalName())) {
                previousOurs = Dom.child(newParent, c.getLocalName()).orElse(previousOurs);
                continue;
            }
            Node copy = newParent.getOwnerDocument().importNode(c, true);
            Node before = previousOurs == null ? newParent.getFirstChild() : previousOurs.getNextSibling();
            newParent.insertBefore(copy, before);
            previousOurs = (Element) copy;
            kept.add(where + "/" + c.getLocalName());
        }
        return kept;
    }

    /** Attributes an editor set on a division are kept (the division is matched by its id). */
    private static List<String> keepContainerAttributes(Document existing, Document generated,
                                                        Map<String, String> recorded, Map<String, String> digests) {
        List<String> kept = new ArrayList<>();
        Map<String, Element> fresh = new LinkedHashMap<>();
        for (Element c : containers(generated)) fresh.put(Dom.xmlId(c), c);
        for (Element old : containers(existing)) {
            String id = Dom.xmlId(old);
            if (keepAttributes(old, fresh.get(id), recorded.get(ATTRS + id), generated)) {
                digests.put(ATTRS + id, recorded.get(ATTRS + id));
                kept.add(id + " (attributes)");
            }
        }
        // the root's: an editor's language of the document (xml:lang="en"), which the conversion would give again
        if (keepAttributes(existing.getDocumentElement(), generated.getDocumentElement(), recorded.get(ROOT), generated)) {
            digests.put(ROOT, recorded.get(ROOT));
            kept.add("TEI (attributes)");
        }
        return kept;
    }

    /**
     * Gives {@code target} the attributes of {@code old} where they no longer match their recorded digest {@code rec}
     * (an editor changed them); whether it did.
     */
    private static boolean keepAttributes(Element old, Element target, String rec, Document generated) {
        if (target == null || rec == null || rec.equals(attributeDigest(old))) return false;
        var attrs = target.getAttributes();
        while (attrs.getLength() > 0) target.removeAttributeNode((org.w3c.dom.Attr) attrs.item(0));
        var oldAttrs = old.getAttributes();
        for (int i = 0; i < oldAttrs.getLength(); i++) {
            target.setAttributeNodeNS((org.w3c.dom.Attr) generated.importNode(oldAttrs.item(i), true));
        }
        return true;
    }

    private static String attributeDigest(Element e) {
        Element shallow = (Element) e.cloneNode(false);
        return XmlWriter.digest(shallow);
    }

    private static boolean hasUnitAncestor(Element e, Element text) {
        for (Node p = e.getParentNode(); p != null && p != text; p = p.getParentNode()) {
            if (p instanceof Element pe && !Dom.xmlId(pe).isEmpty() && !TEXT_CONTAINERS.contains(pe.getLocalName())) return true;
        }
        return false;
    }

    private static boolean hasForeignResp(Element unit) {
        List<Element> all = new ArrayList<>(Dom.descendants(unit, null));
        all.add(unit);
        for (Element e : all) {
            String resp = e.getAttribute("resp");
            if (!resp.isEmpty() && !TeiWriter.isOwnResp(resp)) return true;
        }
        return false;
    }

    /**
     * Places an editor-added element where it stood: after the block that preceded it in the
     * editor's version, else before the block that followed it, else at the start of its division.
     */
    private static boolean insertNearNeighbours(Element oldUnit, Element copy, Map<String, Element> fresh) {
        for (Node p = oldUnit.getPreviousSibling(); p != null; p = p.getPreviousSibling()) {
            Element anchor = p instanceof Element pe ? neighbour(pe, copy.getOwnerDocument(), fresh) : null;
            if (anchor != null) {
                // After the anchor and after what was already put after it, so additions keep their order.
                Node before = anchor.getNextSibling();
                while (before != null && before.getUserData(KEPT) != null) before = before.getNextSibling();
                anchor.getParentNode().insertBefore(copy, before);
                copy.setUserData(KEPT, Boolean.TRUE, null);
                return true;
            }
        }
        for (Node n = oldUnit.getNextSibling(); n != null; n = n.getNextSibling()) {
            Element anchor = n instanceof Element ne ? neighbour(ne, copy.getOwnerDocument(), fresh) : null;
            if (anchor != null) {
                anchor.getParentNode().insertBefore(copy, anchor);
                return true;
            }
        }
        if (oldUnit.getParentNode() instanceof Element parent && !Dom.xmlId(parent).isEmpty()) {
            String id = Dom.xmlId(parent);
            var list = copy.getOwnerDocument().getElementsByTagNameNS(Xml.TEI_NS, parent.getLocalName());
            for (int i = 0; i < list.getLength(); i++) {
                Element candidate = (Element) list.item(i);
                if (id.equals(Dom.xmlId(candidate))) {
                    candidate.insertBefore(copy, candidate.getFirstChild());
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fresh counterpart of an old sibling: the unit with its id, or a container with its id (a list
     * or division, so that what an editor put after a list stays after it); null when there is none.
     */
    private static Element neighbour(Element old, Document generated, Map<String, Element> fresh) {
        String id = Dom.xmlId(old);
        if (id.isEmpty()) return null;
        if (fresh.containsKey(id)) return fresh.get(id);
        if (!TEXT_CONTAINERS.contains(old.getLocalName())) return null;
        for (Element c : containers(generated)) if (id.equals(Dom.xmlId(c))) return c;
        return null;
    }

    static Map<String, String> recordedDigests(Document doc) {
        Map<String, String> out = new TreeMap<>();
        var list = doc.getElementsByTagNameNS(UNITS_NS, "unit");
        for (int i = 0; i < list.getLength(); i++) {
            Element u = (Element) list.item(i);
            out.put(u.getAttribute("ref"), u.getAttribute("digest"));
        }
        return out;
    }

    private static void writeDigests(Document doc, Map<String, String> digests) {
        Element header = Dom.child(doc.getDocumentElement(), "teiHeader").orElseThrow();
        Dom.children(header, "xenoData").forEach(header::removeChild);
        Element xeno = doc.createElementNS(Xml.TEI_NS, "xenoData");
        Element units = doc.createElementNS(UNITS_NS, "units");
        units.setAttributeNS(Xml.XMLNS_NS, "xmlns", UNITS_NS);
        for (var e : digests.entrySet()) {
            Element u = doc.createElementNS(UNITS_NS, "unit");
            u.setAttribute("ref", e.getKey());
            u.setAttribute("digest", e.getValue());
            units.appendChild(u);
        }
        xeno.appendChild(units);
        Node revision = Dom.child(header, "revisionDesc").orElse(null);
        header.insertBefore(xeno, revision);
    }
}
