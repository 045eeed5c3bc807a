package org.jiaokan.publish.search;

import org.jiaokan.publish.ScriptStrings;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Builds the edition's static full-text index into {@code OUT/search/}, read by {@code assets/search.js}.
 *
 * <p>Every searchable block of every document (see {@link SearchDocument}) is folded ({@link Folding}) and its
 * character bigrams are posted with their positions; the last character of a run is posted with an empty second
 * character, so that every character of the text has exactly one posting and single-character queries need no
 * index of their own. A query of n characters is then verified as n contiguous characters from the positions
 * alone. A replaced form ({@code orig}, {@code sic}) is indexed in a window of its context placed after the
 * block's text, with a map back to the positions it stands for.
 *
 * <p>Files, each a plain script calling {@code JiaokanSearch.add(…)} so that they load from {@code file://}:
 * <ul>
 * <li>{@code index.js}: documents (docid, title, date, year, genre, script, first block number, entities),
 *   genres, entities (type, key, label), the number of postings shards, the first block of each text shard,
 *   and the traditional→simplified table for the characters of the corpus;</li>
 * <li>{@code s-XX.js} (XX hexadecimal, shard = first character's code point modulo the shard count):
 *   {first character: {second character or "": postings}}, postings {@code delta:pos,delta…;delta:pos…} in
 *   base 36, block numbers and positions delta-coded;</li>
 * <li>{@code t-N.js}: the blocks' texts ({@code [anchor, text]} or {@code [anchor, text, windowMap]}) from a first
 *   block number on, loaded only for the results shown.</li>
 * </ul>
 * Documents are read one at a time on a small pool and added in input order, so the output is deterministic and
 * memory holds the index, never the DOMs of the edition.
 */
public final class SearchIndexBuilder {
    /** Characters of context kept on each side of a replaced form in its window. */
    static final int WINDOW = 12;
    /** A text shard is closed after the block that takes it over this many bytes (of UTF-8). */
    private static final int TEXT_SHARD_BYTES = 360_000;
    private static final int POSTINGS_SHARD_BYTES = 160_000;
    private static final String BOM = "\uFEFF";
    private static final String BOM_BYTES = new String(BOM.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    /** Between two blocks' texts in a text shard (a text is one line: {@link ScriptStrings#quote} escapes line breaks). */
    static final String TEXT_SEPARATOR = ",\n";
    static final String TEXT_END = "]);\n";

    private final Path dir;
    /** Where the shards of the index being built go (see {@link #switchGeneration}). */
    private final Path next;
    private GramTable grams = new GramTable();
    /** The postings of an index updated in place, by shard (see {@link PreviousIndex#merge}), or null. */
    private PreviousIndex.Postings[] merged;
    /** The folded characters of the documents' titles, by code point (those of the texts are the grams' first characters). */
    private final java.util.BitSet titleChars = new java.util.BitSet();
    private final List<SearchDocument> docsMeta = new ArrayList<>();
    private final List<Integer> firstBlocks = new ArrayList<>();
    private final Map<String, Integer> genres = new LinkedHashMap<>();
    /** The entities' numbers, by type and key. */
    private final Map<String, Map<String, Integer>> entities = new HashMap<>();
    private final List<SearchDocument.Entity> entityList = new ArrayList<>();
    private final List<int[]> docEntities = new ArrayList<>();
    private final List<Integer> textShardStarts = new ArrayList<>();
    /** The text shard being filled, as UTF-8. */
    private final Bytes textShard = new Bytes();
    private int textShardFirst = 0;
    private int blocks = 0;
    private long bytes = 0;
    /** The SHA-256 of each shard written, by name. */
    private final Map<String, byte[]> shardDigests = new TreeMap<>();
    /** The generation written ({@code g-…}), once {@link #finish} is done. */
    private String generationName;
    /** The removal of the generations the new one replaced, on a thread of its own (see {@link #switchGeneration}), or null. */
    private Thread cleaning;
    private volatile IOException cleaningFailure;
    /** The text shards being written on a thread of their own while the documents are added (see {@link #flushTexts}). */
    private ExecutorService textWriter;
    private final List<Future<Object>> textWrites = new ArrayList<>();

    /**
     * One gram's postings, as ASCII bytes (base-36 digits and separators), with its key and the last block posted.
     * The key, the counts and the bytes are reached from the table's one reference: appending to a million grams in
     * turn is bound by the memory reads each append needs.
     */
    static final class Gram {
        final long key;
        /** The postings appended here, from 0. */
        byte[] postings;
        int length;
        int lastBlock;
        /**
         * Postings of an index read before that come before ({@code head}) and after ({@code tail}) those appended
         * here, as slices of its shards' bytes, or null: an index updated in place copies them once, as it writes.
         */
        byte[] head, tail;
        int headFrom, headTo, tailFrom, tailTo;

        Gram(long key) {
            this(key, new byte[8], 0);
        }

        Gram(long key, byte[] postings, int length) {
            this.key = key;
            this.postings = postings;
            this.length = length;
        }

        /** A gram whose postings are bytes {@code from} to {@code to} of {@code shard}. */
        static Gram slice(long key, byte[] shard, int from, int to) {
            Gram g = new Gram(key, NONE, 0);
            g.head = shard;
            g.headFrom = from;
            g.headTo = to;
            return g;
        }

        private static final byte[] NONE = new byte[0];

        /** The length of its postings. */
        int size() {
            return (head == null ? 0 : headTo - headFrom) + length + (tail == null ? 0 : tailTo - tailFrom);
        }

        void writeTo(Bytes out) {
            if (head != null) out.raw(head, headFrom, headTo - headFrom);
            out.raw(postings, 0, length);
            if (tail != null) out.raw(tail, tailFrom, tailTo - tailFrom);
        }

        void append(char c) {
            if (length == postings.length) postings = java.util.Arrays.copyOf(postings, postings.length * 2);
            postings[length++] = (byte) c;
        }

        void append(byte[] b, int from, int to) {
            int n = to - from;
            if (length + n > postings.length) postings = java.util.Arrays.copyOf(postings, Math.max(postings.length * 2, length + n));
            System.arraycopy(b, from, postings, length, n);
            length += n;
        }

        /** Appends a non-negative number in base 36 (as Integer.toString(n, 36)). */
        void base36(int n) {
            if (n < 36) {
                append(DIGITS36[n]);
                return;
            }
            int digits = 0;
            for (int m = n; m > 0; m /= 36) digits++;
            if (length + digits > postings.length) postings = java.util.Arrays.copyOf(postings, Math.max(postings.length * 2, length + digits));
            for (int i = length + digits - 1; i >= length; i--) {
                postings[i] = (byte) DIGITS36[n % 36];
                n /= 36;
            }
            length += digits;
        }

    }

    /**
     * The grams of the index by key (first character shifted left 21 bits, or the second): open addressing with
     * the keys' bits mixed. A {@code HashMap<Long, …>} puts these keys, whose high and low halves
     * {@link Long#hashCode} folds onto each other, into few buckets, and spent most of an index's time
     * searching the trees of its crowded buckets.
     */
    static final class GramTable {
        private Gram[] slots = new Gram[1 << 16];
        private int size;

        /** The gram of this key, made when there is none. */
        Gram get(long key) {
            int mask = slots.length - 1;
            int i = (int) mix(key) & mask;
            while (true) {
                Gram g = slots[i];
                if (g == null) break;
                if (g.key == key) return g;
                i = (i + 1) & mask;
            }
            Gram g = new Gram(key);
            slots[i] = g;
            if (++size * 2 > slots.length) grow();
            return g;
        }

        /** The gram of this key, or null. */
        Gram find(long key) {
            int mask = slots.length - 1;
            int i = (int) mix(key) & mask;
            while (true) {
                Gram g = slots[i];
                if (g == null) return null;
                if (g.key == key) return g;
                i = (i + 1) & mask;
            }
        }

        /** Adds a gram whose key the table does not hold. */
        void put(Gram g) {
            int mask = slots.length - 1;
            int i = (int) mix(g.key) & mask;
            while (slots[i] != null) i = (i + 1) & mask;
            slots[i] = g;
            if (++size * 2 > slots.length) grow();
        }

        int size() {
            return size;
        }

        /** Calls {@code f} for every gram, in no particular order. */
        void forEach(java.util.function.Consumer<Gram> f) {
            for (Gram g : slots) if (g != null) f.accept(g);
        }

        private void grow() {
            Gram[] old = slots;
            slots = new Gram[old.length * 2];
            int mask = slots.length - 1;
            for (Gram g : old) {
                if (g == null) continue;
                int i = (int) mix(g.key) & mask;
                while (slots[i] != null) i = (i + 1) & mask;
                slots[i] = g;
            }
        }

        /** MurmurHash3's finaliser: every bit of the key moves every bit of the result. */
        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }

    /** What a build produced. */
    public record Stats(int documents, int blocks, int grams, int shards, int textShards, long bytes, List<String> errors) {}

    private SearchIndexBuilder(Path siteDir) {
        this.dir = siteDir.resolve("search");
        this.next = dir.resolve(".next");
    }

    /**
     * Indexes the TEI files (files that are not TEI documents with a text, such as registers or corpus files
     * without text, are passed over; files that do not parse are reported in {@link Stats#errors()}).
     */
    public static Stats build(List<Path> teiFiles, Path siteDir, int threads) throws IOException {
        SearchIndexBuilder b = new SearchIndexBuilder(siteDir);
        Files.createDirectories(b.dir);
        // What a killed run left half written; the index the site uses is untouched by it.
        b.removeLeftovers();
        List<String> errors = new ArrayList<>();
        try {
            readInOrder(teiFiles, Math.max(1, threads), b::add, errors);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Stats s = b.finish(errors);
        b.awaitCleaned();
        return s;
    }

    /**
     * Removes what a killed run left: a half-written generation ({@code .next}) and generations replaced but not yet
     * removed ({@code .old-g-…}); the index the site uses is untouched by either.
     */
    private void removeLeftovers() throws IOException {
        removeTree(next);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".old-*")) {
            for (Path p : s) removeTree(p);
        }
        Files.createDirectories(next);
    }

    /**
     * Waits until the generations the new one replaced are removed (they are out of the index's way from the switch on:
     * a run waits for them before it ends, and a publication before another format walks the output folder).
     */
    void awaitCleaned() throws IOException {
        Thread t = cleaning;
        if (t == null) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while removing the search index's old generation", e);
        }
        cleaning = null;
        if (cleaningFailure != null) throw cleaningFailure;
    }

    /** The files of the index written (relative to {@code search/}): {@code index.js} and its generation's shards. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        out.add("index.js");
        for (String f : shardDigests.keySet()) out.add(generationName + "/" + f);
        return out;
    }

    /**
     * Called after each step of the switch to a new index ({@code "written"}: the new generation is complete
     * beside the old one; {@code "switched"}: {@code index.js} names it; {@code "cleaned"}: the old one is
     * gone). A test makes it throw to stop a build between two steps, as a kill there would.
     */
    static volatile Consumer<String> stepHook = step -> {};

    /**
     * The new generation: the shards are complete in {@code search/.next/} first, that folder is renamed to
     * {@code search/g-HASH/} (HASH: of the shards' names and bytes, so the same index has the same name), then
     * {@code index.js}, which names its generation, is replaced by one rename. A run killed at any point
     * leaves an {@code index.js} whose shards are all there: the old set or the new. The old generations are then
     * renamed out of the way ({@code .old-g-…}) and removed on a thread of their own while the run goes on (see
     * {@link #awaitCleaned}; what a killed run left is removed by the next).
     */
    private void switchGeneration(String index) throws IOException {
        String gen = generation();
        generationName = gen;
        Path target = dir.resolve(gen);
        if (Files.isDirectory(target) && sameFiles(target, next)) {
            removeTree(next);
        } else {
            // Not the complete generation of this name (what a killed clean-up left): index.js does not name it.
            removeTree(target);
            Files.move(next, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        stepHook.accept("written");
        writeTo(dir, "index.js", index.replace(GEN_PLACEHOLDER, gen));
        stepHook.accept("switched");
        List<Path> replaced = new ArrayList<>();
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir)) {
            for (Path p : old) {
                String n = p.getFileName().toString();
                if (n.startsWith("g-") && !n.equals(gen) && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Path moved = dir.resolve(".old-" + n);
                    removeTree(moved);
                    Files.move(p, moved, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    replaced.add(moved);
                }
                // The shards of an index from before generations.
                else if (n.matches("[st]-[0-9a-f]+\\.js") && Files.isRegularFile(p)) Files.delete(p);
            }
        }
        stepHook.accept("cleaned");
        if (!replaced.isEmpty()) {
            cleaning = new Thread(() -> {
                try {
                    for (Path p : replaced) removeTree(p);
                } catch (IOException e) {
                    cleaningFailure = e;
                }
            }, "search-index-cleaning");
            cleaning.setDaemon(true);
            cleaning.start();
        }
    }

    private static final String GEN_PLACEHOLDER = "\u0000generation\u0000";

    /**
     * The generation's folder name: {@code g-} and 16 hex digits of SHA-256 over its files' names and the SHA-256 of
     * their bytes, in name order (the digests taken as the files were written).
     */
    private String generation() {
        java.security.MessageDigest md = org.jiaokan.io.FileDigests.sha256();
        for (Map.Entry<String, byte[]> e : shardDigests.entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(e.getValue());
        }
        return "g-" + java.util.HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean sameFiles(Path a, Path b) throws IOException {
        List<Path> fa = files(a), fb = files(b);
        if (fa.size() != fb.size()) return false;
        for (int i = 0; i < fa.size(); i++) {
            if (!fa.get(i).getFileName().equals(fb.get(i).getFileName())) return false;
            if (Files.mismatch(fa.get(i), fb.get(i)) != -1) return false;
        }
        return true;
    }

    private static void removeTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) removeTree(c);
            }
        }
        Files.deleteIfExists(p);
    }

    /**
     * {@code SearchIndexBuilder SITE_DIR TEI...|FOLDER}: builds the index on its own (the search benchmark runs it
     * in a child JVM to measure its memory). Prints the statistics; exit code 1 when a file could not be read.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SearchIndexBuilder SITE_DIR TEI...|FOLDER");
            System.exit(2);
        }
        List<Path> in = new ArrayList<>();
        for (int i = 1; i < args.length; i++) in.add(Path.of(args[i]));
        int threads = Integer.getInteger("jiaokan.threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        Stats s = build(teiFiles(in), Path.of(args[0]), threads);
        s.errors().forEach(e -> System.err.println("error: " + e));
        System.out.println(s);
        System.exit(s.errors().isEmpty() ? 0 : 1);
    }

    /** The TEI files of a folder (sorted, not recursive) or the file itself. */
    public static List<Path> teiFiles(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (var s = Files.list(in)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().forEach(out::add);
                }
            } else {
                out.add(in);
            }
        }
        return out;
    }

    private static void readInOrder(List<Path> files, int threads, Consumer<Read> sink, List<String> errors) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Object>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < threads * 2) {
                    Path f = files.get(next++);
                    window.add(pool.submit(() -> readOne(f)));
                }
                Object r;
                try {
                    r = window.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IOException(e.getCause());
                }
                if (r instanceof Read d) sink.accept(d);
                else if (r instanceof String err) errors.add(err);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object readOne(Path f) {
        try {
            Document tei = Xml.parse(f);
            return extract(tei, f.getFileName().toString());
        } catch (Exception e) {
            return f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * What the index takes of one parsed TEI file named {@code fileName}, its blocks folded and cut into grams, or
     * null when it is not a TEI document with a text. Made where the document is already parsed (the site's
     * workers pass the tree of the page they made), on any thread; {@link #build(List, Path, int)} and {@link InOrder} add them in order.
     */
    public static Read extract(Document tei, String fileName) {
        if (!SearchDocument.isTeiText(tei)) return null;
        SearchDocument d = SearchDocument.of(tei, fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName);
        List<Prepared> blocks = new ArrayList<>(d.units().size());
        for (SearchDocument.Unit u : d.units()) blocks.add(Prepared.of(u));
        return new Read(d, blocks);
    }

    /** What the index takes of a document read before (kept by an incremental publication): its blocks prepared again. */
    public static Read of(SearchDocument d) {
        List<Prepared> blocks = new ArrayList<>(d.units().size());
        for (SearchDocument.Unit u : d.units()) blocks.add(Prepared.of(u));
        return new Read(d, blocks);
    }

    /**
     * An index fed with documents already read with {@link #extract(Document, String)}: each is given with its
     * place in the input order and added as soon as every earlier place has been given (as a document or as
     * null, for one not indexed), so the index is the same whatever order they come in and memory holds only
     * the few that wait for an earlier one.
     *
     * <p>Made with the places' keys and the state of the index there (see {@link #state()}), it updates that
     * index in place when few places changed: the places whose key is the one the index was made with are
     * {@linkplain #kept kept} (their caller need not read them, and gives null), their blocks' postings and texts
     * are taken from the index's files, and only the changed documents are cut into grams. The files are those a
     * build from every document gives, byte for byte.
     */
    public static final class InOrder {
        private final SearchIndexBuilder b;
        private final Map<Integer, Read> waiting = new HashMap<>();
        private int next = 0;
        /** Whether a thread is adding the documents that are next in order. */
        private boolean adding;
        /** Per place: its key (null: no state is kept), what the index holds of it (blocks, -1: not indexed) and its facts. */
        private final String[] keys;
        private final int[] counts;
        private final SearchDocument[] facts;
        /** The index updated in place, or null for one built from every document. */
        private final PreviousIndex previous;
        /** The blocks of the changed places, in the index there and in this one (see {@link PreviousIndex#merge}). */
        private final List<int[]> changes = new ArrayList<>();

        private InOrder(SearchIndexBuilder b, List<String> keys, PreviousIndex previous) {
            this.b = b;
            this.keys = keys == null ? null : keys.toArray(new String[0]);
            this.counts = keys == null ? null : new int[keys.size()];
            this.facts = keys == null ? null : new SearchDocument[keys.size()];
            this.previous = previous;
        }

        /**
         * Whether the document at this place may be taken from the index there: it was indexed there with this key.
         * Its caller gives {@link #KEPT} for it when it publishes it as it was, which spares reading it.
         */
        public boolean kept(int place) {
            return previous != null && previous.kept(place, keys[place]);
        }

        /** Whether the index is updated in place rather than built from every document. */
        public boolean inPlace() {
            return previous != null;
        }

        /** The document at this place failed: next time it is read again, whatever its key. */
        public synchronized void failed(int place) {
            if (keys != null) keys[place] = "";
        }

        /**
         * Gives the document at place {@code i} (0, 1, 2 …; each once): the document read, {@link #KEPT} for a place
         * that is {@linkplain #kept kept} and whose document the caller published as it was, or null when it is not
         * indexed. One thread at a time adds what is next in order; the others leave their document and go on with
         * their work.
         */
        public void put(int i, Read r) {
            synchronized (this) {
                if (i < next || waiting.containsKey(i)) throw new IllegalStateException("place " + i + " given twice");
                waiting.put(i, r);
                if (adding) return;
                adding = true;
            }
            while (true) {
                Read d;
                int place;
                synchronized (this) {
                    // Let go in the same step as the look: a document given after it is added by its giver.
                    if (!waiting.containsKey(next)) {
                        adding = false;
                        return;
                    }
                    place = next;
                    d = waiting.remove(next++);
                }
                try {
                    add(place, d);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        adding = false;
                    }
                    throw e;
                }
            }
        }

        private void add(int place, Read d) {
            if (d == KEPT) {
                if (!kept(place)) throw new IllegalStateException("place " + place + " is not kept");
                int count = previous.count(place);
                if (count >= 0) {
                    b.addFacts(previous.facts(place));
                    int start = previous.start(place);
                    for (int k = 0; k < count; k++) previous.text(start + k, b, b.blocks++);
                }
                record(place, count, previous.facts(place));
                return;
            }
            int first = b.blocks;
            if (d != null) b.add(d);
            if (previous != null) {
                int oldStart = previous.start(place);
                changes.add(new int[]{oldStart, oldStart + Math.max(0, previous.count(place)), first, b.blocks});
            }
            record(place, d == null ? -1 : d.blocks().size(), d == null ? null : facts(d.doc()));
        }

        private void record(int place, int count, SearchDocument f) {
            if (keys == null) return;
            counts[place] = count;
            facts[place] = f;
            // A document not indexed (not TEI, failed, another's identifier) is read again next time: why it was
            // left out may lie outside it.
            if (count < 0) keys[place] = "";
        }

        /** Writes the index; every place before {@code count} must have been given. */
        public synchronized Stats finish(int count) throws IOException {
            if (next != count) throw new IllegalStateException("documents " + next + " to " + (count - 1) + " were not given");
            try {
                // The changed documents' grams are in b's table: merged with the postings of the index there.
                if (previous != null) {
                    b.merged = previous.merge(b.grams, changes);
                    b.grams = new GramTable();
                }
                return b.finish(new ArrayList<>());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** The files of the index written, relative to {@code search/}: {@code index.js} and its generation's. */
        public synchronized List<String> files() {
            return b.files();
        }

        /**
         * Waits until the generations the index written replaced are removed; a run calls it before it ends (the
         * removal goes on beside the rest of the run).
         */
        public void awaitCleaned() throws IOException {
            b.awaitCleaned();
        }

        /**
         * What the index written holds, for an update in place next time (null when no keys were given): its
         * generation, and per place its key, its number of blocks and its facts.
         */
        public synchronized byte[] state() {
            if (keys == null || b.generationName == null) return null;
            return PreviousIndex.state(b.generationName, keys, counts, facts);
        }
    }

    /** Starts an index fed in input order (see {@link InOrder}) into {@code siteDir/search/}. */
    public static InOrder inOrder(Path siteDir) throws IOException {
        return inOrder(siteDir, null, null);
    }

    /**
     * Starts an index fed in input order into {@code siteDir/search/}, the places having these keys (null: none
     * kept); {@code previous}: the {@linkplain InOrder#state() state} of the index there, which its caller vouches
     * is as it was written, or null. The index there is updated in place when it can be read whole and at most a
     * quarter of the places changed; otherwise it is built from every document.
     */
    public static InOrder inOrder(Path siteDir, List<String> keys, byte[] previous) throws IOException {
        SearchIndexBuilder b = new SearchIndexBuilder(siteDir);
        Files.createDirectories(b.dir);
        // What a killed run left half written; the index the site uses is untouched until the new one is complete.
        b.removeLeftovers();
        PreviousIndex old = keys == null || previous == null ? null : PreviousIndex.read(b.dir, previous, keys);
        return new InOrder(b, keys, old);
    }

    /** What the caller gives for a kept place whose document it published as it was (see {@link InOrder#put}). */
    public static final Read KEPT = new Read(null, List.of());

    /** A document read and its blocks prepared, on a worker thread. */
    public record Read(SearchDocument doc, List<Prepared> blocks) {}

    private void add(Read r) {
        addFacts(r.doc());
        for (Prepared b : r.blocks()) addBlock(b);
    }

    /** A document's facts (its texts aside), its first block being the next one. */
    private void addFacts(SearchDocument d) {
        // Keep the metadata only: the blocks' texts go straight to the text shards.
        docsMeta.add(d.units().isEmpty() ? d : facts(d));
        firstBlocks.add(blocks);
        if (!d.genre().isEmpty()) genres.putIfAbsent(d.genre(), genres.size());
        int[] es = new int[d.entities().size()];
        int n = 0;
        for (SearchDocument.Entity e : d.entities()) {
            Map<String, Integer> ofType = entities.computeIfAbsent(e.type(), t -> new HashMap<>());
            Integer i = ofType.get(e.key());
            if (i == null) {
                i = entityList.size();
                ofType.put(e.key(), i);
                entityList.add(e);
            }
            es[n++] = i;
        }
        docEntities.add(es);
        Folding.fold(d.title()).text().codePoints().forEach(titleChars::set);
    }

    /** A document's facts without its texts. */
    static SearchDocument facts(SearchDocument d) {
        return new SearchDocument(d.docid(), d.title(), d.date(), d.year(), d.genre(), d.genreLabel(), d.script(), d.entities(), List.of());
    }

    /**
     * A block folded and cut into grams, ready to be appended: computed on the worker threads, so that the one
     * thread that appends (in input order) does little more than copy.
     */
    record Prepared(long[] keys, int[][] positions, String textJson) {
        static Prepared of(SearchDocument.Unit u) {
            Folding.Folded main = Folding.fold(u.text());
            int[] cps = main.codePoints();
            int[] seq = java.util.Arrays.copyOf(cps, cps.length + 8);
            int len = cps.length;
            StringBuilder vmap = new StringBuilder();
            for (SearchDocument.Alternative a : u.alternatives()) {
                int[] alt = Folding.fold(a.text()).codePoints();
                if (alt.length == 0) continue;
                int fs = firstAtOrAfter(main.offsets(), a.start());
                int fe = firstAtOrAfter(main.offsets(), a.end());
                int need = len + 1 + WINDOW * 2 + alt.length;
                if (need > seq.length) seq = java.util.Arrays.copyOf(seq, need * 2);
                seq[len++] = -1;
                vmap.append(vmap.length() == 0 ? "" : ",").append(-1);
                for (int i = Math.max(0, fs - WINDOW); i < fs; i++) {
                    seq[len++] = cps[i];
                    vmap.append(',').append(i);
                }
                for (int i = 0; i < alt.length; i++) {
                    seq[len++] = alt[i];
                    vmap.append(',').append(fe > fs ? fs + Math.min(i, fe - fs - 1) : Math.max(0, fs - 1));
                }
                for (int i = fe; i < Math.min(cps.length, fe + WINDOW); i++) {
                    seq[len++] = cps[i];
                    vmap.append(',').append(i);
                }
            }
            // The block's grams and their positions, in the order they first occur: an open-addressing table of
            // the keys (a HashMap<Long, …> boxed every key and took most of this method's time).
            int cap = Integer.highestOneBit(Math.max(4, len) * 2 - 1) << 1;
            int mask = cap - 1;
            long[] slotKeys = new long[cap];
            int[] slotGram = new int[cap];  // the gram's number + 1; 0 for an empty slot
            long[] keys = new long[len];
            int[][] positions = new int[len][];
            int[] counts = new int[len];
            int grams = 0;
            for (int i = 0; i < len; i++) {
                int c = seq[i];
                if (c < 0) continue;
                int n = i + 1 < len ? seq[i + 1] : -1;
                long key = ((long) c << 21) | (n < 0 ? 0 : n);
                int slot = (int) GramTable.mix(key) & mask;
                while (slotGram[slot] != 0 && slotKeys[slot] != key) slot = (slot + 1) & mask;
                int g;
                if (slotGram[slot] == 0) {
                    g = grams++;
                    slotKeys[slot] = key;
                    slotGram[slot] = g + 1;
                    keys[g] = key;
                    positions[g] = new int[4];
                } else {
                    g = slotGram[slot] - 1;
                }
                if (counts[g] == positions[g].length) positions[g] = java.util.Arrays.copyOf(positions[g], counts[g] * 2);
                positions[g][counts[g]++] = i;
            }
            keys = java.util.Arrays.copyOf(keys, grams);
            positions = java.util.Arrays.copyOf(positions, grams);
            for (int g = 0; g < grams; g++) {
                if (positions[g].length != counts[g]) positions[g] = java.util.Arrays.copyOf(positions[g], counts[g]);
            }
            StringBuilder t = new StringBuilder(u.text().length() + 32).append('[').append(ScriptStrings.quote(u.anchor())).append(',').append(ScriptStrings.quote(u.text()));
            if (vmap.length() > 0) t.append(",[").append(vmap).append(']');
            // the ¶ number of its anchor on the page, where it has one (after the window map's place)
            if (u.number() > 0) t.append(vmap.length() > 0 ? "," : ",null,").append(u.number());
            t.append(']');
            return new Prepared(keys, positions, t.toString());
        }
    }

    private void addBlock(Prepared b) {
        int block = blocks++;
        post(block, b);
        addText(block, b.textJson());
    }

    /** The grams of the block being posted (reused: the builder adds one block at a time). */
    private Gram[] posting = new Gram[256];
    /** What the look at each gram's last bytes read, kept so that the look is not optimised away. */
    private int looked;

    /**
     * Posts a block's grams to the table, each after the blocks posted before it. Of an edition's hundreds of
     * thousands of grams, a block's few hundred are scattered over the heap: finding them all first, then looking at
     * the end of each one's postings, then appending, lets the processor wait for many of them at once instead of
     * for one after the other (half the time at 10,000 documents).
     */
    private void post(int block, Prepared b) {
        long[] keys = b.keys();
        int n = keys.length;
        if (posting.length < n) posting = new Gram[Math.max(n, posting.length * 2)];
        Gram[] gs = posting;
        for (int k = 0; k < n; k++) gs[k] = grams.get(keys[k]);
        int seen = 0;
        for (int k = 0; k < n; k++) {
            int last = gs[k].length - 1; // none yet in a gram just made, or one whose postings were read before
            if (last >= 0) seen += gs[k].postings[last];
        }
        looked = seen;
        for (int k = 0; k < n; k++) {
            Gram g = gs[k];
            gs[k] = null;
            if (g.length > 0) g.append(';');
            g.base36(block - g.lastBlock);
            g.append(':');
            int prev = 0;
            boolean first = true;
            for (int p : b.positions()[k]) {
                if (!first) g.append(',');
                g.base36(p - prev);
                prev = p;
                first = false;
            }
            g.lastBlock = block;
        }
    }

    /** The block's text for snippets. */
    private void addText(int block, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        addText(block, b, 0, b.length);
    }

    /** A block's text as UTF-8 bytes ({@code from} to {@code to}). */
    void addText(int block, byte[] b, int from, int to) {
        if (textShard.n == 0) textShardFirst = block;
        else textShard.ascii(TEXT_SEPARATOR);
        textShard.raw(b, from, to - from);
        if (textShard.n > TEXT_SHARD_BYTES) flushTexts();
    }

    /** A growing byte array, for the shards (postings and texts are bytes already). */
    static final class Bytes {
        private byte[] b = new byte[1 << 16];
        private int n;

        private void room(int more) {
            if (n + more > b.length) b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, n + more));
        }

        /** Characters below U+0100, a byte each. */
        Bytes ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) b[n++] = (byte) s.charAt(i);
            return this;
        }

        Bytes utf8(String s) {
            byte[] x = s.getBytes(StandardCharsets.UTF_8);
            return raw(x, x.length);
        }

        Bytes raw(byte[] x, int length) {
            return raw(x, 0, length);
        }

        Bytes raw(byte[] x, int from, int length) {
            room(length);
            System.arraycopy(x, from, b, n, length);
            n += length;
            return this;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(b, n);
        }

        /** What has been written, as a new array (as {@link #bytes}). */
        byte[] copy() {
            return bytes();
        }

        int size() {
            return n;
        }

        void clear() {
            n = 0;
        }
    }

    private static final char[] DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private static int firstAtOrAfter(int[] offsets, int offset) {
        int i = 0;
        while (i < offsets.length && offsets[i] < offset) i++;
        return i;
    }

    private void flushTexts() {
        if (textShard.n == 0) return;
        int k = textShardStarts.size();
        textShardStarts.add(textShardFirst);
        // The shard's bytes made at their size in one copy (the buffer is filled again while they are written).
        byte[] head = (BOM_BYTES + "JiaokanSearch.add(\"t\"," + k + "," + textShardFirst + ",[").getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = TEXT_END.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + textShard.n + end.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(textShard.b, 0, bytes, head.length, textShard.n);
        System.arraycopy(end, 0, bytes, head.length + textShard.n, end.length);
        textShard.n = 0;
        // Written beside the adding of the next documents; a few at most wait, so memory holds few shards.
        String name = "t-" + k + ".js";
        if (textWriter == null) {
            // One thread, which ends when idle (a build stopped by an error leaves none behind).
            textWriter = new java.util.concurrent.ThreadPoolExecutor(0, 1, 1, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "search-index-texts");
                        t.setDaemon(true);
                        return t;
                    });
        }
        if (textWrites.size() >= 4) awaitWrite(textWrites.get(textWrites.size() - 4));
        textWrites.add(textWriter.submit(() -> {
            write(name, bytes);
            return null;
        }));
    }

    /** Waits until every text shard is written; a shard that could not be written stops the build. */
    private void awaitTextWrites() {
        try {
            for (Future<Object> f : textWrites) awaitWrite(f);
        } finally {
            textWrites.clear();
            if (textWriter != null) textWriter.shutdown();
            textWriter = null;
        }
    }

    private static void awaitWrite(Future<Object> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.UncheckedIOException(new IOException("interrupted while writing the search index", e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private Stats finish(List<String> errors) throws IOException {
        flushTexts();
        try {
            awaitTextWrites();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        // Every character of a text is the first of one gram.
        java.util.BitSet corpusChars = (java.util.BitSet) titleChars.clone();
        long total = 0;
        int gramCount = grams.size();
        if (merged != null) {
            gramCount = 0;
            for (PreviousIndex.Postings m : merged) {
                gramCount += m.size();
                for (int j = 0; j < m.size(); j++) {
                    corpusChars.set((int) (m.keys()[j] >>> 21));
                    total += m.to()[j] - m.from()[j] + 8;
                }
            }
        } else {
            long[] sum = {0};
            grams.forEach(g -> {
                corpusChars.set((int) (g.key >>> 21));
                sum[0] += g.size() + 8;
            });
            total = sum[0];
        }
        int shards = 1;
        while (shards < 256 && (long) shards * POSTINGS_SHARD_BYTES < total) shards *= 2;
        // The shards are written on every core, each thread with its buffer.
        ThreadLocal<Bytes> buffers = ThreadLocal.withInitial(Bytes::new);
        List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>(shards);
        if (merged != null && merged.length == shards) {
            // Updated in place into as many shards as there were: each shard's grams are already in order.
            PreviousIndex.Postings[] ms = merged;
            for (int n = 0; n < shards; n++) {
                int i = n;
                jobs.add(() -> {
                    PreviousIndex.Postings m = ms[i];
                    writeShard(buffers.get(), i, m.keys(), m.size(), (j, out) -> out.raw(m.bytes(), m.from()[j], m.to()[j] - m.from()[j]));
                    ms[i] = null;
                    return null;
                });
            }
        } else {
            if (merged != null) {
                // Updated in place into another number of shards: the grams are dealt out again.
                for (PreviousIndex.Postings m : merged) {
                    for (int j = 0; j < m.size(); j++) grams.put(Gram.slice(m.keys()[j], m.bytes(), m.from()[j], m.to()[j]));
                }
            }
            // Each shard's keys, sorted: a key is the first character above the second, so its order is theirs.
            int shardCount = shards;
            int[] sizes = new int[shards];
            grams.forEach(g -> sizes[(int) (g.key >>> 21) % shardCount]++);
            long[][] keys = new long[shards][];
            for (int i = 0; i < shards; i++) keys[i] = new long[sizes[i]];
            int[] filled = new int[shards];
            grams.forEach(g -> {
                int i = (int) (g.key >>> 21) % shardCount;
                keys[i][filled[i]++] = g.key;
            });
            GramTable table = grams;
            for (int n = 0; n < shards; n++) {
                int i = n;
                jobs.add(() -> {
                    long[] k = keys[i];
                    java.util.Arrays.sort(k);
                    writeShard(buffers.get(), i, k, k.length, (j, out) -> table.find(k[j]).writeTo(out));
                    return null;
                });
            }
        }
        try {
            org.jiaokan.edition.Ordered.all(org.jiaokan.edition.Ordered.threads(), jobs);
        } catch (IOException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
        merged = null;
        String index = indexScript(shards, corpusChars);
        bytes += (BOM + index).getBytes(StandardCharsets.UTF_8).length - GEN_PLACEHOLDER.length() + "g-".length() + 16;
        switchGeneration(index);
        return new Stats(docsMeta.size(), blocks, gramCount, shards, textShardStarts.size(), bytes, List.copyOf(errors));
    }

    /** How one gram's postings are written into a shard: the {@code j}-th of the shard's keys. */
    private interface PostingsWriter {
        void write(int j, Bytes out);
    }

    /** Writes postings shard {@code i}: its {@code n} keys in order, each with its postings. */
    private void writeShard(Bytes sb, int i, long[] keys, int n, PostingsWriter postings) {
        sb.clear();
        sb.ascii(BOM_BYTES).ascii("JiaokanSearch.add(\"s\"," + i + ",{");
        int lastC1 = -1;
        for (int j = 0; j < n; j++) {
            long key = keys[j];
            int c1 = (int) (key >>> 21), c2 = (int) (key & 0x1FFFFF);
            if (c1 != lastC1) {
                sb.ascii(lastC1 < 0 ? "\n" : "},\n").utf8(ScriptStrings.quote(new String(Character.toChars(c1)))).ascii(":{");
                lastC1 = c1;
            } else {
                sb.ascii(",");
            }
            sb.utf8(ScriptStrings.quote(c2 == 0 ? "" : new String(Character.toChars(c2)))).ascii(":\"");
            postings.write(j, sb);
            sb.ascii("\"");
        }
        if (lastC1 >= 0) sb.ascii("}");
        sb.ascii("});\n");
        // Straight from the thread's buffer: no copy of the shard is made.
        write(String.format("s-%02x.js", i), sb.b, sb.n);
    }

    private String indexScript(int shards, java.util.BitSet corpusChars) {
        // Made at about its size: grown by doubling, the script of 10,000 documents was copied many times over.
        StringBuilder sb = new StringBuilder(4096 + docsMeta.size() * 192 + entityList.size() * 96)
                .append("JiaokanSearch.add(\"index\",{\"version\":1,\"gen\":\"").append(GEN_PLACEHOLDER)
                .append("\",\"shards\":").append(shards);
        sb.append(",\"blocks\":").append(blocks).append(",\"texts\":").append(textShardStarts.toString().replace(" ", ""));
        StringBuilder fold = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : Folding.table(corpusChars::get).entrySet()) fold.appendCodePoint(e.getKey()).appendCodePoint(e.getValue());
        sb.append(",\n\"fold\":").append(ScriptStrings.quote(fold.toString()));
        sb.append(",\n\"genres\":[");
        boolean first = true;
        Map<String, String> labels = new HashMap<>();
        for (SearchDocument d : docsMeta) labels.putIfAbsent(d.genre(), d.genreLabel());
        for (String g : genres.keySet()) {
            sb.append(first ? "" : ",").append('[').append(ScriptStrings.quote(g)).append(',').append(ScriptStrings.quote(labels.get(g))).append(']');
            first = false;
        }
        sb.append("],\n\"entities\":[");
        // Each entity and document by a method of its own: the loops' bodies are compiled as they are, not the whole script's method.
        for (int i = 0; i < entityList.size(); i++) appendEntity(sb.append(i == 0 ? "" : ",\n"), entityList.get(i));
        sb.append("],\n\"docs\":[");
        for (int i = 0; i < docsMeta.size(); i++) appendDocument(sb.append(i == 0 ? "\n" : ",\n"), i);
        sb.append("]});\n");
        return sb.toString();
    }

    private static void appendEntity(StringBuilder sb, SearchDocument.Entity e) {
        sb.append('[').append(ScriptStrings.quote(e.type())).append(',').append(ScriptStrings.quote(e.key()))
                .append(',').append(ScriptStrings.quote(e.label())).append(']');
    }

    /** The {@code i}-th document's entry: docid, title, date, year, genre, script, first block, entities. */
    private void appendDocument(StringBuilder sb, int i) {
        SearchDocument d = docsMeta.get(i);
        sb.append('[').append(ScriptStrings.quote(d.docid())).append(',').append(ScriptStrings.quote(d.title()))
                .append(',').append(ScriptStrings.quote(d.date())).append(',').append(ScriptStrings.quote(d.year()))
                .append(',').append(d.genre().isEmpty() ? -1 : genres.get(d.genre()))
                .append(',').append(ScriptStrings.quote(d.script())).append(',').append(firstBlocks.get(i))
                .append(',').append('[');
        int[] es = docEntities.get(i);
        for (int k = 0; k < es.length; k++) sb.append(k == 0 ? "" : ",").append(es[k]);
        sb.append("]]");
    }

    /** A shard of the generation being built, its bytes (with the byte-order mark); its digest is kept for the generation's name. */
    private void write(String name, byte[] b) {
        write(name, b, b.length);
    }

    /** As {@link #write(String, byte[])}, the first {@code length} bytes of {@code b}. */
    private void write(String name, byte[] b, int length) {
        try {
            org.jiaokan.io.AtomicFiles.write(org.jiaokan.io.SafePaths.inside(next, name), b, length);
            java.security.MessageDigest md = org.jiaokan.io.FileDigests.sha256();
            md.update(b, 0, length);
            byte[] digest = md.digest();
            synchronized (shardDigests) {
                bytes += length;
                shardDigests.put(name, digest);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int writeTo(Path folder, String name, String content) throws IOException {
        byte[] b = (BOM + content).getBytes(StandardCharsets.UTF_8);
        org.jiaokan.io.AtomicFiles.write(org.jiaokan.io.SafePaths.inside(folder, name), b);
        return b.length;
    }
}
