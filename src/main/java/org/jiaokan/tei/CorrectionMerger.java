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
                } else if (!insertAfterPredecessor(generated, oldUnit, copy, fresh)) {
                    continue;
                }
                fresh.put(key, copy);
                digests.put(key, rec == null ? EDITOR : rec);
                kept.add(key);
            }
        }
        for (var e : units(generated).entrySet()) digests.putIfAbsent(e.getKey(), XmlWriter.digest(e.getValue()));
        writeDigests(generated, digests);
        return new Result(generated, kept);
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
                if (!id.isEmpty() && !hasUnitAncestor(e, t)) out.put(id, e);
            }
        });
        return out;
    }

    private static boolean hasUnitAncestor(Element e, Element text) {
        for (Node p = e.getParentNode(); p != null && p != text; p = p.getParentNode()) {
            if (p instanceof Element pe && !Dom.xmlId(pe).isEmpty()) return true;
        }
        return false;
    }

    private static boolean hasForeignResp(Element unit) {
        List<Element> all = new ArrayList<>(Dom.descendants(unit, null));
        all.add(unit);
        for (Element e : all) {
            String resp = e.getAttribute("resp");
            if (!resp.isEmpty() && !resp.equals("#" + TeiWriter.RESP_ID)) return true;
        }
        return false;
    }

    /** Places an editor-added block after the block that preceded it in the editor's version. */
    private static boolean insertAfterPredecessor(Document generated, Element oldUnit, Element copy, Map<String, Element> fresh) {
        for (Node p = oldUnit.getPreviousSibling(); p != null; p = p.getPreviousSibling()) {
            if (p instanceof Element pe && fresh.containsKey(Dom.xmlId(pe))) {
                Element anchor = fresh.get(Dom.xmlId(pe));
                anchor.getParentNode().insertBefore(copy, anchor.getNextSibling());
                return true;
            }
        }
        Node parent = oldUnit.getParentNode();
        if (parent instanceof Element pe && fresh.containsKey(Dom.xmlId(pe))) {
            Element anchor = fresh.get(Dom.xmlId(pe));
            anchor.insertBefore(copy, anchor.getFirstChild());
            return true;
        }
        return false;
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
