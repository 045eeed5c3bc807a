package org.jiaokan.publish.html;

import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.type.Type;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pages and the summary ask of a document's names, worked out in Java instead of name by name in Saxon: the
 * summary's mentions ({@link #of}: {@code summary.xsl}'s {@code m} elements, each name's entry, kind, text, language,
 * numbered block and the text around it) and, for the document page ({@link #entities}), each name's register id and
 * kind and the twin's spelling of it from the registers. The stylesheets use them where they are given ({@code
 * $mentions}, {@code $entities}, {@code $entity-forms}) and work them out themselves where they are not. Each rule here
 * is the stylesheets', function by function ({@code f:entity-id}, {@code f:entity-kind}, {@code f:entity-form}, {@code
 * f:reg-text}, {@code f:lang}, XPath's strings counted in characters, not UTF-16 units); {@code MentionsTest}, {@code
 * MentionsPropertyTest} and {@code MentionsSiteTest} compare the two ways byte for byte.
 *
 * <p>The summary's mentions are only made for a TEI document or a fragment: a {@code teiCorpus} ({@link #of} gives
 * null) is left to the stylesheet.
 */
public final class Mentions {
    private Mentions() {}

    static final NamespaceUri TEI = NamespaceUri.of("http://www.tei-c.org/ns/1.0");
    private static final NamespaceUri XML = NamespaceUri.XML;

    /** {@code $f:leaf-blocks} of common.xsl: each element with an xml:id and one of these local names is a numbered block. */
    public static final Set<String> LEAF_BLOCKS = Set.of("p", "ab", "head", "item", "fw", "byline", "dateline",
            "salute", "signed", "titlePart", "trailer", "docAuthor", "docImprint", "docDate", "docEdition", "l", "speaker",
            "stage", "label", "caption", "bibl", "cell", "quote", "q", "argument", "epigraph", "postscript", "address", "seg");
    private static final Set<String> NAMES = Set.of("persName", "placeName", "orgName", "term", "name", "rs");
    private static final Set<String> ENTRIES = Set.of("person", "place", "org", "personGrp", "item", "category", "entry");
    /** What the regularised reading leaves out, wherever it stands (m:reg's first template). */
    private static final Set<String> LEFT_OUT = Set.of("surplus", "fw", "del", "note", "teiHeader");
    /** What it leaves out inside a choice. */
    private static final Set<String> LEFT_OUT_IN_CHOICE = Set.of("sic", "orig", "abbr");
    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");
    private static final char MARK = '\uE000';

    /**
     * The {@code m} elements of {@code tei}'s summary, as children of a {@code mentions} element, or null for a
     * {@code teiCorpus}. {@code registers} is the part of the registers the document's pages read (may be null).
     */
    public static XdmNode of(Processor processor, XdmNode tei, XdmNode registers) throws SaxonApiException {
        NodeInfo top = firstElement(tei.getUnderlyingNode());
        if (top == null) return null;
        List<NodeInfo> roots = new ArrayList<>();
        if (isTei(top, "teiCorpus")) return null;
        if (isTei(top, "TEI")) {
            for (NodeInfo c : children(top)) if (isTei(c, "text")) roots.add(c);
        } else {
            roots.add(top);
        }
        // the numbered blocks ($ids, $pnums) and the names, in document order
        Map<NodeInfo, Integer> numbers = new HashMap<>();
        List<NodeInfo> names = new ArrayList<>();
        for (NodeInfo r : roots) walk(r, numbers, names, isTei(r, "note"));
        Map<String, List<NodeInfo>> groups = new LinkedHashMap<>();
        for (NodeInfo n : names) {
            String id = entityId(n);
            if (id != null) groups.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
        }
        Map<String, Entry> entries = registers == null ? Map.of() : entries(registers.getUnderlyingNode().getTreeInfo());
        Map<NodeInfo, String> texts = new HashMap<>();
        BuildingStreamWriter w = processor.newDocumentBuilder().newBuildingStreamWriter();
        try {
            w.writeStartDocument();
            w.writeStartElement("mentions");
            for (Map.Entry<String, List<NodeInfo>> g : groups.entrySet()) {
                String kind = entityKind(g.getValue().get(0), g.getKey(), entries);
                if (kind == null) continue;
                for (NodeInfo name : g.getValue()) mention(w, name, g.getKey(), kind, numbers, texts);
            }
            w.writeEndElement();
            w.writeEndDocument();
            return w.getDocumentNode();
        } catch (XMLStreamException e) {
            throw new SaxonApiException(e);
        }
    }

    /**
     * What the document page ({@code document.xsl}) asks of its names, worked out for every TEI name of a document:
     * {@code ids} ({@code $entities}) each name that points at a register id, by its {@code generate-id()}, with that
     * id and, where it has one, its kind ({@code f:entity-id}, {@code f:entity-kind}); {@code forms} ({@code
     * $entity-forms}) each such name holding only text whose entry spells it so in the document's script, with the
     * entry's spelling in the script of the page's twin ({@code f:entity-form}).
     */
    public record Entities(XdmMap ids, XdmMap forms) {}

    /** The {@link Entities} of {@code tei} in {@code script}, its twin's script {@code to} (or "": no forms). */
    public static Entities entities(XdmNode tei, XdmNode registers, String script, String to) {
        Map<String, Entry> entries = registers == null ? Map.of() : entries(registers.getUnderlyingNode().getTreeInfo());
        Map<XdmAtomicValue, XdmValue> ids = new HashMap<>();
        Map<XdmAtomicValue, XdmValue> forms = new HashMap<>();
        StringBuilder gid = new StringBuilder(16);
        AxisIterator it = tei.getUnderlyingNode().iterateAxis(AxisInfo.DESCENDANT);
        for (NodeInfo n; (n = it.next()) != null; ) {
            if (n.getNodeKind() != Type.ELEMENT || !NAMES.contains(n.getLocalPart()) || !n.getNamespaceUri().equals(TEI)) continue;
            String id = entityId(n);
            if (id == null) continue;
            String kind = entityKind(n, id, entries);
            gid.setLength(0);
            n.generateId(gid);
            XdmAtomicValue key = new XdmAtomicValue(gid.toString());
            ids.put(key, kind == null ? new XdmAtomicValue(id) : new XdmValue(List.of(new XdmAtomicValue(id), new XdmAtomicValue(kind))));
            Entry entry = to.isEmpty() ? null : entries.get(id);
            if (entry != null && !hasElementChild(n)) {
                String form = entry.form(script, normalizeSpace(n.getStringValue()), to);
                if (form != null) forms.put(key, new XdmAtomicValue(form));
            }
        }
        return new Entities(new XdmMap(ids), new XdmMap(forms));
    }

    private static boolean hasElementChild(NodeInfo e) {
        for (NodeInfo c : children(e)) if (c.getNodeKind() == Type.ELEMENT) return true;
        return false;
    }

    /** One {@code m} element: summary.xsl's loop over a group's names, for one of them. */
    private static void mention(BuildingStreamWriter w, NodeInfo name, String ref, String kind, Map<NodeInfo, Integer> numbers,
            Map<NodeInfo, String> texts) throws XMLStreamException {
        NodeInfo block = block(name);
        String text;
        if (block != null && numbers.containsKey(block)) {
            text = texts.computeIfAbsent(block, b -> normalizeSpace(regText(b, null)));
        } else {
            text = normalizeSpace(regText(block != null ? block : name.getParent(), null));
        }
        String hit = normalizeSpace(regText(name, null));
        boolean again = !hit.isEmpty() && substringAfter(text, hit).contains(hit) && block != null && text.indexOf(MARK) < 0;
        String withMark = again ? normalizeSpace(regText(block, name)) : "";
        String marked = substringAfter(withMark, String.valueOf(MARK));
        String before;
        String after;
        if (again && !marked.isEmpty()) {
            before = withMark.substring(0, withMark.indexOf(MARK));
            after = marked.startsWith(hit) ? substringCodePoints(marked, codePoints(hit)) : marked;
        } else if (!hit.isEmpty() && text.contains(hit)) {
            before = text.substring(0, text.indexOf(hit));
            after = substringAfter(text, hit);
        } else {
            before = "";
            after = text;
        }
        int b = codePoints(before);
        if (b > 30) before = "…" + substringCodePoints(before, b - 30);
        if (codePoints(after) > 30) after = after.substring(0, after.offsetByCodePoints(0, 30)) + "…";
        Integer n = block == null ? null : numbers.get(block);
        w.writeStartElement("m");
        w.writeAttribute("ref", ref);
        w.writeAttribute("kind", kind);
        w.writeAttribute("name", hit);
        w.writeAttribute("lang", lang(name));
        w.writeAttribute("block", block == null ? "" : attribute(block, XML, "id"));
        w.writeAttribute("n", n == null ? "" : n.toString());
        w.writeAttribute("before", before);
        w.writeAttribute("after", after);
        w.writeEndElement();
    }

    /**
     * The descendants of {@code e} in document order: each numbered block (an element with an xml:id whose local name
     * is a leaf block's, or a TEI item) numbered from 1, and each TEI name outside a TEI note.
     */
    private static void walk(NodeInfo e, Map<NodeInfo, Integer> numbers, List<NodeInfo> names, boolean inNote) {
        for (NodeInfo c : children(e)) {
            if (c.getNodeKind() != Type.ELEMENT) continue;
            String local = c.getLocalPart();
            boolean tei = c.getNamespaceUri().equals(TEI);
            if (c.getAttributeValue(XML, "id") != null && (LEAF_BLOCKS.contains(local) || tei && local.equals("item"))) {
                numbers.put(c, numbers.size() + 1);
            }
            if (tei && !inNote && NAMES.contains(local)) names.add(c);
            walk(c, numbers, names, inNote || tei && local.equals("note"));
        }
    }

    /** {@code f:entity-id}: the register id a name points at (@ref's fragment, else @key), if it can name a page; else null. */
    static String entityId(NodeInfo e) {
        String refAttr = e.getAttributeValue(NamespaceUri.NULL, "ref");
        String keyAttr = e.getAttributeValue(NamespaceUri.NULL, "key");
        String ref = normalizeSpace(refAttr != null ? refAttr : keyAttr != null ? keyAttr : "");
        String id;
        if (refAttr == null && keyAttr == null && e.getLocalPart().equals("term")) {
            id = "term-" + Stylesheets.convert(normalizeSpace(e.getStringValue()), "zh-Hans");
        } else if (refAttr == null) {
            id = ref;
        } else if (ref.startsWith("#")) {
            id = ref.substring(1);
        } else if (schemeLike(ref)) {
            id = "";
        } else if (ref.contains("#")) {
            id = ref.substring(ref.indexOf('#') + 1);
        } else {
            id = "";
        }
        return Stylesheets.isPageId(id) ? id : null;
    }

    /** {@code matches($ref, '^[a-zA-Z][a-zA-Z0-9+.-]*:')}. */
    private static boolean schemeLike(String s) {
        if (s.isEmpty() || !asciiLetter(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return true;
            if (!(asciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) return false;
        }
        return false;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code f:entity-kind}: person, place, org or term, from the register entry, else from the element's name or type. */
    private static String entityKind(NodeInfo e, String id, Map<String, Entry> entries) {
        Entry entry = entries.get(id);
        if (entry != null) return entry.kind();
        switch (e.getLocalPart()) {
            case "persName": return "person";
            case "placeName": return "place";
            case "orgName": return "org";
            case "term": return "term";
            case "name", "rs": {
                String type = e.getAttributeValue(NamespaceUri.NULL, "type");
                return type != null && (type.equals("person") || type.equals("place") || type.equals("org")) ? type : null;
            }
            default: return null;
        }
    }

    /**
     * A register entry as the pages read it: its kind ({@code f:kind-of-entry}) and, for each of its child elements in
     * order, its {@code xml:lang} (or null) and its text with its spaces normalised (the spellings {@code f:entity-form}
     * looks through).
     */
    record Entry(String kind, String[] langs, String[] forms) {
        /** {@code f:entity-form}: the spelling in {@code to}, where the entry spells the name {@code text} as it reads in {@code script}. */
        String form(String script, String text, String to) {
            boolean source = false;
            for (int i = 0; i < langs.length && !source; i++) source = script.equals(langs[i]) && forms[i].equals(text);
            if (!source) return null;
            for (int i = 0; i < langs.length; i++) if (to.equals(langs[i])) return forms[i];
            return null;
        }
    }

    /**
     * {@code f:register-entry} for every id of the registers: the first element in document order with that xml:id
     * that is a TEI person, place, org, personGrp, item, category or entry.
     */
    private static Map<String, Entry> entries(net.sf.saxon.om.TreeInfo registers) {
        // the whole registers are one tree for a run and every document: read once
        synchronized (ENTRIES_OF) {
            Map<String, Entry> entries = ENTRIES_OF.get(registers);
            if (entries != null) return entries;
        }
        Map<String, Entry> entries = new HashMap<>();
        AxisIterator it = registers.getRootNode().iterateAxis(AxisInfo.DESCENDANT);
        for (NodeInfo n; (n = it.next()) != null; ) {
            if (n.getNodeKind() != Type.ELEMENT || !n.getNamespaceUri().equals(TEI) || !ENTRIES.contains(n.getLocalPart())) continue;
            String id = n.getAttributeValue(XML, "id");
            if (id == null || entries.containsKey(id)) continue;
            String kind = kindOfEntry(n.getLocalPart());
            List<String> langs = new ArrayList<>();
            List<String> forms = new ArrayList<>();
            for (NodeInfo c : children(n)) {
                if (c.getNodeKind() != Type.ELEMENT) continue;
                langs.add(c.getAttributeValue(XML, "lang"));
                forms.add(normalizeSpace(c.getStringValue()));
            }
            entries.put(id, new Entry(kind, langs.toArray(new String[0]), forms.toArray(new String[0])));
        }
        synchronized (ENTRIES_OF) {
            ENTRIES_OF.put(registers, entries);
        }
        return entries;
    }

    /** {@code f:kind-of-entry}: person, place, org or term, by the entry element's local name. */
    static String kindOfEntry(String local) {
        return local.equals("person") || local.equals("personGrp") ? "person"
                : local.equals("place") ? "place" : local.equals("org") ? "org" : "term";
    }

    /**
     * The entries of the registers' trees in use (a document's part, or the whole), each read once. Only strings: a
     * value holding a node of its key's tree would keep the tree from being collected.
     */
    private static final Map<net.sf.saxon.om.TreeInfo, Map<String, Entry>> ENTRIES_OF = new java.util.WeakHashMap<>();

    /** The nearest ancestor that is a numbered block's element (with an xml:id), or null. */
    private static NodeInfo block(NodeInfo e) {
        for (NodeInfo a = e.getParent(); a != null && a.getNodeKind() == Type.ELEMENT; a = a.getParent()) {
            String local = a.getLocalPart();
            if (a.getAttributeValue(XML, "id") != null && (LEAF_BLOCKS.contains(local) || a.getNamespaceUri().equals(TEI) && local.equals("item"))) {
                return a;
            }
        }
        return null;
    }

    /**
     * {@code f:reg-text} (mark null) and {@code f:reg-text-marked}: the regularised reading of {@code e}'s children, with
     * U+E000 where {@code mark} begins.
     */
    static String regText(NodeInfo e, NodeInfo mark) {
        StringBuilder sb = new StringBuilder();
        reg(e, mark, sb);
        return sb.toString();
    }

    private static void reg(NodeInfo e, NodeInfo mark, StringBuilder sb) {
        for (NodeInfo c : children(e)) {
            int kind = c.getNodeKind();
            if (kind == Type.TEXT) {
                sb.append(c.getStringValue());
            } else if (kind == Type.ELEMENT) {
                regElement(c, mark, sb);
            }
        }
    }

    /** The templates of modes m:reg and m:reg-marked, for one element. */
    private static void regElement(NodeInfo c, NodeInfo mark, StringBuilder sb) {
        if (c.getNamespaceUri().equals(TEI)) {
            String local = c.getLocalPart();
            if (LEFT_OUT.contains(local)) return;
            NodeInfo parent = c.getParent();
            boolean inChoice = parent != null && parent.getNodeKind() == Type.ELEMENT && isTei(parent, "choice");
            if (inChoice && LEFT_OUT_IN_CHOICE.contains(local)) return;
            if (local.equals("seg") && "redaction".equals(c.getAttributeValue(NamespaceUri.NULL, "type"))) {
                // choice[supplied]/seg[@type = 'redaction'] comes last in the stylesheet, so it wins where both match
                if (inChoice && hasTeiChild(parent, "supplied")) return;
                if (hasTeiChild(c, "supplied")) {
                    for (NodeInfo s : children(c)) if (isTei(s, "supplied")) regElement(s, mark, sb);
                    return;
                }
            }
        }
        if (mark != null && c.equals(mark)) sb.append(MARK);
        reg(c, mark, sb);
    }

    /** {@code f:lang}: the nearest xml:lang, when it is a language tag, else "". */
    static String lang(NodeInfo n) {
        for (NodeInfo a = n; a != null && a.getNodeKind() == Type.ELEMENT; a = a.getParent()) {
            String l = a.getAttributeValue(XML, "lang");
            if (l == null) continue;
            return l.equals("zh-Hans") || l.equals("zh-Hant") || l.equals("zh") || l.equals("en") || LANGUAGE_TAG.matcher(l).matches() ? l : "";
        }
        return "";
    }

    /** XPath's normalize-space: leading and trailing space, tab, CR and LF removed, each run of them one space. */
    static String normalizeSpace(String s) {
        int n = s.length();
        boolean clean = true;
        for (int k = 0; k < n && clean; k++) {
            char c = s.charAt(k);
            if (c == '\t' || c == '\r' || c == '\n' || c == ' ' && (k == 0 || k == n - 1 || s.charAt(k - 1) == ' ')) clean = false;
        }
        if (clean) return s;
        StringBuilder sb = new StringBuilder(n);
        boolean pending = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pending = sb.length() > 0;
            } else {
                if (pending) sb.append(' ');
                pending = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String substringAfter(String s, String t) {
        int i = s.indexOf(t);
        return i < 0 ? "" : s.substring(i + t.length());
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The characters of {@code s} after the first {@code skip} (XPath's substring($s, $skip + 1)). */
    private static String substringCodePoints(String s, int skip) {
        return s.substring(s.offsetByCodePoints(0, skip));
    }

    /** The value of an attribute, "" where there is none. */
    static String attribute(NodeInfo e, NamespaceUri ns, String local) {
        String v = e.getAttributeValue(ns, local);
        return v == null ? "" : v;
    }

    private static boolean isTei(NodeInfo n, String local) {
        return n.getNodeKind() == Type.ELEMENT && n.getNamespaceUri().equals(TEI) && n.getLocalPart().equals(local);
    }

    private static boolean hasTeiChild(NodeInfo e, String local) {
        for (NodeInfo c : children(e)) if (isTei(c, local)) return true;
        return false;
    }

    private static NodeInfo firstElement(NodeInfo doc) {
        for (NodeInfo c : children(doc)) if (c.getNodeKind() == Type.ELEMENT) return c;
        return null;
    }

    static Iterable<NodeInfo> children(NodeInfo e) {
        return () -> new java.util.Iterator<>() {
            private final AxisIterator it = e.iterateAxis(AxisInfo.CHILD);
            private NodeInfo next = it.next();

            @Override
            public boolean hasNext() { return next != null; }

            @Override
            public NodeInfo next() {
                NodeInfo n = next;
                next = it.next();
                return n;
            }
        };
    }
}
