package org.jiaokan.publish.search;

import org.jiaokan.io.CompactData;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An index written before, read back to be updated in place ({@link SearchIndexBuilder.InOrder}): its state
 * (per place the key it was made for, the number of blocks and the facts of the document there), the postings of
 * its grams and its blocks' texts, read from its generation's shards.
 *
 * <p>Blocks are numbered across the edition, and each gram's postings give a block as the difference from the
 * one before it. When documents change, {@link #merge} takes their old blocks out of every gram's postings,
 * renumbers the blocks after them by what their new blocks add or remove, and puts in their new postings. The
 * postings before the first change are kept as they were, and so is everything after the first posting past the
 * last change; those between are written again.
 */
final class PreviousIndex {
    private static final int MAGIC = 0x4a4b5349;

    private final String[] keys;
    private final int[] counts;
    private final int[] starts;
    private final SearchDocument[] facts;
    /** The postings shards, by number: each gram's key and where its postings are in the shard's bytes, in key order. */
    private final Postings[] shards;
    private final Texts texts;

    private PreviousIndex(String[] keys, int[] counts, int[] starts, SearchDocument[] facts, Postings[] shards, Texts texts) {
        this.keys = keys;
        this.counts = counts;
        this.starts = starts;
        this.facts = facts;
        this.shards = shards;
        this.texts = texts;
    }

    /** The state of an index: its generation, and per place its key, its number of blocks (-1: not indexed) and facts. */
    static byte[] state(String generation, String[] keys, int[] counts, SearchDocument[] facts) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                o.writeInt(MAGIC);
                CompactData.write(o, generation);
                o.writeInt(keys.length);
                for (int i = 0; i < keys.length; i++) {
                    CompactData.write(o, keys[i] == null ? "" : keys[i]);
                    o.writeInt(counts[i]);
                    if (counts[i] < 0) continue;
                    SearchDocument d = facts[i];
                    for (String s : List.of(d.docid(), d.title(), d.date(), d.year(), d.genre(), d.genreLabel(), d.script())) CompactData.write(o, s);
                    o.writeInt(d.entities().size());
                    for (SearchDocument.Entity e : d.entities()) {
                        CompactData.write(o, e.type());
                        CompactData.write(o, e.key());
                        CompactData.write(o, e.label());
                    }
                }
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index in {@code searchDir} described by {@code state}, to be updated for places having {@code keys}; null
     * when its state or shards cannot be read whole, when the number of places differs, or when more than a quarter
     * of them changed (building from every document is then as quick).
     */
    static PreviousIndex read(Path searchDir, byte[] state, List<String> keys) {
        try {
            DataInputStream in = org.jiaokan.io.CompactData.input(state);
            if (in.readInt() != MAGIC) return null;
            String generation = CompactData.string(in);
            int n = in.readInt();
            if (n != keys.size() || !generation.matches("g-[0-9a-f]{16}")) return null;
            String[] oldKeys = new String[n];
            int[] counts = new int[n], starts = new int[n];
            SearchDocument[] facts = new SearchDocument[n];
            int blocks = 0, changed = 0;
            for (int i = 0; i < n; i++) {
                oldKeys[i] = CompactData.string(in);
                counts[i] = in.readInt();
                starts[i] = blocks;
                if (oldKeys[i].isEmpty() || !oldKeys[i].equals(keys.get(i))) changed++;
                if (counts[i] < 0) continue;
                blocks += counts[i];
                facts[i] = facts(in);
            }
            if (in.available() != 0 || changed * 4 > n) return null;
            Path gen = searchDir.resolve(generation);
            if (!Files.isDirectory(gen)) return null;
            Texts texts = texts(gen, blocks);
            Postings[] shards = texts == null ? null : shards(gen);
            return shards == null ? null : new PreviousIndex(oldKeys, counts, starts, facts, shards, texts);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A document's facts as {@link #state} writes them. */
    private static SearchDocument facts(DataInputStream in) throws IOException {
        String docid = CompactData.string(in), title = CompactData.string(in), date = CompactData.string(in), year = CompactData.string(in),
                genre = CompactData.string(in), genreLabel = CompactData.string(in), script = CompactData.string(in);
        int m = CompactData.size(in);
        List<SearchDocument.Entity> entities = new ArrayList<>(m);
        for (int j = 0; j < m; j++) entities.add(new SearchDocument.Entity(CompactData.string(in), CompactData.string(in), CompactData.string(in)));
        return new SearchDocument(docid, title, date, year, genre, genreLabel, script, List.copyOf(entities), List.of());
    }

    /** Whether the document at this place is the one the index was made with, and was indexed. */
    boolean kept(int place, String key) {
        return key != null && !key.isEmpty() && key.equals(keys[place]) && counts[place] >= 0;
    }

    int count(int place) {
        return counts[place];
    }

    int start(int place) {
        return starts[place];
    }

    SearchDocument facts(int place) {
        return facts[place];
    }

    /** Adds the text of an old block to the index being built, as its block {@code now}. */
    void text(int block, SearchIndexBuilder b, int now) {
        b.addText(now, texts.files[texts.file[block]], texts.from[block], texts.to[block]);
    }

    /** The first place at or after {@code from} where {@code b} holds {@code x}, or -1. */
    static int indexOf(byte[] b, byte x, int from) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == x) return i;
        }
        return -1;
    }

    /** The blocks' texts in the bytes of their shards: per block its shard, and where it starts and ends. */
    private record Texts(byte[][] files, int[] file, int[] from, int[] to) {}

    /** The blocks' texts ({@code t-N.js}: {@code [anchor, text]} or with a window map), by block; null unless there are exactly {@code blocks}. */
    private static Texts texts(Path gen, int blocks) throws IOException {
        List<byte[]> files = new ArrayList<>();
        int[] file = new int[blocks], from = new int[blocks], to = new int[blocks];
        byte[] end = SearchIndexBuilder.TEXT_END.getBytes(StandardCharsets.US_ASCII);
        // The shards t-0.js, t-1.js … up to the first missing, read on every core.
        List<java.util.concurrent.Callable<byte[]>> reads = new ArrayList<>();
        for (int k = 0; ; k++) {
            Path f = gen.resolve("t-" + k + ".js");
            if (!Files.isRegularFile(f)) break;
            reads.add(() -> Files.readAllBytes(f));
        }
        List<byte[]> read = org.jiaokan.edition.Ordered.all(org.jiaokan.edition.Ordered.threads(), reads);
        int block = 0;
        for (int k = 0; k < read.size(); k++) {
            byte[] s = read.get(k);
            byte[] head = ("\uFEFFJiaokanSearch.add(\"t\"," + k + "," + block + ",[").getBytes(StandardCharsets.UTF_8);
            if (s.length < head.length + end.length || !java.util.Arrays.equals(s, 0, head.length, head, 0, head.length)
                    || !java.util.Arrays.equals(s, s.length - end.length, s.length, end, 0, end.length)) return null;
            files.add(s);
            // A text is one line (ScriptStrings.quote escapes line breaks): the blocks are separated by ",\n". No byte
            // of a character written in several bytes of UTF-8 is a line break: the line breaks are found in the bytes
            // themselves (not in a copy of them as a string: the index there is read whole on every update, and its
            // copies were as large as it).
            int p = head.length, stop = s.length - end.length;
            while (true) {
                if (block == blocks) return null;
                int start = p;
                p = indexOf(s, (byte) '\n', p);
                if (p < 0 || p > stop) p = stop;
                int close = p < stop ? p - 1 : p; // the text ends before the separator's comma
                if (p < stop && s[close] != ',') return null;
                file[block] = files.size() - 1;
                from[block] = start;
                to[block++] = close;
                if (p >= stop) break;
                p++;
            }
        }
        return block == blocks ? new Texts(files.toArray(new byte[0][]), file, from, to) : null;
    }

    /**
     * The postings shards ({@code s-00.js} …, a power of two of them), each read into its grams' keys and the places
     * of their postings in its bytes; null when one cannot be read whole, or its grams are not in order.
     */
    private static Postings[] shards(Path gen) throws IOException {
        List<Path> files;
        try (var s = Files.list(gen)) {
            files = s.filter(p -> p.getFileName().toString().matches("s-[0-9a-f]+\\.js")).sorted().toList();
        }
        int n = files.size();
        if (n == 0 || Integer.bitCount(n) != 1) return null;
        for (int i = 0; i < n; i++) {
            if (!files.get(i).getFileName().toString().equals(String.format("s-%02x.js", i))) return null;
        }
        // Read and parsed on every core.
        List<java.util.concurrent.Callable<Postings>> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            jobs.add(() -> new Shard(Files.readAllBytes(files.get(k))).read(k, n));
        }
        Postings[] shards = org.jiaokan.edition.Ordered.all(org.jiaokan.edition.Ordered.threads(), jobs).toArray(new Postings[0]);
        for (Postings p : shards) if (p == null) return null;
        return shards;
    }

    /** One shard's grams: keys in increasing order, and their postings as bytes {@code from[j]} to {@code to[j]} of {@code bytes}. */
    record Postings(byte[] bytes, long[] keys, int[] from, int[] to, int size) {}

    /** A reader of one postings shard: {@code BOM JiaokanSearch.add("s",N,{ "c":{"d":"postings",…},… });}. */
    private static final class Shard {
        private static final byte[] CLOSE = bytes("});\n");
        private static final byte[] COMMA = bytes(",");
        private static final byte[] END = bytes("}");
        private static final byte[] FIRST = bytes("\n");
        private static final byte[] GRAMS = bytes(":{");
        private static final byte[] HEAD = bytes("\uFEFFJiaokanSearch.add(\"s\",");
        private static final byte[] NEXT = bytes(",\n");
        private static final byte[] OPEN = bytes(",{");
        private static final byte[] POSTINGS = bytes(":\"");
        private final byte[] b;
        private int p;

        Shard(byte[] b) {
            this.b = b;
        }

        /** The grams of shard {@code number} of {@code shards}, or null when it is not as written or holds a gram of another shard. */
        Postings read(int number, int shards) {
            long[] keys = new long[1024];
            int[] from = new int[1024], to = new int[1024];
            int n = 0;
            try {
                if (!skip(HEAD)) return null;
                int q = p;
                while (p < b.length && b[p] >= '0' && b[p] <= '9') p++;
                if (p == q || Integer.parseInt(new String(b, q, p - q, StandardCharsets.US_ASCII)) != number) return null;
                if (!skip(OPEN)) return null;
                boolean first = true;
                long last = -1;
                while (!skip(CLOSE)) {
                    if (!skip(first ? FIRST : NEXT)) return null;
                    first = false;
                    int c1 = key();
                    if (c1 <= 0 || c1 % shards != number || !skip(GRAMS)) return null;
                    do {
                        int c2 = key();
                        if (c2 < 0 || !skip(POSTINGS)) return null;
                        int start = p;
                        // no byte of a character written in several bytes of UTF-8 is a quotation mark
                        p = indexOf(b, (byte) '"', p);
                        if (p < 0) return null;
                        long k = ((long) c1 << 21) | c2;
                        if (p == start || k <= last) return null;
                        last = k;
                        if (n == keys.length) {
                            keys = java.util.Arrays.copyOf(keys, n * 2);
                            from = java.util.Arrays.copyOf(from, n * 2);
                            to = java.util.Arrays.copyOf(to, n * 2);
                        }
                        keys[n] = k;
                        from[n] = start;
                        to[n++] = p;
                        p++;
                    } while (skip(COMMA));
                    if (!skip(END)) return null;
                }
                return p == b.length ? new Postings(b, keys, from, to, n) : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private boolean skip(byte[] x) {
            if (p + x.length > b.length) return false;
            for (int i = 0; i < x.length; i++) if (b[p + i] != x[i]) return false;
            p += x.length;
            return true;
        }

        /** A JSON string of at most one character (as {@code ScriptStrings.quote} writes it): its code point, 0 when empty, -1 when not such a string. */
        private int key() {
            if (b[p] != '"') return -1;
            p++;
            if (b[p] == '"') {
                p++;
                return 0;
            }
            int c;
            if (b[p] == '\\') {
                c = escape();
                if (Character.isHighSurrogate((char) c) && b[p] == '\\' && b[p + 1] == 'u') {
                    int save = p;
                    int low = escape();
                    if (Character.isLowSurrogate((char) low)) c = Character.toCodePoint((char) c, (char) low);
                    else p = save;
                }
            } else {
                int x = b[p] & 0xFF;
                int len = x < 0x80 ? 1 : x < 0xE0 ? 2 : x < 0xF0 ? 3 : 4;
                c = new String(b, p, len, StandardCharsets.UTF_8).codePointAt(0);
                p += len;
            }
            if (b[p] != '"') return -1;
            p++;
            return c;
        }

        private int escape() {
            p++;
            char e = (char) b[p++];
            return switch (e) {
                case '"' -> '"';
                case '\\' -> '\\';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> {
                    int v = Integer.parseInt(new String(b, p, 4, StandardCharsets.US_ASCII), 16);
                    p += 4;
                    yield v;
                }
                default -> throw new IllegalArgumentException("escape \\" + e);
            };
        }
    }

    /**
     * The postings of the updated index, shard by shard as the index there has them: its grams' postings with the
     * old blocks of the changed documents taken out and the later blocks renumbered, and {@code fresh} (the changed
     * documents' grams, posted under their new block numbers) put in. {@code changes}: per changed place in order,
     * {old first block, old end, new first block, new end}. Each shard is read in key order and written as it
     * is read; no gram outlives its turn.
     */
    Postings[] merge(SearchIndexBuilder.GramTable fresh, List<int[]> changes) {
        int k = changes.size();
        int[] os = new int[k], oe = new int[k], ns = new int[k], ne = new int[k];
        for (int i = 0; i < k; i++) {
            int[] c = changes.get(i);
            os[i] = c[0];
            oe[i] = c[1];
            ns[i] = c[2];
            ne[i] = c[3];
        }
        int count = shards.length;
        // The fresh grams of each shard, in key order.
        int[] sizes = new int[count];
        fresh.forEach(g -> sizes[(int) (g.key >>> 21) % count]++);
        SearchIndexBuilder.Gram[][] freshByShard = new SearchIndexBuilder.Gram[count][];
        for (int i = 0; i < count; i++) freshByShard[i] = new SearchIndexBuilder.Gram[sizes[i]];
        int[] filled = new int[count];
        fresh.forEach(g -> {
            int i = (int) (g.key >>> 21) % count;
            freshByShard[i][filled[i]++] = g;
        });
        Postings[] out = new Postings[count];
        SearchIndexBuilder.Bytes buffer = new SearchIndexBuilder.Bytes();
        for (int i = 0; i < count; i++) {
            SearchIndexBuilder.Gram[] f = freshByShard[i];
            java.util.Arrays.sort(f, java.util.Comparator.comparingLong(g -> g.key));
            Postings old = shards[i];
            int m = old.size() + f.length;
            long[] keys = new long[m];
            int[] from = new int[m], to = new int[m];
            buffer.clear();
            int n = 0, a = 0, c = 0;
            while (a < old.size() || c < f.length) {
                long ka = a < old.size() ? old.keys()[a] : Long.MAX_VALUE, kc = c < f.length ? f[c].key : Long.MAX_VALUE;
                SearchIndexBuilder.Gram g;
                if (ka < kc) {
                    g = SearchIndexBuilder.Gram.slice(ka, old.bytes(), old.from()[a], old.to()[a]);
                    if (k > 0) g = merge(g, null, os, oe, ns, ne);
                    a++;
                } else if (kc < ka) {
                    g = f[c++];
                } else {
                    g = merge(SearchIndexBuilder.Gram.slice(ka, old.bytes(), old.from()[a], old.to()[a]), f[c], os, oe, ns, ne);
                    a++;
                    c++;
                }
                if (g.size() == 0) continue;
                keys[n] = g.key;
                from[n] = buffer.size();
                g.writeTo(buffer);
                to[n++] = buffer.size();
            }
            out[i] = new Postings(buffer.copy(), keys, from, to, n);
            shards[i] = null; // let go of the old shard as soon as it is merged
        }
        return out;
    }

    /**
     * One gram's postings updated (see {@link #merge(SearchIndexBuilder.GramTable, List)}); {@code g} itself when they
     * are unchanged. {@code g}'s postings are a slice of a shard ({@link SearchIndexBuilder.Gram#slice}); those before
     * the first change and after the first posting past the last one stay slices of it.
     */
    static SearchIndexBuilder.Gram merge(SearchIndexBuilder.Gram g, SearchIndexBuilder.Gram fresh, int[] os, int[] oe, int[] ns, int[] ne) {
        byte[] b = g.head;
        int base = g.headFrom, len = g.headTo - g.headFrom, changes = os.length;
        // The postings before the first change stay as they are.
        int p = 0, block = 0, last = -1;
        while (p < len) {
            int q = p, delta = 0;
            while (b[base + q] != ':') delta = delta * 36 + Character.digit(b[base + q++], 36);
            if (block + delta >= os[0]) break;
            block += delta;
            last = block;
            while (q < len && b[base + q] != ';') q++;
            p = q + 1;
        }
        // The fresh postings: block number, and where their positions are.
        int[] fb = new int[8], ff = new int[8], ft = new int[8];
        int fn = 0;
        if (fresh != null) {
            byte[] f = fresh.postings;
            int q = 0, fblock = 0;
            while (q < fresh.length) {
                int delta = 0;
                while (f[q] != ':') delta = delta * 36 + Character.digit(f[q++], 36);
                fblock += delta;
                int from = ++q;
                while (q < fresh.length && f[q] != ';') q++;
                if (fn == fb.length) {
                    fb = java.util.Arrays.copyOf(fb, fn * 2);
                    ff = java.util.Arrays.copyOf(ff, fn * 2);
                    ft = java.util.Arrays.copyOf(ft, fn * 2);
                }
                fb[fn] = fblock;
                ff[fn] = from;
                ft[fn++] = q;
                q++;
            }
        }
        if (p >= len && fn == 0) return g;
        SearchIndexBuilder.Gram out = new SearchIndexBuilder.Gram(g.key, new byte[16], 0);
        if (p > 0) {
            out.head = b;
            out.headFrom = base;
            out.headTo = base + Math.min(p, len + 1) - 1;
        }
        int c = 0, fi = 0;
        while (p < len) {
            int q = p, delta = 0;
            while (b[base + q] != ':') delta = delta * 36 + Character.digit(b[base + q++], 36);
            block += delta;
            int from = q + 1, to = from;
            while (to < len && b[base + to] != ';') to++;
            p = to + 1;
            while (c < changes && block >= oe[c]) c++;
            if (c < changes && block >= os[c]) continue; // a changed document's old block
            int now = block + (c == 0 ? 0 : ne[c - 1] - oe[c - 1]);
            for (; fi < fn && fb[fi] < now; fi++) last = entry(out, last, fb[fi], fresh.postings, ff[fi], ft[fi]);
            last = entry(out, last, now, b, base + from, base + to);
            if (c == changes) {
                // Past every change: the later differences are as they were.
                if (to < len) {
                    out.tail = b;
                    out.tailFrom = base + to;
                    out.tailTo = base + len;
                }
                p = len;
            }
        }
        for (; fi < fn; fi++) last = entry(out, last, fb[fi], fresh.postings, ff[fi], ft[fi]);
        return out;
    }

    /** Appends one posting ({@code delta:positions}) after the one of block {@code last} (-1: none). */
    private static int entry(SearchIndexBuilder.Gram out, int last, int block, byte[] src, int from, int to) {
        if (last >= 0) out.append(';');
        out.base36(block - Math.max(0, last));
        out.append(':');
        out.append(src, from, to);
        return block;
    }
}
