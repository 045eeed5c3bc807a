package org.jiaokan.publish.search;

import org.jiaokan.tei.Readings;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the search index needs of one TEI document: its metadata and facets, and its searchable blocks, each
 * the regularised reading of one block with the original or erroneous forms it replaced ({@code orig},
 * {@code sic}, {@code abbr}) kept as alternatives at the same place. Surplus text, forme work, deletions and
 * editorial notes are not searchable. Built from one DOM that is dropped once this record exists.
 */
public record SearchDocument(String docid, String title, String date, String year, String genre, String genreLabel,
                             String script, List<Entity> entities, List<Unit> units) {

    /** Block elements that become searchable units (and, with an xml:id, link targets). */
    static final Set<String> BLOCKS = Set.of("p", "head", "item", "ab", "l", "titlePart", "byline", "dateline",
            "docAuthor", "docDate", "docEdition", "docImprint", "salute", "signed", "trailer", "cell",
            "note", "argument", "epigraph", "stage", "sp", "speaker");
    private static final Set<String> SKIPPED = Set.of("surplus", "fw", "del", "orig", "sic", "abbr");
    private static final Set<String> ALTERNATIVES = Set.of("orig", "sic", "abbr");
    // compiled once: String's regular-expression methods compile their pattern on every call, for every name
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REGISTER_KEY = Pattern.compile("(per|pl|org|term)-.+");
    private static final Pattern LOCAL_ENTRY = Pattern.compile("--.*$");

    /** A person, place or organisation a document mentions: type (person, place, org), key and label. */
    public record Entity(String type, String key, String label) {}

    /** A replaced form: the regularised text's UTF-16 span [start, end) stood for {@code text} in the source. */
    public record Alternative(int start, int end, String text) {}

    /**
     * One searchable block: the anchor (xml:id of the block or its nearest ancestor with one, or ""), its text, and the
     * number its anchor has on the document's page (¶N: the page numbers the blocks with an xml:id of
     * {@link org.jiaokan.publish.html.Mentions#LEAF_BLOCKS}, and items), 0 where it has none.
     */
    public record Unit(String anchor, String text, List<Alternative> alternatives, int number) {
        public Unit(String anchor, String text, List<Alternative> alternatives) {
            this(anchor, text, alternatives, 0);
        }
    }

    /** Reads one TEI file; the docid is the jiaokan idno or else the file name without {@code .xml}. */
    public static SearchDocument read(Path file) throws Exception {
        Document tei = Xml.parse(file);
        String name = file.getFileName().toString();
        return of(tei, name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name);
    }

    /** Whether a parsed file is a TEI document with a text (not a corpus file or a register list without one). */
    public static boolean isTeiText(Document tei) {
        Element root = tei.getDocumentElement();
        return root != null && "TEI".equals(root.getLocalName()) && Dom.child(root, "text").isPresent();
    }

    public static SearchDocument of(Document tei, String fallbackId) {
        Element root = tei.getDocumentElement();
        Element header = Dom.child(root, "teiHeader").orElse(null);
        String docid = fallbackId;
        String title = "";
        String date = "";
        String genre = "";
        String genreLabel = "";
        String script = root.getAttributeNS(Xml.XML_NS, "lang");
        List<Entity> entities = new ArrayList<>();
        if (header != null) {
            for (Element idno : descendants(header, "idno")) {
                if ("jiaokan".equals(idno.getAttribute("type")) && !idno.getTextContent().isBlank()
                        && isInside(idno, "publicationStmt")) {
                    docid = idno.getTextContent().strip();
                    break;
                }
            }
            Element titleStmt = descendants(header, "titleStmt").stream().findFirst().orElse(null);
            if (titleStmt != null) {
                List<Element> titles = Dom.children(titleStmt, "title");
                // the title the pages show, without an editor's note in it
                Element main = org.jiaokan.publish.cite.TeiHeaderData.mainTitle(titles);
                if (main != null) title = org.jiaokan.publish.cite.TeiHeaderData.text(main);
            }
            date = firstWhen(descendants(header, "sourceDesc"));
            if (date.isEmpty()) date = firstWhen(descendants(header, "creation"));
            for (Element cat : descendants(header, "catRef")) {
                String target = SPACES.split(cat.getAttribute("target").strip())[0];
                if (target.isEmpty()) continue;
                String id = target.startsWith("#") ? target.substring(1) : target;
                int jk = id.indexOf("-jk-");
                genre = jk >= 0 ? id.substring(jk + 4) : id;
                genreLabel = genre;
                for (Element c : descendants(header, "category")) {
                    if (id.equals(c.getAttributeNS(Xml.XML_NS, "id"))) {
                        String desc = Dom.child(c, "catDesc").map(Node::getTextContent).orElse("").strip();
                        int colon = desc.indexOf(':');
                        if (colon > 0) genreLabel = desc.substring(0, colon).strip();
                        else if (!desc.isEmpty() && desc.length() <= 40) genreLabel = desc;
                    }
                }
                break;
            }
            for (Element lang : descendants(header, "language")) {
                if (isInside(lang, "langUsage") && !lang.getAttribute("ident").isBlank()) {
                    script = lang.getAttribute("ident").strip();
                    break;
                }
            }
            descendants(header, "particDesc").forEach(p -> collectEntities(p, entities));
        }
        Element text = Dom.child(root, "text").orElse(null);
        List<Unit> units = new ArrayList<>();
        if (text != null) {
            collectEntities(text, entities);
            Builder top = new Builder("");
            walk(text, top, units, "");
            top.emit(units, 0);
            // each unit with the ¶ number its anchor has on the page (the search cited the unit's place among the
            // index's units, which counts notes and not forme work, as the page does the other way round)
            Map<String, Integer> numbers = pageNumbers(text);
            units.replaceAll(u -> new Unit(u.anchor(), u.text(), u.alternatives(), numbers.getOrDefault(u.anchor(), 0)));
        }
        String year = date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit) ? date.substring(0, 4) : "";
        Map<String, Entity> unique = new LinkedHashMap<>();
        for (Entity e : entities) unique.putIfAbsent(e.type() + "\u0000" + e.key(), e);
        return new SearchDocument(docid, title, date, year, genre, genreLabel, script == null ? "" : script,
                List.copyOf(unique.values()), units);
    }

    private static String firstWhen(List<Element> scopes) {
        for (Element s : scopes) {
            for (Element d : descendants(s, "date")) {
                String w = d.getAttribute("when");
                if (w.length() >= 4) return w.length() > 10 ? w.substring(0, 10) : w;
            }
        }
        return "";
    }

    private static void collectEntities(Element scope, List<Entity> out) {
        for (String[] kind : new String[][]{{"persName", "person"}, {"placeName", "place"}, {"orgName", "org"}}) {
            for (Element e : descendants(scope, kind[0])) {
                if (isSkipped(e)) continue;
                String written = SPACES.matcher(e.getTextContent().strip()).replaceAll(" ");
                String ref = SPACES.split(e.getAttribute("ref").strip())[0];
                if (!ref.isEmpty()) {
                    int hash = ref.indexOf('#');
                    String key = hash >= 0 ? ref.substring(hash + 1) : ref;
                    // Register ids of the form per-叶寒冰 carry the register's name form; a local entry's
                    // id adds its document after "--" (org-市局--DOCID), which is no part of the name.
                    String label = REGISTER_KEY.matcher(key).matches() ? LOCAL_ENTRY.matcher(key.substring(key.indexOf('-') + 1)).replaceFirst("") : written;
                    if (!key.isEmpty()) out.add(new Entity(kind[1], key, label.isEmpty() ? key : label));
                } else if (!written.isEmpty() && written.length() <= 40) {
                    out.add(new Entity(kind[1], "=" + Folding.fold(written).text(), written));
                }
            }
        }
    }

    private static boolean isSkipped(Element e) {
        for (Node n = e; n instanceof Element a; n = n.getParentNode()) {
            if (SKIPPED.contains(a.getLocalName()) || isEditorialNote(a)) return true;
        }
        return false;
    }

    /** The text of one block being gathered. */
    private static final class Builder {
        final String anchor;
        final StringBuilder text = new StringBuilder();
        final List<Alternative> alternatives = new ArrayList<>();

        Builder(String anchor) {
            this.anchor = anchor;
        }

        void emit(List<Unit> units, int at) {
            if (text.toString().isBlank()) return;
            units.add(at, new Unit(anchor, text.toString(), List.copyOf(alternatives)));
        }
    }

    /** Walks the regularised reading, the way {@link Readings} does, starting a unit at each block. */
    private static void walk(Node n, Builder b, List<Unit> units, String anchor) {
        for (Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.text.append(k.getNodeValue());
                continue;
            }
            if (!(k instanceof Element e)) continue;
            String name = e.getLocalName();
            String id = e.getAttributeNS(Xml.XML_NS, "id");
            String here = id.isEmpty() ? anchor : id;
            if (isEditorialNote(e) || SKIPPED.contains(name)) continue;
            if (BLOCKS.contains(name)) {
                // A block inside a block (an item of a run-in list inside a paragraph) is a unit of its own,
                // listed before the rest of its parent so that the order follows the text.
                int at = units.size();
                Builder inner = new Builder(here);
                walk(e, inner, units, here);
                inner.emit(units, at);
                continue;
            }
            if ("g".equals(name) && !e.hasChildNodes()) continue;
            if ("choice".equals(name)) {
                int start = b.text.length();
                StringBuilder alt = new StringBuilder();
                boolean supplied = !Dom.children(e, "supplied").isEmpty();
                for (Element c : elementChildren(e)) {
                    boolean redaction = "seg".equals(c.getLocalName()) && "redaction".equals(c.getAttribute("type"));
                    if (ALTERNATIVES.contains(c.getLocalName())) alt.append(Readings.of(c, true));
                    else if (redaction && supplied) continue;
                    else if (!SKIPPED.contains(c.getLocalName()) && !isEditorialNote(c)) walk(c, b, units, here);
                }
                if (alt.length() > 0) b.alternatives.add(new Alternative(start, b.text.length(), alt.toString()));
                continue;
            }
            if ("seg".equals(name) && "redaction".equals(e.getAttribute("type")) && !Dom.children(e, "supplied").isEmpty()) {
                for (Element s : Dom.children(e, "supplied")) walk(s, b, units, here);
                continue;
            }
            walk(e, b, units, here);
        }
    }

    /** The ¶ numbers of the document page (text.xsl's {@code f:pnums}): xml:id → number, the first element of an id. */
    static Map<String, Integer> pageNumbers(Element text) {
        Map<String, Integer> out = new java.util.HashMap<>();
        int n = 0; // every numbered block takes a number, also one whose id an earlier block has
        org.w3c.dom.NodeList all = text.getElementsByTagNameNS("*", "*"); // its descendants, in document order
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(Xml.XML_NS, "id") && org.jiaokan.publish.html.Mentions.LEAF_BLOCKS.contains(e.getLocalName())) {
                out.putIfAbsent(e.getAttributeNS(Xml.XML_NS, "id"), ++n);
            }
        }
        return out;
    }

    private static List<Element> elementChildren(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) if (k instanceof Element c) out.add(c);
        return out;
    }

    private static boolean isEditorialNote(Element e) {
        return "note".equals(e.getLocalName()) && (e.hasAttribute("resp") || "editorial".equals(e.getAttribute("type")));
    }

    private static boolean isInside(Element e, String ancestor) {
        for (Node n = e.getParentNode(); n instanceof Element a; n = n.getParentNode()) {
            if (ancestor.equals(a.getLocalName())) return true;
        }
        return false;
    }

    private static List<Element> descendants(Element scope, String localName) {
        NodeList nl = scope.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }
}
