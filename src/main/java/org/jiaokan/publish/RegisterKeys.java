package org.jiaokan.publish;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.jiaokan.script.ScriptConverter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The register entries in the keys of the publish manifest, entry by entry, so that a change of the registers
 * makes again only the pages that show what changed. A document's pages read, of the registers, only the
 * entries their names point at (the kind of entry and its spellings, as the bundled stylesheets' {@code
 * f:register-entry} looks them up): their key holds those entries' ids with a digest of each entry without
 * its list of mentions (which the document pages do not show). A register entry's page reads its entry, the
 * mentions of its id in the documents' summaries and those documents' titles, dates and ids: its key holds
 * those. With a theme whose stylesheets are overridden (which may read anything of the registers) the
 * document pages' key holds the digest of the whole registers instead.
 */
final class RegisterKeys {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final QName XML_ID = new QName("http://www.w3.org/XML/1998/namespace", "id");
    private static final Set<String> ENTRY_ELEMENTS = Set.of("person", "place", "org", "personGrp", "item", "category", "entry");
    private static final Set<String> PAGE_ENTRY_ELEMENTS = Set.of("person", "place", "org", "personGrp");
    private static final Set<String> NAME_ELEMENTS = Set.of("persName", "placeName", "orgName", "term", "name", "rs");

    /** Per id, the digest of what a document page reads of its entry (the first entry of that id). */
    private final Map<String, String> shown = new HashMap<>();
    /** The digest of the whole registers, used instead where the stylesheets are the edition's own. */
    private final String whole;

    private RegisterKeys(String whole) {
        this.whole = whole;
    }

    /**
     * @param registers the registers' tree (or null: no registers)
     * @param whole     the SHA-256 of the whole registers where document pages are keyed by it (a theme with its own
     *                  stylesheets), else null
     */
    static RegisterKeys of(XdmNode registers, String whole) {
        return compute(registers, whole, null);
    }

    private static final int MEMO_MAGIC = 0x4a4b524b;
    private static final int ENTRIES_MAGIC = 0x4a4b5245;

    /**
     * As {@link #of(XdmNode, String)}, the entries' digests remembered in {@code memo} with the registers' SHA-256
     * ({@code registersSha}: with the code's and the theme's identity, so that another release makes them again): an
     * edition's registers of tens of thousands of entries are not parsed and serialised again on every run they are
     * unchanged ({@code registers} is asked for the tree only when the memo cannot be
     * read or is of other registers). Made again, the memo is written with {@code entries} beside it: each entry as
     * the document pages read it (see {@link #entries}).
     */
    static RegisterKeys of(java.util.function.Supplier<XdmNode> registers, String whole, java.nio.file.Path memo,
                           java.nio.file.Path entries, String registersSha) {
        if (whole != null || memo == null || registersSha == null) return compute(registers.get(), whole, null);
        try {
            // Without its entries beside it, the memo is made again with them.
            if (java.nio.file.Files.isRegularFile(memo) && java.nio.file.Files.isRegularFile(entries)) {
                java.io.DataInputStream in = org.jiaokan.io.SealedFiles.open(memo, MEMO_MAGIC, 1);
                if (in.readUTF().equals(registersSha)) {
                    RegisterKeys k = new RegisterKeys(null);
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) k.shown.put(in.readUTF(), in.readUTF());
                    if (in.available() == 0) return k;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // made again below
        }
        XdmNode tree = registers.get();
        Map<String, String> xml = new java.util.TreeMap<>();
        RegisterKeys k;
        try {
            k = compute(tree, null, tree == null ? null : xml);
        } catch (IllegalArgumentException e) {
            // An entry XML 1.0 cannot hold (registers in XML 1.1): no entries are remembered, the pages read the whole.
            k = compute(tree, null, null);
            xml = null;
        }
        if (tree == null || xml == null) return k;
        Map<String, String> made = xml;
        RegisterKeys keys = k;
        org.jiaokan.io.SealedFiles.write(entries, ENTRIES_MAGIC, 1, o -> {
            o.writeUTF(registersSha);
            o.writeInt(made.size());
            for (Map.Entry<String, String> e : made.entrySet()) {
                org.jiaokan.io.CompactData.write(o, e.getKey());
                org.jiaokan.io.CompactData.write(o, e.getValue());
            }
        });
        org.jiaokan.io.SealedFiles.write(memo, MEMO_MAGIC, 1, o -> {
            o.writeUTF(registersSha);
            Map<String, String> sorted = new java.util.TreeMap<>(keys.shown);
            o.writeInt(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeUTF(e.getValue());
            }
        });
        return k;
    }

    /**
     * The registers' entries as the document pages read them, remembered with the registers' SHA-256 by {@link #of}:
     * per id, the first entry of that id, as XML, without its list of mentions; null when the file cannot be read or
     * is of other registers.
     */
    static Map<String, String> entries(java.nio.file.Path file, String registersSha) {
        try {
            if (file == null || !java.nio.file.Files.isRegularFile(file)) return null;
            java.io.DataInputStream in = org.jiaokan.io.SealedFiles.open(file, ENTRIES_MAGIC, 1);
            if (!in.readUTF().equals(registersSha)) return null;
            int n = in.readInt();
            Map<String, String> out = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) out.put(org.jiaokan.io.CompactData.string(in), org.jiaokan.io.CompactData.string(in));
            return in.available() == 0 ? out : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The registers' entries as the document pages read them (as {@link #entries}), taken from the tree (without the
     * digests {@link #of} makes beside them); null where an entry is one XML 1.0 cannot hold.
     */
    static Map<String, String> entriesOf(XdmNode registers) {
        Map<String, String> xml = new HashMap<>();
        try {
            firstEntries(registers, (id, e) -> xml.put(id, xml(e)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return xml;
    }

    /**
     * The part of the registers a document's pages and summary read ({@code f:register-entry}): the entries of these
     * ids (those there are), in a {@code TEI} element, as XML.
     */
    static String subset(Map<String, String> entries, Collection<String> ids) {
        StringBuilder sb = new StringBuilder("<TEI xmlns=\"").append(TEI).append("\">");
        for (String id : new TreeSet<>(ids)) {
            String x = entries.get(id);
            if (x != null) sb.append(x);
        }
        return sb.append("</TEI>").toString();
    }

    /**
     * The same part as a tree ({@link #subset} parsed), made by copying each entry's tree: an entry is parsed once
     * (kept in {@code trees}, which any number of threads may share) instead of once for every document naming it.
     */
    static XdmNode subsetTree(net.sf.saxon.s9api.Processor processor, Map<String, String> entries, Collection<String> ids,
                              String systemId, Map<String, net.sf.saxon.om.NodeInfo> trees) throws net.sf.saxon.s9api.SaxonApiException {
        List<net.sf.saxon.om.NodeInfo> parts = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            String x = entries.get(id);
            if (x == null) continue;
            net.sf.saxon.om.NodeInfo entry = trees.get(id);
            if (entry == null) {
                // in the root element subset gives it, so that it has the same namespaces
                XdmNode doc = org.jiaokan.publish.html.Stylesheets.parse(processor,
                        ("<TEI xmlns=\"" + TEI + "\">" + x + "</TEI>").getBytes(StandardCharsets.UTF_8), systemId);
                entry = doc.getUnderlyingNode().iterateAxis(net.sf.saxon.om.AxisInfo.CHILD, net.sf.saxon.pattern.NodeKindTest.ELEMENT).next()
                        .iterateAxis(net.sf.saxon.om.AxisInfo.CHILD, net.sf.saxon.pattern.NodeKindTest.ELEMENT).next();
                trees.putIfAbsent(id, entry);
            }
            parts.add(entry);
        }
        try {
            net.sf.saxon.tree.tiny.TinyBuilder b = new net.sf.saxon.tree.tiny.TinyBuilder(
                    processor.getUnderlyingConfiguration().makePipelineConfiguration());
            b.setSystemId(systemId);
            b.open();
            b.startDocument(net.sf.saxon.event.ReceiverOption.NONE);
            net.sf.saxon.om.NamespaceUri tei = net.sf.saxon.om.NamespaceUri.of(TEI);
            b.startElement(new net.sf.saxon.om.FingerprintedQName("", tei, "TEI"), net.sf.saxon.type.Untyped.getInstance(),
                    net.sf.saxon.om.EmptyAttributeMap.getInstance(), net.sf.saxon.om.NamespaceMap.of("", tei),
                    net.sf.saxon.expr.parser.Loc.NONE, net.sf.saxon.event.ReceiverOption.NONE);
            for (net.sf.saxon.om.NodeInfo entry : parts) entry.copy(b, net.sf.saxon.om.CopyOptions.ALL_NAMESPACES, net.sf.saxon.expr.parser.Loc.NONE);
            b.endElement();
            b.endDocument();
            b.close();
            return new XdmNode(b.getCurrentRoot());
        } catch (net.sf.saxon.trans.XPathException e) {
            throw new net.sf.saxon.s9api.SaxonApiException(e);
        }
    }

    /** An element as XML (names, attributes and text; each namespace declared where it starts), without its list of mentions. */
    private static void xml(XdmNode e, StringBuilder sb, String parentNs) {
        String ns = e.getNodeName().getNamespace();
        sb.append('<').append(e.getNodeName().getLocalName());
        if (!ns.equals(parentNs)) sb.append(" xmlns=\"").append(escape(ns, true)).append('"');
        int[] other = {0};
        e.select(net.sf.saxon.s9api.streams.Steps.attribute()).forEach(a -> {
            String ans = a.getNodeName().getNamespace();
            String name = a.getNodeName().getLocalName();
            if (ans.equals("http://www.w3.org/XML/1998/namespace")) {
                name = "xml:" + name;
            } else if (!ans.isEmpty()) {
                String prefix = "a" + other[0]++;
                sb.append(" xmlns:").append(prefix).append("=\"").append(escape(ans, true)).append('"');
                name = prefix + ":" + name;
            }
            sb.append(' ').append(name).append("=\"").append(escape(a.getStringValue(), true)).append('"');
        });
        sb.append('>');
        for (XdmNode c : e.children()) {
            switch (c.getNodeKind()) {
                case ELEMENT -> {
                    if (c.getNodeName().getLocalName().equals("note") && "mentions".equals(c.getAttributeValue(new QName("type")))) continue;
                    xml(c, sb, ns);
                }
                case TEXT -> sb.append(escape(c.getStringValue(), false));
                default -> { }
            }
        }
        sb.append("</").append(e.getNodeName().getLocalName()).append('>');
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        org.jiaokan.xml.XmlWriter.escape(s, sb, attribute);
        return sb.toString();
    }

    /** The digests of the entries; with {@code xml}, each entry as XML (see {@link #entries}) too. */
    private static RegisterKeys compute(XdmNode registers, String whole, Map<String, String> xml) {
        RegisterKeys k = new RegisterKeys(whole);
        if (registers != null && whole == null) {
            firstEntries(registers, (id, e) -> {
                StringBuilder sb = new StringBuilder();
                serialise(e, sb, true);
                k.shown.put(id, sha(sb));
                if (xml != null) xml.put(id, xml(e));
            });
        }
        return k;
    }

    /** Each entry of the registers (TEI person, place, org …) with an id, the first of each id only. */
    private static void firstEntries(XdmNode registers, java.util.function.BiConsumer<String, XdmNode> entry) {
        Set<String> seen = new java.util.HashSet<>();
        net.sf.saxon.tree.iter.AxisIterator it = registers.getUnderlyingNode().iterateAxis(net.sf.saxon.om.AxisInfo.DESCENDANT,
                net.sf.saxon.pattern.NodeKindTest.ELEMENT);
        for (net.sf.saxon.om.NodeInfo e; (e = it.next()) != null; ) {
            if (!ENTRY_ELEMENTS.contains(e.getLocalPart()) || !TEI.equals(e.getURI())) continue;
            String id = e.getAttributeValue(XML_ID.getNamespace(), XML_ID.getLocalName());
            if (id != null && seen.add(id)) entry.accept(id, new XdmNode(e));
        }
    }

    /** An entry as XML, as {@link #entries} keeps it. */
    private static String xml(XdmNode e) {
        StringBuilder x = new StringBuilder();
        xml(e, x, "");
        return x.toString();
    }

    /**
     * A digest of every entry's as the document pages show it: where it is the one of the run before, no document
     * page's part of its key that the registers give ({@link #documentKey}) has changed.
     */
    String digest() {
        if (whole != null) return "registers " + whole;
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(shown).forEach((id, d) -> sb.append(id).append('=').append(d).append('\n'));
        return sha(sb);
    }

    /** The part of a document pages' key that the registers give: the entries of these ids, as the pages show them. */
    String documentKey(Collection<String> ids) {
        if (whole != null) return "registers " + whole;
        StringBuilder sb = new StringBuilder();
        for (String id : new TreeSet<>(ids)) sb.append(id).append('=').append(shown.getOrDefault(id, "none")).append('\n');
        return sha(sb);
    }

    /**
     * The register ids a document's pages may look up: of every name ({@code persName}, {@code placeName},
     * {@code orgName}, {@code term}, {@code name}, {@code rs}), the fragment of {@code @ref} and {@code @key},
     * and for a term with neither, {@code term-} and its text in simplified script (as {@code f:entity-id}
     * makes them). More ids than the pages use only make the key change more often.
     */
    static Set<String> idsOf(XdmNode tei) {
        Set<String> ids = new TreeSet<>();
        // the tree's own iterator over its elements, not a stream of wrapped nodes: this runs for every document
        net.sf.saxon.tree.iter.AxisIterator it = tei.getUnderlyingNode().iterateAxis(net.sf.saxon.om.AxisInfo.DESCENDANT,
                net.sf.saxon.pattern.NodeKindTest.ELEMENT);
        for (net.sf.saxon.om.NodeInfo e; (e = it.next()) != null; ) {
            String local = e.getLocalPart();
            if (!NAME_ELEMENTS.contains(local)) continue;
            String ref = e.getAttributeValue("", "ref");
            String key = e.getAttributeValue("", "key");
            if (ref != null) {
                String r = xmlSpace(ref);
                ids.add(r.contains("#") ? r.substring(r.indexOf('#') + 1) : r);
            }
            if (key != null) ids.add(xmlSpace(key));
            if (ref == null && key == null && local.equals("term")) {
                ids.add("term-" + ScriptConverter.toSimplified(xmlSpace(e.getStringValue())));
            }
        }
        return ids;
    }

    /** One register entry's page: its file below the output folder and the key of what it shows. */
    record EntryPage(String id, String file, String key) {}

    /**
     * The register entries' pages the edition pages make (as {@code site.xsl}'s {@code $entries}: the entries of
     * the registers, then the ids only the documents name), each with the key of what it shows; null when two
     * entries share an id (they would make one page between them: the pages are then made as a whole).
     */
    static List<EntryPage> entryPages(XdmNode registers, List<XdmNode> summaries, String run) {
        // The mentions of each id, with the documents' facts the page shows, in the summaries' order, as a digest per id:
        // the text itself grows with the mentions times the documents (an edition of 10,000 documents ran out of a 1 GB heap).
        Map<String, java.security.MessageDigest> mentions = new LinkedHashMap<>();
        Map<String, String> firstKind = new HashMap<>();
        StringBuilder mention = new StringBuilder();
        for (XdmNode summary : summaries) {
            for (XdmNode doc : summary.children()) {
                if (doc.getNodeKind() != XdmNodeKind.ELEMENT || !doc.getNodeName().getLocalName().equals("doc")) continue;
                StringBuilder facts = new StringBuilder();
                attributes(doc, facts);
                byte[] factBytes = facts.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (XdmNode m : doc.children()) {
                    if (m.getNodeKind() != XdmNodeKind.ELEMENT || !m.getNodeName().getLocalName().equals("m")) continue;
                    String ref = m.getAttributeValue(new QName("ref"));
                    if (ref == null) continue;
                    firstKind.putIfAbsent(ref, String.valueOf(m.getAttributeValue(new QName("kind"))));
                    java.security.MessageDigest md = mentions.computeIfAbsent(ref, r -> org.jiaokan.edition.CodeIdentity.sha256());
                    md.update(factBytes);
                    mention.setLength(0);
                    attributes(m, mention);
                    mention.append('\n');
                    md.update(mention.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, String> digests = new HashMap<>();
        mentions.forEach((id, md) -> digests.put(id, java.util.HexFormat.of().formatHex(md.digest())));
        List<EntryPage> pages = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        if (registers != null) {
            List<XdmNode> entries = new ArrayList<>();
            registers.select(net.sf.saxon.s9api.streams.Steps.descendant()).forEach(e -> {
                if (e.getNodeKind() == XdmNodeKind.ELEMENT && TEI.equals(e.getNodeName().getNamespace())
                        && PAGE_ENTRY_ELEMENTS.contains(e.getNodeName().getLocalName())) {
                    String id = e.getAttributeValue(XML_ID);
                    if (id != null && org.jiaokan.publish.html.Stylesheets.isPageId(id)) entries.add(e);
                }
            });
            for (XdmNode e : entries) {
                String id = e.getAttributeValue(XML_ID);
                if (!seen.add(id)) return null;
                String local = e.getNodeName().getLocalName();
                String kind = local.equals("person") || local.equals("personGrp") ? "person" : local;
                StringBuilder sb = new StringBuilder();
                serialise(e, sb, false);
                pages.add(new EntryPage(id, kind + "/" + id + ".html", PublishManifest.key("entry", run, kind, sb.toString(),
                        String.valueOf(digests.get(id)))));
            }
        }
        for (String id : mentions.keySet()) {
            if (seen.contains(id)) continue;
            String kind = firstKind.get(id);
            pages.add(new EntryPage(id, kind + "/" + id + ".html", PublishManifest.key("entry", run, kind, "none", digests.get(id))));
        }
        return pages;
    }

    private static void attributes(XdmNode e, StringBuilder sb) {
        Map<String, String> sorted = new java.util.TreeMap<>();
        e.select(net.sf.saxon.s9api.streams.Steps.attribute()).forEach(a -> sorted.put(a.getNodeName().getClarkName(), a.getStringValue()));
        sorted.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
    }

    /** An element as text that tells any two different elements apart; without the list of mentions where asked. */
    private static void serialise(XdmNode e, StringBuilder sb, boolean withoutMentions) {
        sb.append('<').append(e.getNodeName().getClarkName());
        attributes(e, sb);
        sb.append('>');
        for (XdmNode c : e.children()) {
            switch (c.getNodeKind()) {
                case ELEMENT -> {
                    if (withoutMentions && c.getNodeName().getLocalName().equals("note")
                            && "mentions".equals(c.getAttributeValue(new QName("type")))) continue;
                    serialise(c, sb, withoutMentions);
                }
                case TEXT -> sb.append(c.getStringValue().replace("\\", "\\\\").replace("<", "\\<"));
                default -> { }
            }
        }
        sb.append("</>");
    }

    /** XPath's normalize-space: XML white space only. */
    private static String xmlSpace(String s) {
        return EDGE_SPACE.matcher(SPACES.matcher(s).replaceAll(" ")).replaceAll("");
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\r\\n]+");
    private static final java.util.regex.Pattern EDGE_SPACE = java.util.regex.Pattern.compile("^ | $");

    private static String sha(CharSequence s) {
        MessageDigest md = org.jiaokan.edition.CodeIdentity.sha256();
        return HexFormat.of().formatHex(md.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
