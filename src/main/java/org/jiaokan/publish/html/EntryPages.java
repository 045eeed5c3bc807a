package org.jiaokan.publish.html;

import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.str.StringView;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.type.Type;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register entries' pages (one per entry: its spellings and codes, and every mention in context, by document), made
 * as the bundled {@code site.xsl} makes them with its template {@code entry}, byte for byte, without a transformation
 * per page. They are most of an edition's pages (37,877 of the 10,000-document bench edition's 57,885, 208 MB), and
 * Saxon spent most of their time writing out what is the same on every page and interpreting the mentions' loop.
 *
 * <p>The frame of the page (head, navigation, footer) is made once per run by the stylesheet itself (its template
 * {@code entry-frame}, the page frame of every page around marks for the title's label and the content) and written
 * around each page's content; the content follows the template's rules: the entry's label, its spellings and codes,
 * the count of its mentions, and the mentions grouped by document, in the order of the summaries. The entries are the
 * stylesheet's {@code $entries}: those of the registers, then the ids only the documents name.
 *
 * <p>Only for the bundled {@code site.xsl} and {@code common.xsl} (an edition's own make their pages themselves), and
 * only where every page can be made so: {@link #of} answers null where an entry's kind, id or page is one it leaves to
 * the stylesheet (which then makes all of them, and reports what it reports).
 */
public final class EntryPages {
    private static final NamespaceUri TEI = Mentions.TEI;
    private static final Set<String> KINDS = Set.of("person", "place", "org", "term");
    private static final Set<String> ENTRY_ELEMENTS = Set.of("person", "place", "org", "personGrp");
    private static final Set<String> SPELLINGS = Set.of("persName", "placeName", "orgName", "name", "term");
    /** The marks of the frame, in UTF-8: the title's label, and the content's parts. */
    private static final byte[] TITLE_MARK = "\uE000".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] PART_MARK = "\uE001".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One entry: its id, kind, label (as the page's title and heading) and its register element, if it has one. */
    public record Entry(String id, String kind, String label, NodeInfo element) {
        /** Its page, relative to the site's folder. */
        public String page() {
            return kind + "/" + id + ".html";
        }
    }

    private final List<Entry> entries;
    private final Map<String, List<NodeInfo>> mentionsByRef;
    private final net.sf.saxon.Configuration config;
    /** The frame: before the title's label, from it to the content, after the content. */
    private final byte[] frame;
    private final int titleAt;
    private final int contentAt;
    private final int contentEnd;
    /** The interface strings the content uses, as written: reg.spellings, reg.code, reg.mentions. */
    private final byte[][] strings;

    private EntryPages(List<Entry> entries, Map<String, List<NodeInfo>> mentionsByRef, net.sf.saxon.Configuration config,
            byte[] frame, int titleAt, int contentAt, int contentEnd, byte[][] strings) {
        this.entries = entries;
        this.mentionsByRef = mentionsByRef;
        this.config = config;
        this.frame = frame;
        this.titleAt = titleAt;
        this.contentAt = contentAt;
        this.contentEnd = contentEnd;
        this.strings = strings;
    }

    /**
     * The entries' pages of a site, or null where the stylesheet is to make them. {@code frame}: a transformer of the
     * bundled site stylesheet with the run's parameters; {@code registers} the whole registers (or null),
     * {@code summaries} the documents' summaries in the documents' order.
     */
    public static EntryPages of(Xslt30Transformer frame, XdmNode registers, List<XdmNode> summaries) throws SaxonApiException {
        // $entries: the registers' entries, then the ids only the documents name
        List<Entry> entries = new ArrayList<>();
        Set<String> regIds = new HashSet<>();
        if (registers != null) registerEntries(registers.getUnderlyingNode(), entries, regIds);
        // $mentions-by-ref, over the summaries' mentions in order; the ids no register entry has, in order of first mention
        Map<String, List<NodeInfo>> byRef = new HashMap<>();
        Map<String, List<NodeInfo>> named = new LinkedHashMap<>();
        for (XdmNode s : summaries) {
            for (NodeInfo d : Mentions.children(s.getUnderlyingNode())) {
                if (!isElement(d, "doc")) continue;
                for (NodeInfo m : Mentions.children(d)) {
                    if (!isElement(m, "m")) continue;
                    String ref = m.getAttributeValue(NamespaceUri.NULL, "ref");
                    if (ref == null) continue;
                    List<NodeInfo> all = byRef.computeIfAbsent(ref, k -> new ArrayList<>());
                    all.add(m);
                    if (!regIds.contains(ref)) named.putIfAbsent(ref, all);
                }
            }
        }
        for (Map.Entry<String, List<NodeInfo>> e : named.entrySet()) {
            String label = "";
            for (NodeInfo m : e.getValue()) {
                String name = m.getAttributeValue(NamespaceUri.NULL, "name");
                if (name != null && !name.isEmpty()) {
                    label = name;
                    break;
                }
            }
            entries.add(new Entry(e.getKey(), attribute(e.getValue().get(0), "kind"), label, null));
        }
        // pages this class does not make as the stylesheet does: all are left to it
        Set<String> pages = new HashSet<>();
        for (Entry e : entries) {
            if (!KINDS.contains(e.kind()) || !Stylesheets.isPageId(e.id()) || !pages.add(e.page())) return null;
        }
        // the frame, made by the stylesheet
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        frame.callTemplate(new QName("entry-frame"), PageWriter.page(bos));
        byte[] f = bos.toByteArray();
        int title = only(f, TITLE_MARK);
        if (title < 0) return null;
        int[] parts = new int[4];
        int from = title + TITLE_MARK.length;
        for (int i = 0; i < 4; i++) {
            parts[i] = find(f, PART_MARK, from);
            if (parts[i] < 0) return null;
            from = parts[i] + PART_MARK.length;
        }
        if (find(f, PART_MARK, 0) != parts[0] || find(f, PART_MARK, from) >= 0) return null;
        byte[][] strings = new byte[3][];
        for (int i = 0; i < 3; i++) strings[i] = java.util.Arrays.copyOfRange(f, parts[i] + PART_MARK.length, parts[i + 1]);
        return new EntryPages(List.copyOf(entries), byRef, frame.getUnderlyingController().getConfiguration(),
                f, title, parts[0], parts[3] + PART_MARK.length, strings);
    }

    /** {@code $reg}: the registers' person, place, org and personGrp with an xml:id naming a page, in document order. */
    private static void registerEntries(NodeInfo n, List<Entry> entries, Set<String> ids) {
        for (NodeInfo c : Mentions.children(n)) {
            if (c.getNodeKind() != Type.ELEMENT) continue;
            if (c.getNamespaceUri().equals(TEI) && ENTRY_ELEMENTS.contains(c.getLocalPart())) {
                String id = c.getAttributeValue(NamespaceUri.XML, "id");
                if (id != null && Stylesheets.isPageId(id)) {
                    entries.add(new Entry(id, Mentions.kindOfEntry(c.getLocalPart()), label(c), c));
                    ids.add(id);
                }
            }
            registerEntries(c, entries, ids);
        }
    }

    /**
     * An entry's label: {@code normalize-space((*[@xml:lang = 'zh-Hans'], persName, placeName, orgName,
     * *)[normalize-space()][1])}.
     */
    private static String label(NodeInfo entry) {
        List<NodeInfo> kids = new ArrayList<>();
        for (NodeInfo c : Mentions.children(entry)) if (c.getNodeKind() == Type.ELEMENT) kids.add(c);
        for (NodeInfo c : kids) {
            if ("zh-Hans".equals(c.getAttributeValue(NamespaceUri.XML, "lang"))) {
                String s = Mentions.normalizeSpace(c.getStringValue());
                if (!s.isEmpty()) return s;
            }
        }
        for (String name : List.of("persName", "placeName", "orgName")) {
            for (NodeInfo c : kids) {
                if (c.getNamespaceUri().equals(TEI) && c.getLocalPart().equals(name)) {
                    String s = Mentions.normalizeSpace(c.getStringValue());
                    if (!s.isEmpty()) return s;
                }
            }
        }
        for (NodeInfo c : kids) {
            String s = Mentions.normalizeSpace(c.getStringValue());
            if (!s.isEmpty()) return s;
        }
        return "";
    }

    /** The entries, in the stylesheet's order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The page of {@code e}, as the stylesheet's template {@code entry} makes it. */
    public byte[] page(Entry e) throws XPathException {
        PageWriter.Html h = new PageWriter.Html(config);
        h.bytes(frame, 0, titleAt).text(e.label()).bytes(frame, titleAt + TITLE_MARK.length, contentAt);
        h.open("h1").attribute("h1", "lang", "zh").close().text(e.label()).end("h1");
        NodeInfo entry = e.element();
        if (entry != null) {
            h.open("dl").attribute("dl", "class", "entry").close();
            boolean spellings = false;
            for (NodeInfo c : Mentions.children(entry)) {
                if (c.getNodeKind() != Type.ELEMENT || !SPELLINGS.contains(c.getLocalPart())) continue;
                if (!spellings) {
                    h.open("dt").close().bytes(strings[0], 0, strings[0].length).end("dt");
                    spellings = true;
                }
                h.open("dd");
                // f:lang-attr: the element's own xml:lang, when it is a language tag
                if (c.getAttributeValue(NamespaceUri.XML, "lang") != null) {
                    String l = Mentions.lang(c);
                    if (!l.isEmpty()) h.attribute("dd", "lang", l);
                }
                h.close().text(Mentions.normalizeSpace(c.getStringValue())).end("dd");
            }
            for (NodeInfo c : Mentions.children(entry)) {
                if (c.getNodeKind() != Type.ELEMENT || !c.getNamespaceUri().equals(TEI) || !c.getLocalPart().equals("idno")) continue;
                h.open("dt").close().bytes(strings[1], 0, strings[1].length).text(" ").text(attribute(c, "type")).end("dt");
                h.open("dd").close().text(Mentions.normalizeSpace(c.getStringValue())).end("dd");
            }
            h.end("dl");
        }
        List<NodeInfo> mentions = mentionsByRef.getOrDefault(e.id(), List.of());
        h.open("h2").close().bytes(strings[2], 0, strings[2].length).text(" (").text(Integer.toString(mentions.size())).text(")").end("h2");
        // by document (the @id of the mention's document), in the order of the documents' first mentions
        Map<String, List<NodeInfo>> groups = new LinkedHashMap<>();
        for (NodeInfo m : mentions) {
            NodeInfo doc = m.getParent();
            String id = doc == null ? null : doc.getAttributeValue(NamespaceUri.NULL, "id");
            if (id != null) groups.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<NodeInfo>> g : groups.entrySet()) {
            NodeInfo doc = g.getValue().get(0).getParent();
            h.open("section").attribute("section", "class", "mentions").close();
            h.open("h3").close();
            h.open("a").attribute("a", "href", "../doc/" + encodeForUri(g.getKey()) + ".html").attribute("a", "lang", attribute(doc, "lang")).close()
                    .text(attribute(doc, "title")).end("a");
            String date = attribute(doc, "date");
            if (!date.isEmpty()) h.text(" ").open("span").attribute("span", "class", "date").close().text(date).end("span");
            h.end("h3");
            h.open("ul").close();
            for (NodeInfo m : g.getValue()) {
                NodeInfo d = m.getParent();
                String lang = attribute(m, "lang");
                String script = d.getAttributeValue(NamespaceUri.NULL, "script");
                h.open("li").attribute("li", "lang", !lang.isEmpty() ? lang : script == null ? "" : script).close();
                String block = attribute(m, "block");
                String href = "../doc/" + encodeForUri(attribute(d, "id")) + ".html";
                h.open("a").attribute("a", "class", "pnum");
                if (!block.isEmpty()) h.attribute("a", "href", href + "#" + block).close().text("¶").text(attribute(m, "n")).end("a");
                else h.attribute("a", "href", href).close().text("¶").end("a");
                h.text(" ").text(attribute(m, "before")).open("mark").close().text(attribute(m, "name")).end("mark").text(attribute(m, "after"));
                h.end("li");
            }
            h.end("ul").end("section");
        }
        h.bytes(frame, contentEnd, frame.length);
        return h.toByteArray();
    }

    /** XPath's {@code encode-for-uri}. */
    public static String encodeForUri(String s) {
        return net.sf.saxon.functions.EncodeForUri.escape(StringView.of(s), "-_.~").getStringValue();
    }

    private static String attribute(NodeInfo e, String local) {
        return Mentions.attribute(e, NamespaceUri.NULL, local);
    }

    private static boolean isElement(NodeInfo n, String local) {
        return n.getNodeKind() == Type.ELEMENT && n.getLocalPart().equals(local);
    }

    /** Where {@code mark} is in {@code b}, when it is there once; else -1. */
    private static int only(byte[] b, byte[] mark) {
        int at = find(b, mark, 0);
        return at < 0 || find(b, mark, at + mark.length) >= 0 ? -1 : at;
    }

    private static int find(byte[] b, byte[] mark, int from) {
        outer:
        for (int i = from; i + mark.length <= b.length; i++) {
            for (int k = 0; k < mark.length; k++) if (b[i + k] != mark[k]) continue outer;
            return i;
        }
        return -1;
    }
}
