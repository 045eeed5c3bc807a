package org.jiaokan.edition;

import org.jiaokan.model.Block;
import org.jiaokan.model.Cert;
import org.jiaokan.model.DatedValue;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A recognised document in the build cache's own format, written and read component by component of the model's
 * records, in their declared order (Java's serialisation cost a millisecond or more a document and read back anything
 * its filter let through). Strings are their length and their UTF-16 code units as they are (a lone surrogate of a
 * damaged source included, which an encoding into UTF-8 would replace); a short string met before is the number of its
 * first place (the rules, reasons and kinds that every intervention and mention repeats); null is a length of -1.
 * Enumerations are written by name. Reading checks every length and count against what is left and refuses anything
 * that does not end exactly where the entry ends, or that the records' own constructors refuse: the entry is then
 * converted again, as every unreadable entry is.
 *
 * <p>The components each record is written with are listed in {@link #COMPONENTS}; a test compares them with the
 * records' declared components, so a component added to the model without being added here fails the build's tests
 * instead of being dropped from the cache.
 */
final class DocumentCodec {
    private DocumentCodec() {}

    /** The first bytes of a document written here. */
    private static final int MAGIC = 0x4a4b4431;
    /** Strings up to this length are remembered and written again as a reference. */
    private static final int SHARED = 64;

    /** Every record the codec writes, with its components in the order written. */
    static final Map<Class<? extends Record>, List<String>> COMPONENTS = Map.of(
            EditionDocument.class, List.of("id", "source", "meta", "blocks"),
            SourceDocument.class, List.of("fileName", "size", "sha256", "mediaType", "encoding", "encodingEvidence", "lines", "properties"),
            SourceLine.class, List.of("text", "hint", "detail", "anchors"),
            SourceLine.NoteAnchor.class, List.of("offset", "mark"),
            Metadata.class, List.of("title", "titleSupplied", "docType", "speaker", "author", "issuer", "place", "date", "published",
                    "publisher", "editor", "reporter", "keywords", "script", "lastEditedBy", "lastEdited", "docNumber", "signer",
                    "addressees", "originalSource", "pageUrl", "captured"),
            DatedValue.class, List.of("when", "text", "cert", "evidence"),
            Block.class, List.of("type", "text", "interventions", "mentions", "detail", "id"),
            Intervention.class, List.of("start", "end", "kind", "replacement", "reason", "cert", "rule"),
            Mention.class, List.of("start", "end", "type", "text", "key", "confidence", "code"));

    static byte[] bytes(EditionDocument d) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(8192);
        Out o = new Out(new DataOutputStream(b));
        o.data.writeInt(MAGIC);
        o.str(d.id());
        source(o, d.source());
        o.data.writeBoolean(d.meta() != null);
        if (d.meta() != null) meta(o, d.meta());
        o.data.writeInt(d.blocks().size());
        for (Block k : d.blocks()) block(o, k);
        o.data.flush();
        return b.toByteArray();
    }

    static EditionDocument document(byte[] bytes) throws IOException {
        In in = new In(org.jiaokan.io.CompactData.input(bytes));
        if (in.data.readInt() != MAGIC) throw new IOException("not a document entry");
        try {
            String id = in.str();
            SourceDocument source = in.data.readBoolean() ? source(in) : null;
            Metadata meta = in.data.readBoolean() ? meta(in) : null;
            int n = in.count();
            List<Block> blocks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) blocks.add(block(in));
            if (in.data.available() != 0) throw new IOException("not a document entry");
            return new EditionDocument(id, source, meta, blocks);
        } catch (RuntimeException e) {
            // what a record's constructor refused (a null where none may be, a span out of order)
            throw new IOException("not a document entry", e);
        }
    }

    private static void source(Out o, SourceDocument s) throws IOException {
        o.data.writeBoolean(s != null);
        if (s == null) return;
        o.str(s.fileName());
        o.data.writeLong(s.size());
        o.str(s.sha256());
        o.str(s.mediaType());
        o.str(s.encoding());
        o.str(s.encodingEvidence());
        o.data.writeInt(s.lines().size());
        for (SourceLine l : s.lines()) {
            o.str(l.text());
            o.name(l.hint());
            o.str(l.detail());
            o.data.writeInt(l.anchors().size());
            for (SourceLine.NoteAnchor a : l.anchors()) {
                o.data.writeInt(a.offset());
                o.str(a.mark());
            }
        }
        o.data.writeInt(s.properties().size());
        for (Map.Entry<String, String> e : s.properties().entrySet()) {
            o.str(e.getKey());
            o.str(e.getValue());
        }
    }

    private static SourceDocument source(In in) throws IOException {
        String fileName = in.str();
        long size = in.data.readLong();
        String sha = in.str();
        String mediaType = in.str();
        String encoding = in.str();
        String evidence = in.str();
        int n = in.count();
        List<SourceLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = in.str();
            Hint hint = in.name(Hint.class);
            String detail = in.str();
            int a = in.count();
            List<SourceLine.NoteAnchor> anchors = new ArrayList<>(a);
            for (int j = 0; j < a; j++) anchors.add(new SourceLine.NoteAnchor(in.data.readInt(), in.str()));
            lines.add(new SourceLine(text, hint, detail, anchors));
        }
        int p = in.count();
        Map<String, String> properties = new TreeMap<>();
        for (int i = 0; i < p; i++) properties.put(in.str(), in.str());
        return new SourceDocument(fileName, size, sha, mediaType, encoding, evidence, lines, properties);
    }

    private static void meta(Out o, Metadata m) throws IOException {
        o.str(m.title());
        o.data.writeBoolean(m.titleSupplied());
        o.str(m.docType());
        o.str(m.speaker());
        o.str(m.author());
        o.str(m.issuer());
        o.str(m.place());
        dated(o, m.date());
        dated(o, m.published());
        o.str(m.publisher());
        o.str(m.editor());
        o.str(m.reporter());
        o.strs(m.keywords());
        o.name(m.script());
        o.str(m.lastEditedBy());
        dated(o, m.lastEdited());
        o.str(m.docNumber());
        o.str(m.signer());
        o.strs(m.addressees());
        o.str(m.originalSource());
        o.str(m.pageUrl());
        dated(o, m.captured());
    }

    private static Metadata meta(In in) throws IOException {
        return new Metadata(in.str(), in.data.readBoolean(), in.str(), in.str(), in.str(), in.str(), in.str(), dated(in), dated(in),
                in.str(), in.str(), in.str(), in.strs(), in.name(Script.class), in.str(), dated(in), in.str(), in.str(), in.strs(),
                in.str(), in.str(), dated(in));
    }

    private static void dated(Out o, DatedValue v) throws IOException {
        o.data.writeBoolean(v != null);
        if (v == null) return;
        o.str(v.when());
        o.str(v.text());
        o.name(v.cert());
        o.str(v.evidence());
    }

    private static DatedValue dated(In in) throws IOException {
        return in.data.readBoolean() ? new DatedValue(in.str(), in.str(), in.name(Cert.class), in.str()) : null;
    }

    private static void block(Out o, Block k) throws IOException {
        o.name(k.type());
        o.str(k.text());
        o.data.writeInt(k.interventions().size());
        for (Intervention v : k.interventions()) {
            o.data.writeInt(v.start());
            o.data.writeInt(v.end());
            o.name(v.kind());
            o.str(v.replacement());
            o.str(v.reason());
            o.name(v.cert());
            o.str(v.rule());
        }
        o.data.writeInt(k.mentions().size());
        for (Mention m : k.mentions()) {
            o.data.writeInt(m.start());
            o.data.writeInt(m.end());
            o.name(m.type());
            o.str(m.text());
            o.str(m.key());
            o.data.writeDouble(m.confidence());
            o.str(m.code());
        }
        o.str(k.detail());
        o.str(k.id());
    }

    private static Block block(In in) throws IOException {
        Block.Type type = in.name(Block.Type.class);
        String text = in.str();
        int n = in.count();
        List<Intervention> interventions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            interventions.add(new Intervention(in.data.readInt(), in.data.readInt(), in.name(Intervention.Kind.class), in.str(), in.str(),
                    in.name(Cert.class), in.str()));
        }
        int m = in.count();
        List<Mention> mentions = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            mentions.add(new Mention(in.data.readInt(), in.data.readInt(), in.name(EntityType.class), in.str(), in.str(), in.data.readDouble(),
                    in.str()));
        }
        return new Block(type, text, interventions, mentions, in.str(), in.str());
    }

    /** The writing side: the stream and the short strings written so far, by their number. */
    private static final class Out {
        final DataOutputStream data;
        private final Map<String, Integer> seen = new HashMap<>();

        Out(DataOutputStream data) {
            this.data = data;
        }

        void str(String s) throws IOException {
            if (s == null) {
                data.writeInt(-1);
                return;
            }
            if (s.length() <= SHARED) {
                Integer at = seen.get(s);
                if (at != null) {
                    data.writeInt(-2 - at);
                    return;
                }
                seen.put(s, seen.size());
            }
            int n = s.length();
            if (buffer.length < 2 * n) buffer = new byte[Math.max(2 * n, 2 * buffer.length)];
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                buffer[2 * i] = (byte) (c >>> 8);
                buffer[2 * i + 1] = (byte) c;
            }
            data.writeInt(n);
            data.write(buffer, 0, 2 * n);
        }

        private byte[] buffer = new byte[256];

        void strs(List<String> list) throws IOException {
            data.writeBoolean(list != null);
            if (list == null) return;
            data.writeInt(list.size());
            for (String s : list) str(s);
        }

        void name(Enum<?> e) throws IOException {
            str(e == null ? null : e.name());
        }
    }

    /** The reading side: the stream and the short strings read so far, in the order the writer numbered them. */
    private static final class In {
        final DataInputStream data;
        private final List<String> seen = new ArrayList<>();

        In(DataInputStream data) {
            this.data = data;
        }

        /** A count, no larger than what is left (every counted item takes at least one byte). */
        int count() throws IOException {
            return org.jiaokan.io.CompactData.size(data);
        }

        String str() throws IOException {
            int n = data.readInt();
            if (n == -1) return null;
            if (n < -1) {
                int at = -2 - n;
                if (at >= seen.size()) throw new IOException("not a document entry");
                return seen.get(at);
            }
            if (n > data.available() / 2) throw new IOException("not a document entry");
            byte[] b = data.readNBytes(2 * n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char) ((b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff));
            String s = new String(chars);
            if (s.length() <= SHARED) seen.add(s);
            return s;
        }

        List<String> strs() throws IOException {
            if (!data.readBoolean()) return null;
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(str());
            return out;
        }

        <E extends Enum<E>> E name(Class<E> type) throws IOException {
            String s = str();
            if (s == null) return null;
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new IOException("not a document entry");
            }
        }
    }
}
