package org.jiaokan.tei;

import org.jiaokan.model.Block;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.RegisterKey;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The edition's registers of persons, places and organisations: one entry per normal form
 * (simplified and traditional spellings together), with every mention across the documents. An
 * existing register file is merged: entries and anything an editor added to them are kept, only the
 * list of mentions of the documents converted now is refreshed.
 */
public final class Registers {
    /**
     * The kinds of entry, in the enum's order (an {@link java.util.EnumMap}): their list, entry and name elements. Its
     * iteration order is that of the kinds, in every JVM; a {@code Map.of}'s is drawn anew at each start, and the
     * order of a document's contributions, part of the registers' key ({@code Conversion}), once came from one: a
     * build in a new JVM after a change that touched no name took the key for a new one and made the registers again
     * (5 runs in 6).
     */
    private static final Map<EntityType, String[]> NAMES = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(Map.of(
            EntityType.PERSON, new String[]{"listPerson", "person", "persName"},
            EntityType.PLACE, new String[]{"listPlace", "place", "placeName"},
            EntityType.ORG, new String[]{"listOrg", "org", "orgName"})));

    /** The kinds, in the order a document's contributions list their mentions and the file lists its entries. */
    static final List<EntityType> KINDS = List.copyOf(NAMES.keySet());

    private static final class Entry {
        final EntityType type;
        final String key;
        final Map<String, String> spellingLang = new TreeMap<>();
        final Set<String> targets = new LinkedHashSet<>();
        String code = "";

        Entry(EntityType type, String key) {
            this.type = type;
            this.key = key;
        }
    }

    /** How documents point at the registers: {@code registers.xml#per-叶寒冰}. */
    private static final String REGISTER_PREFIX = "registers.xml";

    // By id; the file is written in the order of its ids (write's byId), so the entries need none.
    private final Map<String, Entry> entries = new java.util.HashMap<>();
    private final Set<String> documents = new LinkedHashSet<>();
    /** Whether the documents added are the whole edition, so mentions in any other document are dropped. */
    private boolean wholeEdition;

    /**
     * The documents added are all the edition's (a build, not a conversion of some files into a folder):
     * mentions that the existing register file records in other documents (a deleted source's) are dropped.
     */
    public Registers wholeEdition() {
        this.wholeEdition = true;
        return this;
    }

    private boolean ofThisRun(Element ptr) {
        return wholeEdition || documents.contains(ptr.getAttribute("target").replaceFirst("#.*", ""));
    }

    /**
     * Gathers the registered mentions of one written TEI document, as it stands after merging
     * (so an editor's removed or added names count as the editor left them).
     *
     * @param tei      the document as written
     * @param fileName its file name, for the pointers
     * @param codes    gazetteer codes known for register keys (from the recogniser)
     */
    public void add(Document tei, String fileName, Map<String, String> codes) {
        add(fileName, contributions(tei, fileName, codes));
    }

    /**
     * One registered mention of a document, as the registers take it in: the entry's id, kind and key, the
     * spelling and its language, the gazetteer code known for the key, and the pointer to the mention.
     * A document's contributions can be kept and added again without the document (an incremental build).
     */
    public record Contribution(String id, EntityType type, String key, String spelling, String lang, String code,
                               String target) implements java.io.Serializable {}

    /** The registered mentions of one written TEI document, in document order (see {@link #add(Document, String, Map)}). */
    public static List<Contribution> contributions(Document tei, String fileName, Map<String, String> codes) {
        List<Contribution> out = new ArrayList<>();
        String lang = tei.getDocumentElement().getAttributeNS(Xml.XML_NS, "lang");
        Element text = Dom.child(tei.getDocumentElement(), "text").orElse(null);
        if (text == null) return out;
        for (EntityType type : KINDS) {
            for (Element name : Dom.descendants(text, NAMES.get(type)[2])) {
                String ref = name.getAttribute("ref");
                String prefix = REGISTER_PREFIX + "#" + RegisterIds.of(type, "");
                if (!ref.startsWith(prefix) || ref.length() == prefix.length()) continue;
                String id = ref.substring(REGISTER_PREFIX.length() + 1);
                String key = id.substring(prefix.length() - REGISTER_PREFIX.length() - 1);
                String spelling = Readings.of(name, false).strip();
                out.add(new Contribution(id, type, key, spelling, lang, codes.getOrDefault(key, ""),
                        fileName + "#" + enclosingId(name)));
            }
        }
        return out;
    }

    /** Adds the contributions of one document (the reduction step of {@link #add(Document, String, Map)}). */
    public void add(String fileName, List<Contribution> contributions) {
        documents.add(fileName);
        for (Contribution c : contributions) {
            Entry e = entries.computeIfAbsent(c.id(), k -> new Entry(c.type(), c.key()));
            if (!c.spelling().isEmpty() && !c.spelling().equals(RegisterKey.nameOf(c.key()))) e.spellingLang.putIfAbsent(c.spelling(), c.lang());
            if (e.code.isEmpty()) e.code = c.code();
            e.targets.add(c.target());
        }
    }

    /** The gazetteer codes the recogniser gave the registered mentions of a document. */
    public static Map<String, String> codes(EditionDocument doc) {
        Map<String, String> out = new TreeMap<>();
        for (Block b : doc.blocks()) {
            for (Mention m : b.mentions()) if (!m.code().isEmpty()) out.putIfAbsent(m.key(), m.code());
        }
        return out;
    }

    private static String enclosingId(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (!Dom.xmlId(el).isEmpty()) return Dom.xmlId(el);
        }
        return "";
    }

    /** The register file, merged into {@code existing} (null when there is none). */
    public Document write(Document existing, String editionTitle) {
        Document doc = Xml.newDocument();
        Element tei = Dom.add(doc, "TEI", "xml:lang", "zh");
        Element header = Dom.add(tei, "teiHeader");
        Element fileDesc = Dom.add(header, "fileDesc");
        Dom.addText(Dom.add(fileDesc, "titleStmt"), "title", "Registers of persons, places and organisations: " + editionTitle);
        Dom.addText(Dom.add(fileDesc, "publicationStmt"), "p", "Part of " + editionTitle + ".");
        Dom.addText(Dom.add(fileDesc, "sourceDesc"), "p",
                "Compiled by Jiaokan from the mentions marked in the edition's documents; entries may be corrected by editors.");
        Element standOff = Dom.add(tei, "standOff");

        for (EntityType type : KINDS) {
            String[] n = NAMES.get(type);
            Element list = doc.createElementNS(Xml.TEI_NS, n[0]);
            // The file's entries of this kind by id (a later entry of an id replaces an earlier one, as it always has).
            // An entry an editor left without an id is none this run can refresh: it is kept as it stands (less this
            // run's mentions), after the others, in the file's order; one inside another entry stays inside it. Kinds
            // are apart: a place may have a person's id.
            Map<String, Element> byId = new TreeMap<>();
            List<Element> unkeyed = new ArrayList<>();
            if (existing != null) {
                for (Element e : Dom.descendants(existing.getDocumentElement(), n[1])) {
                    String id = Dom.xmlId(e);
                    if (!id.isEmpty()) byId.put(id, (Element) doc.importNode(e, true));
                    else if (!insideAnEntry(e)) unkeyed.add((Element) doc.importNode(e, true));
                }
            }
            for (var e : entries.entrySet()) {
                if (e.getValue().type != type) continue;
                Element entry = byId.computeIfAbsent(e.getKey(), id -> newEntry(doc, e.getValue(), n));
                refresh(entry, e.getValue(), n);
            }
            for (var be : byId.entrySet()) {
                Element entry = be.getValue();
                // An entry the builds made always lists its mentions: one that never had any is an editor's, kept
                // with nothing but a name (it was taken for a withdrawn recognition and dropped without a word).
                boolean hadMentions = hasMentions(entry);
                if (!entries.containsKey(be.getKey())) dropMentionsOfThisRun(entry);
                if (hadMentions && isEmptyGenerated(entry, n)) continue;
                list.appendChild(entry);
            }
            for (Element entry : unkeyed) {
                // never made by a build (its entries all have ids): the editor's, kept even with nothing but a name
                dropMentionsOfThisRun(entry);
                list.appendChild(entry);
            }
            if (list.hasChildNodes()) standOff.appendChild(list);
        }
        if (!standOff.hasChildNodes()) Dom.addText(standOff, "note", "No registered mentions yet.");
        return doc;
    }

    /** Whether the entry lists a mention ({@code note[@type='mentions']/ptr}). */
    private static boolean hasMentions(Element entry) {
        for (Element note : Dom.children(entry, "note")) {
            if ("mentions".equals(note.getAttribute("type")) && !Dom.children(note, "ptr").isEmpty()) return true;
        }
        return false;
    }

    /**
     * The first {@code xml:id} that two entries of one kind share in a register file (merged, the later entry of an id
     * would replace the earlier one, an editor's among them), or null.
     */
    public static String repeatedEntryId(Document registers) {
        for (String[] n : NAMES.values()) {
            java.util.Set<String> seen = new java.util.HashSet<>(); // kinds are apart (a place may have a person's id)
            for (Element e : Dom.descendants(registers.getDocumentElement(), n[1])) {
                String id = Dom.xmlId(e);
                if (!id.isEmpty() && !seen.add(id)) return id;
            }
        }
        return null;
    }

    /** Whether {@code e} lies inside a register entry of any kind (it is then copied with that entry). */
    private static boolean insideAnEntry(Element e) {
        for (org.w3c.dom.Node p = e.getParentNode(); p instanceof Element pe; p = p.getParentNode()) {
            for (String[] n : NAMES.values()) if (n[1].equals(pe.getLocalName())) return true;
        }
        return false;
    }

    private static Element newEntry(Document doc, Entry e, String[] n) {
        Element entry = doc.createElementNS(Xml.TEI_NS, n[1]);
        Dom.attr(entry, "xml:id", RegisterIds.of(e.type, e.key));
        Dom.addText(entry, n[2], RegisterKey.nameOf(e.key), "xml:lang", "zh-Hans");
        if (!e.code.isEmpty()) Dom.addText(entry, "idno", e.code, "type", "GB2260");
        if (RegisterKey.isLocal(e.key)) {
            Dom.addText(entry, "note", "A name that depends on the place of " + RegisterKey.documentOf(e.key)
                    + ", which that document does not make known: an entry of that document alone.", "type", "scope");
        }
        return entry;
    }

    /** Adds spellings not yet listed and replaces this run's mentions. */
    private void refresh(Element entry, Entry e, String[] n) {
        Set<String> have = new LinkedHashSet<>();
        for (Element name : Dom.children(entry, n[2])) have.add(name.getTextContent());
        Element lastName = Dom.children(entry, n[2]).stream().reduce((a, b) -> b).orElse(null);
        for (var s : e.spellingLang.entrySet()) {
            if (have.contains(s.getKey())) continue;
            Element name = entry.getOwnerDocument().createElementNS(Xml.TEI_NS, n[2]);
            Dom.attr(name, "xml:lang", s.getValue());
            name.appendChild(entry.getOwnerDocument().createTextNode(s.getKey()));
            entry.insertBefore(name, lastName == null ? entry.getFirstChild() : lastName.getNextSibling());
            lastName = name;
        }
        Element note = Dom.children(entry, "note").stream().filter(x -> "mentions".equals(x.getAttribute("type")))
                .findFirst().orElseGet(() -> Dom.add(entry, "note", "type", "mentions"));
        // Rebuilt from its pointers, so layout left in the file never piles up inside it.
        List<Element> others = new ArrayList<>();
        for (Element ptr : Dom.children(note, "ptr")) {
            if (!ofThisRun(ptr)) others.add(ptr);
        }
        while (note.getFirstChild() != null) note.removeChild(note.getFirstChild());
        others.forEach(note::appendChild);
        for (String t : e.targets) Dom.add(note, "ptr", "target", t);
    }

    /** An entry no longer mentioned by the documents converted now loses those mentions. */
    private void dropMentionsOfThisRun(Element entry) {
        for (Element note : Dom.children(entry, "note")) {
            if (!"mentions".equals(note.getAttribute("type"))) continue;
            for (Element ptr : Dom.children(note, "ptr")) {
                if (ofThisRun(ptr)) note.removeChild(ptr);
            }
            if (Dom.children(note, "ptr").isEmpty()) entry.removeChild(note);
        }
    }

    /**
     * True for an entry with no mentions left and nothing an editor added (only names and a
     * gazetteer code): a recognition that was withdrawn, so the entry goes.
     */
    private static boolean isEmptyGenerated(Element entry, String[] n) {
        for (Element c : Dom.children(entry, null)) {
            String name = c.getLocalName();
            if (name.equals(n[2]) && c.getAttribute("resp").isEmpty()) continue;
            if (name.equals("idno") && "GB2260".equals(c.getAttribute("type"))) continue;
            if (name.equals("note") && "scope".equals(c.getAttribute("type"))) continue;
            return false;
        }
        return entry.getAttribute("resp").isEmpty();
    }
}
