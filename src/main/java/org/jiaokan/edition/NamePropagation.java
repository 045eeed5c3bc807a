package org.jiaokan.edition;

import org.jiaokan.annotate.RelativeNames;
import org.jiaokan.annotate.ScriptAlignment;
import org.jiaokan.model.Block;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.RegularisedText;
import org.jiaokan.script.ScriptConverter;
import org.jiaokan.tei.RegisterIds;
import org.jiaokan.xml.Dom;
import org.jiaokan.tei.TeiWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The edition's registers as a dictionary: a name confirmed once is marked wherever it occurs.
 * Confirmed names are those an editor confirmed in the register file (an entry carrying the
 * editor's own {@code @resp}) and those the recogniser found with high confidence in this run.
 * Matching is done on the simplified form, so a name confirmed in one script is found in the other.
 */
final class NamePropagation {
    /** Confidence of a recognised mention that makes its name a dictionary entry for the edition. */
    static final double CONFIRMING_CONFIDENCE = 0.9;
    /** Confidence given to a mention found only through the dictionary. */
    static final double PROPAGATED_CONFIDENCE = 0.8;

    private record Entry(EntityType type, String key, String code, boolean confirmed) {}

    /** Simplified spelling → entry; longest spellings are tried first. */
    private static final Comparator<String> ORDER = Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder());
    private final Map<String, Entry> names = new TreeMap<>(ORDER);

    /** Adds the entries an editor confirmed in an existing register file. */
    void addConfirmed(Document registers) {
        addConfirmed(confirmed(registers));
    }

    /** A name an editor confirmed in the register file: its type, simplified spelling, key and code. */
    record Confirmed(EntityType type, String spelling, String key, String code) {}

    /** The names an editor confirmed in a register file (none for null), in the file's order. */
    static List<Confirmed> confirmed(Document registers) {
        List<Confirmed> out = new ArrayList<>();
        if (registers == null) return out;
        Map<String, EntityType> kinds = Map.of("person", EntityType.PERSON, "place", EntityType.PLACE, "org", EntityType.ORG);
        for (String kindName : List.of("person", "place", "org")) {
            EntityType kind = kinds.get(kindName);
            for (Element entry : Dom.descendants(registers.getDocumentElement(), kindName)) {
                String resp = entry.getAttribute("resp");
                if (resp.isEmpty() || TeiWriter.isOwnResp(resp)) continue;
                String id = Dom.xmlId(entry);
                String code = Dom.child(entry, "idno").map(Element::getTextContent).orElse("");
                String nameElement = kind.element();
                for (Element name : Dom.children(entry, nameElement)) {
                    String simplified = ScriptConverter.toSimplified(name.getTextContent().strip());
                    // 市公安局 names another body in every document: a confirmed 绵阳市公安局 does not claim it everywhere.
                    if (kind == EntityType.ORG && RelativeNames.dependsOnPlace(simplified)) continue;
                    out.add(new Confirmed(kind, simplified, keyOf(kind, id, simplified), code));
                }
            }
        }
        return out;
    }

    /** Adds the names an editor confirmed, as {@link #confirmed} gives them. */
    void addConfirmed(List<Confirmed> confirmed) {
        for (Confirmed c : confirmed) add(c.type(), c.spelling(), c.key(), c.code(), true);
    }

    /** Adds the names recognised with high confidence in these documents. */
    void addRecognised(List<EditionDocument> docs) {
        for (EditionDocument d : docs) addNames(names(d));
    }

    /** A name one document gives the dictionary: a mention recognised with high confidence. */
    record Name(EntityType type, String key, String code) implements java.io.Serializable {}

    /** The names a document gives the dictionary, in its order; kept per document, so the document itself need not be. */
    static List<Name> names(EditionDocument d) {
        List<Name> out = new ArrayList<>();
        for (Block b : d.blocks()) {
            for (Mention m : b.mentions()) {
                if (m.type().registered() && m.confidence() >= CONFIRMING_CONFIDENCE && m.key().length() >= 2) {
                    out.add(new Name(m.type(), m.key(), m.code()));
                }
            }
        }
        return out;
    }

    /** Adds one document's names (see {@link #names(EditionDocument)}); documents are added in the inputs' order. */
    void addNames(List<Name> found) {
        for (Name n : found) add(n.type(), n.key(), n.key(), n.code(), false);
    }

    /**
     * A digest of the whole dictionary: {@link #apply(EditionDocument)} depends on nothing else of the
     * other documents, so a document whose recognition and this digest are unchanged gets the same names.
     */
    String digest() {
        java.security.MessageDigest md = CodeIdentity.sha256();
        for (var e : names.entrySet()) {
            Entry v = e.getValue();
            for (String part : new String[]{e.getKey(), v.type().name(), v.key(), v.code(), Boolean.toString(v.confirmed())}) {
                md.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update((byte) 1);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /**
     * Two-character names are common inside ordinary words (a surname and a given name that also
     * spell a word), so only an editor's confirmation lets them be matched by spelling alone.
     */
    private void add(EntityType type, String spelling, String key, String code, boolean confirmed) {
        int length = spelling.codePointCount(0, spelling.length());
        if (length < 2 || (length < 3 && !confirmed)) return;
        names.merge(spelling, new Entry(type, key, code, confirmed), (old, neu) -> old.confirmed() ? old : neu);
        lookup = null;
    }

    /** The entry's key: the register id without its prefix, which is the simplified normal form. */
    private static String keyOf(EntityType type, String id, String fallback) {
        String prefix = RegisterIds.of(type, "");
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : fallback;
    }

    /** The document with dictionary names marked where the recogniser left them unmarked. */
    EditionDocument apply(EditionDocument doc) {
        if (names.isEmpty()) return doc;
        List<Block> out = new ArrayList<>(doc.blocks().size());
        for (Block b : doc.blocks()) out.add(apply(b));
        return doc.withBlocks(out);
    }

    /** The dictionary for look-ups by spelling, and its spellings as a trie; made on first use. */
    private volatile Lookup lookup;

    private record Lookup(Map<String, Entry> bySpelling, Spellings spellings) {}

    private Lookup lookup() {
        Lookup l = lookup;
        if (l == null) {
            l = new Lookup(new java.util.HashMap<>(names), new Spellings(names.keySet()));
            lookup = l;
        }
        return l;
    }

    /**
     * The dictionary's spellings as a trie of UTF-16 units: from each place of a text one walk finds every spelling
     * starting there, however many lengths the spellings have, and makes no string to look one up. The children are
     * in one open-addressed table keyed by the parent node and the unit.
     */
    static final class Spellings {
        private final java.util.BitSet firsts = new java.util.BitSet(1 << 16);
        private final ArrayList<String> ends = new ArrayList<>();
        private long[] keys;
        private int[] nodes;
        private int size;

        Spellings(java.util.Collection<String> spellings) {
            ends.add(null); // node 0 is the root
            int capacity = Integer.highestOneBit(Math.max(16, spellings.size() * 8)) * 2;
            keys = new long[capacity];
            nodes = new int[capacity];
            for (String s : spellings) {
                if (s.isEmpty()) continue;
                firsts.set(s.charAt(0));
                int node = 0;
                for (int i = 0; i < s.length(); i++) {
                    int next = child(node, s.charAt(i));
                    if (next == 0) next = add(node, s.charAt(i));
                    node = next;
                }
                ends.set(node, s);
            }
        }

        private static long key(int node, char c) {
            return ((long) node << 16 | c) + 1; // 0 marks a free slot
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (keys.length - 1);
        }

        private int child(int node, char c) {
            long k = key(node, c);
            for (int i = slot(k); ; i = (i + 1) & (keys.length - 1)) {
                if (keys[i] == k) return nodes[i];
                if (keys[i] == 0) return 0;
            }
        }

        private int add(int node, char c) {
            if ((size + 1) * 2 > keys.length) grow();
            int made = ends.size();
            ends.add(null);
            put(key(node, c), made);
            size++;
            return made;
        }

        private void put(long k, int node) {
            int i = slot(k);
            while (keys[i] != 0) i = (i + 1) & (keys.length - 1);
            keys[i] = k;
            nodes[i] = node;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldNodes = nodes;
            keys = new long[oldKeys.length * 2];
            nodes = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) put(oldKeys[i], oldNodes[i]);
        }

        /** Adds to {@code hits} every spelling that starts at {@code text[at]}, with {@code at}. */
        void startingAt(String text, int at, List<Map.Entry<String, Integer>> hits) {
            if (!firsts.get(text.charAt(at))) return;
            int node = 0;
            for (int j = at; j < text.length(); j++) {
                node = child(node, text.charAt(j));
                if (node == 0) return;
                String end = ends.get(node);
                if (end != null) hits.add(Map.entry(end, at));
            }
        }
    }

    /**
     * Where dictionary spellings occur in {@code simplified}, in the dictionary's order (longest spelling
     * first, then alphabetical) and by position within a spelling: one walk of the spellings' trie from each
     * place of the text instead of one search per dictionary entry, so the work does not grow with the edition.
     */
    private List<Map.Entry<String, Integer>> occurrences(String simplified) {
        Spellings spellings = lookup().spellings();
        List<Map.Entry<String, Integer>> hits = new ArrayList<>();
        for (int at = 0; at < simplified.length(); at++) spellings.startingAt(simplified, at, hits);
        hits.sort(Map.Entry.<String, Integer>comparingByKey(ORDER).thenComparing(Map.Entry.comparingByValue()));
        return hits;
    }

    private Block apply(Block b) {
        if (b.type() == Block.Type.FW || b.type() == Block.Type.NOISE) return b;
        RegularisedText reg = RegularisedText.of(b.text(), b.interventions());
        ScriptAlignment view = ScriptAlignment.of(reg.text());
        String simplified = view.simplified();
        List<Mention> mentions = new ArrayList<>(b.mentions());
        boolean added = false;
        Map<String, Entry> bySpelling = lookup().bySpelling();
        for (var hit : occurrences(simplified)) {
            String name = hit.getKey();
            int at = hit.getValue();
            Optional<int[]> span = reg.sourceSpan(view.originalStart(at), view.originalEnd(at + name.length()));
            if (span.isEmpty()) continue;
            int s = span.get()[0];
            int end = span.get()[1];
            if (mentions.stream().anyMatch(m -> m.start() < end && s < m.end())) continue;
            Entry entry = bySpelling.get(name);
            mentions.add(new Mention(s, end, entry.type(), b.text().substring(s, end), entry.key(), PROPAGATED_CONFIDENCE, entry.code()));
            added = true;
        }
        if (!added) return b;
        mentions.sort(Comparator.comparingInt(Mention::start));
        return b.withMentions(mentions);
    }
}
