package org.jiaokan.edition;

import org.jiaokan.io.CompactData;
import org.jiaokan.model.EditionDocument;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A content-addressed cache of a build, in two levels.
 *
 * <p>The first keeps what the recogniser made of each source, before the steps that look across
 * documents (the names dictionary, the registers). An entry is found by the source's file name and
 * holds the key it was made for: SHA-256 of the source's bytes, its file name, the code's identity
 * ({@link CodeIdentity}) and the run's context (the edition's metadata, a forced encoding). It has
 * a small summary (the key, the warnings and notices, the names the document gives the dictionary,
 * the length, SHA-256 and place of the document), so that a build reads the document itself only
 * when it has to write its TEI again. The documents are appended to a few files of the cache folder
 * ({@link DocumentStore}), a file per run that stores any, not a file per source.
 *
 * <p>The second ({@code DIR-written}, one file beside the first's folder: {@link CachePack}) keeps, per source, what the build needs of a TEI file
 * it wrote: the schema check's result, the units an editor's corrections kept, the document's
 * contributions to the registers and its {@code xml:id}s. Its key adds to the first's the digest of the
 * whole names dictionary, the edition's metadata and the SHA-256 of the TEI file as it was written: a
 * TEI file whose bytes are still those, made from the same recognition with the same dictionary, is
 * what the build would write again (writing is a fixed point: an unchanged build writes nothing).
 *
 * <p>The summaries of the first level are also kept together in one file ({@code DIR-summaries}), so that a build
 * finds those of unchanged sources without opening a file per source; the heads of the records in the documents'
 * files are read where that file does not hold its summary (a run that ended before writing it).
 *
 * <p>An entry whose key differs, that cannot be read, or that holds anything but the model's own
 * records is ignored and the work done again. The files of summaries are written atomically, after the
 * documents they point to; entries of sources that a run did not see are removed at its end.
 */
final class BuildCache {
    /** The format of the entries; raised when what they hold changes. */
    private static final int FORMAT = 6;
    private static final String SUFFIX = ".entry";
    /** The first bytes of a second-level entry. */
    private static final int WRITTEN_MAGIC = 0x4a4b5433;
    /** The first bytes of the file of the first level's summaries ({@link CachePack}). */
    static final int SUMMARIES_MAGIC = 0x4a4b5353;
    /** The first bytes of the file of the second level ({@link CachePack}). */
    static final int WRITTEN_PACK_MAGIC = 0x4a4b5750;

    /** The head of a first-level entry: everything a build needs of an unchanged source but its document. */
    record Summary(String key, List<String> warnings, List<String> notices, List<NamePropagation.Name> names,
                   long documentLength, String documentSha, DocumentStore.Place place) {
        /** This summary with its document at {@code p}. */
        Summary at(DocumentStore.Place p) {
            return new Summary(key, warnings, notices, names, documentLength, documentSha, p);
        }
    }

    /** A second-level entry: what the build needs of a TEI file it wrote. */
    record Written(String key, List<String> invalid, List<String> keptUnits, RegisterParts registers, String ids) {}

    private final Path dir;
    /** The first level's documents, in a few files of the cache folder. */
    private final DocumentStore store;
    /** Where the second level was kept, a file per source, before it moved into {@link #written}: removed by {@link #prune}. */
    private final Path legacyTeiDir;
    /** The summaries of the first level's entries, all in one file beside the folder ({@code DIR-summaries}). */
    private final CachePack summaries;
    /** The second level, all in one file beside the first's folder ({@code DIR-written}). */
    private final CachePack written;
    private final String context;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    /** The sources' and TEI files' digests, remembered with their files' sizes and times ({@code digests} beside the cache). */
    private final org.jiaokan.io.FileDigests digests;
    /** The folder the digests' names are relative to (the edition folder, for a build). */
    private final Path base;

    /**
     * @param dir     the cache folder (created on first write)
     * @param context      everything besides a source's bytes, name and id that its conversion depends on
     * @param codeIdentity the code's identity, or null for that of the running code a conversion runs ({@link CodeIdentity#conversion()})
     */
    BuildCache(Path dir, String context, String codeIdentity) {
        this.dir = dir;
        this.store = new DocumentStore(dir);
        this.legacyTeiDir = dir.resolveSibling(dir.getFileName() + "-tei");
        this.summaries = new CachePack(dir.resolveSibling(dir.getFileName() + "-summaries"), SUMMARIES_MAGIC);
        this.written = new CachePack(dir.resolveSibling(dir.getFileName() + "-written"), WRITTEN_PACK_MAGIC);
        String code = codeIdentity == null ? CodeIdentity.conversion(dir.resolveSibling("code-identity")) : codeIdentity;
        this.context = hex(sha("format " + FORMAT + "\ncode " + code + "\n" + context));
        Path abs = dir.toAbsolutePath().normalize();
        this.base = abs.getParent() == null || abs.getParent().getParent() == null ? abs : abs.getParent().getParent();
        this.digests = org.jiaokan.io.FileDigests.load(abs.resolveSibling("digests"));
    }

    /** A file's name in the digests' memo: its path relative to the edition folder where it is inside it. */
    private String digestName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The SHA-256 of a file (a source or a TEI file the build wrote), or null when it cannot be read. */
    byte[] fileSha(Path file) {
        return digests.sha(file, digestName(file));
    }

    /** Writes the digests of the files this run read (see {@link org.jiaokan.io.FileDigests}). */
    void saveDigests() {
        digests.save();
    }

    /** Sources taken from the cache so far. */
    int hits() { return hits.get(); }

    /** Sources converted (not found in the cache, or found stale) so far. */
    int misses() { return misses.get(); }

    /**
     * The key of a source with its current bytes, its file name and this document id; empty when the
     * file cannot be read (the reader then says why, as without a cache).
     */
    Optional<String> key(Path input, String id) {
        byte[] content = fileSha(input);
        if (content == null) return Optional.empty();
        MessageDigest md = CodeIdentity.sha256();
        md.update(context.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(id.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(input.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(content);
        return Optional.of(hex(md.digest()));
    }

    private String entryName(Path input) {
        return hex(sha(input.getFileName().toString())) + SUFFIX;
    }

    /**
     * The summary of this source's entry, when the summaries' file holds one made for exactly this key, or else a record
     * of the documents' files does whose document is whole there. A summary is trusted without reading the document: its
     * document is checked against it when it is read ({@link #document}), and converted again where it does not match.
     */
    Optional<Summary> find(Path input, String key) {
        String name = entryName(input);
        used.add(name);
        // The entry's document is not looked at: document() checks it against the summary when it is read, and a
        // document that does not match is converted again.
        Optional<Summary> s = packed(summaries, name, key, Codec::summary, Summary::key);
        if (s.isEmpty()) {
            // Not in the summaries' file for this key (a run that ended before writing it, or a file spoilt): the heads
            // of the records in the files that file was not written with, read once for the run (none, mostly).
            s = scanned(name, key);
            if (s.isPresent()) {
                try {
                    summaries.put(name, Codec.bytes(s.get()));
                } catch (IOException e) {
                    return Optional.empty(); // not reached: the bytes were read as a summary
                }
            }
        }
        (s.isPresent() ? hits : misses).incrementAndGet();
        return s;
    }

    /** Reads an entry's bytes ({@link Codec}). */
    private interface Decoder<T> {
        T read(byte[] bytes) throws IOException;
    }

    /**
     * The entry {@code name} of {@code pack}, read, when it is there and made for exactly {@code key}; empty where it is
     * not there, does not read back whole, or holds another key (its work is then done again).
     */
    private static <T> Optional<T> packed(CachePack pack, String name, String key, Decoder<T> decoder,
                                          java.util.function.Function<T, String> keyOf) {
        byte[] bytes = pack.get(name);
        if (bytes == null) return Optional.empty();
        try {
            T entry = decoder.read(bytes);
            if (key.equals(keyOf.apply(entry))) return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            // done again
        }
        return Optional.empty();
    }

    /** The summary of a record of the store for this entry and exactly this key, whose document is whole in its file. */
    private Optional<Summary> scanned(String name, String key) {
        for (DocumentStore.Found f : store.scanned(knownFiles()).getOrDefault(name, List.of())) {
            try {
                Summary s = Codec.summary(f.head());
                if (key.equals(s.key()) && s.documentLength() == f.length()) return Optional.of(s.at(f.place()));
            } catch (IOException | RuntimeException e) {
                // a spoilt head: converted again
            }
        }
        return Optional.empty();
    }

    /**
     * The document of an entry whose summary was found; empty when its bytes are not those the summary
     * names (the build then converts the source again: {@link #demote()}).
     */
    Optional<EditionDocument> document(Path input, Summary s) {
        try {
            byte[] bytes = store.read(s.place(), s.documentLength());
            if (bytes == null || !hex(CodeIdentity.sha256().digest(bytes)).equals(s.documentSha())) return Optional.empty();
            return Optional.of(DocumentCodec.document(bytes));
        } catch (IOException | RuntimeException e) {
            // as above
        }
        return Optional.empty();
    }

    /** The entry of the summaries' file that names the documents' files it was written with (not an entry's name). */
    private static final String FILES = "files";

    /** The documents' files the summaries' file was written with; none where it names none (spoilt, or gone). */
    private java.util.Set<String> knownFiles() {
        byte[] b = summaries.get(FILES);
        if (b == null) return java.util.Set.of();
        try {
            return java.util.Set.copyOf(CompactData.strings(CompactData.input(b)));
        } catch (IOException | RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /** Closes the file this run appended documents to, where {@link #prune} did not (a run that failed). */
    void closeStore() {
        store.close();
    }

    /** A source counted as taken from the cache is converted after all (its document could not be read). */
    void demote() {
        hits.decrementAndGet();
        misses.incrementAndGet();
    }

    /**
     * Stores a source's result; a result that cannot be stored is simply converted again next time.
     *
     * @return the entry's summary, or empty when it was not stored
     */
    Optional<Summary> store(Path input, String key, EditionDocument doc, List<String> warnings, List<String> notices) {
        return prepare(input, key, doc, warnings, notices).flatMap(this::place);
    }

    /** An entry made on its document's thread, to be stored by {@link #place}: its name, its summary without its place, their bytes and the document's. */
    record Pending(String name, Summary unplaced, byte[] head, byte[] document) {}

    /** The bytes of a source's entry, made where its document was (any thread); empty where they cannot be made. */
    Optional<Pending> prepare(Path input, String key, EditionDocument doc, List<String> warnings, List<String> notices) {
        try {
            byte[] document = DocumentCodec.bytes(doc);
            Summary unplaced = new Summary(key, List.copyOf(warnings), List.copyOf(notices), List.copyOf(NamePropagation.names(doc)),
                    document.length, hex(CodeIdentity.sha256().digest(document)), DocumentStore.Place.NONE);
            return Optional.of(new Pending(entryName(input), unplaced, Codec.bytes(unplaced), document));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Not cached: the build does not depend on its cache.
        }
    }

    /**
     * Stores an entry made by {@link #prepare}: its document appended to this run's file of documents, its summary
     * without its place before it (for a run that ends before writing the summaries' file); the summaries' file gets it
     * with its place. The build places its entries in the sources' order.
     *
     * @return the entry's summary, or empty when it was not stored
     */
    Optional<Summary> place(Pending p) {
        try {
            Summary s = p.unplaced().at(store.append(p.name(), p.head(), p.document()));
            summaries.put(p.name(), Codec.bytes(s));
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Not cached: the build does not depend on its cache.
        }
    }

    /** The second-level entry of this source, when there is one made for exactly this key. */
    Optional<Written> findWritten(Path input, String key) {
        return packed(written, entryName(input), key, Codec::written, Written::key);
    }

    /** Stores a second-level entry; one that cannot be stored only costs time next run. */
    void storeWritten(Path input, Written w) {
        try {
            written.put(entryName(input), Codec.bytes(w));
        } catch (IOException | RuntimeException e) {
            // Not cached.
        }
    }

    private static final int CONFIRMED_MAGIC = 0x4a4b434e;

    /**
     * The names an editor confirmed in the register file of this SHA-256, as remembered beside the cache, or empty
     * (not remembered, or for another file): the file is then parsed.
     */
    Optional<List<NamePropagation.Confirmed>> confirmedNames(byte[] registersSha) {
        Path memo = dir.resolveSibling("confirmed-names");
        if (registersSha == null || !Files.isRegularFile(memo)) return Optional.empty();
        try {
            java.io.DataInputStream in = org.jiaokan.io.SealedFiles.open(memo, CONFIRMED_MAGIC, FORMAT);
            if (!in.readUTF().equals(context + "\n" + hex(registersSha))) return Optional.empty();
            int n = in.readInt();
            List<NamePropagation.Confirmed> out = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new NamePropagation.Confirmed(org.jiaokan.model.EntityType.valueOf(in.readUTF()), org.jiaokan.io.CompactData.string(in),
                        org.jiaokan.io.CompactData.string(in), org.jiaokan.io.CompactData.string(in)));
            }
            return in.available() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Remembers the names an editor confirmed in the register file of this SHA-256. */
    void storeConfirmedNames(byte[] registersSha, List<NamePropagation.Confirmed> names) {
        if (registersSha == null) return;
        org.jiaokan.io.SealedFiles.write(dir.resolveSibling("confirmed-names"), CONFIRMED_MAGIC, FORMAT, o -> {
            o.writeUTF(context + "\n" + hex(registersSha));
            o.writeInt(names.size());
            for (NamePropagation.Confirmed c : names) {
                o.writeUTF(c.type().name());
                org.jiaokan.io.CompactData.write(o, c.spelling());
                org.jiaokan.io.CompactData.write(o, c.key());
                org.jiaokan.io.CompactData.write(o, c.code());
            }
        });
    }

    /**
     * Whether the registers file as it is (its SHA-256 {@code currentSha}, or null when there is none) is the one the
     * last run made from contributions of this key: then it is what this run would make from it (the registers keep
     * what the file before holds and refresh the mentions from the contributions: a fixed point), and it is
     * neither made nor written again. A file an editor changed since is not the one made.
     */
    boolean sameRegisters(String key, byte[] currentSha) {
        Path memo = dir.resolveSibling("registers-key");
        if (currentSha == null || !Files.isRegularFile(memo)) return false;
        try {
            String kept = Files.readString(memo, StandardCharsets.UTF_8);
            return kept.equals("format " + FORMAT + "\n" + context + "\n" + key + "\n" + hex(currentSha) + "\n");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Remembers the key of the registers' inputs and the SHA-256 of the file they made. */
    void storeRegisters(String key, byte[] made) {
        try {
            Files.createDirectories(dir.getParent());
            TeiFiles.atomicWrite(dir.resolveSibling("registers-key"), ("format " + FORMAT + "\n" + context + "\n" + key + "\n"
                    + hex(CodeIdentity.sha256().digest(made)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // made again next time
        }
    }

    /** The key of a TEI file: the recognition's key, the dictionary's digest, the edition's metadata, the file's SHA-256. */
    static String writtenKey(String recognitionKey, String dictionary, String edition, byte[] teiFile) {
        return writtenKeyOfSha(recognitionKey, dictionary, edition, teiFile == null ? null : CodeIdentity.sha256().digest(teiFile));
    }

    /** As {@link #writtenKey(String, String, String, byte[])}, with the TEI file's SHA-256 (null: no file). */
    static String writtenKeyOfSha(String recognitionKey, String dictionary, String edition, byte[] teiSha) {
        return hex(sha("written " + FORMAT + "\0" + recognitionKey + "\0" + dictionary + "\0" + edition + "\0"
                + (teiSha == null ? "none" : hex(teiSha))));
    }

    /**
     * The summaries and second-level entries in a compact format of their own (read on every build for every
     * source, where Java's serialisation cost the better part of an unchanged build): strings as UTF-8 with
     * their lengths, lists with their sizes, entity types by name. Anything that does not read back whole, to
     * the last byte, is refused.
     */
    static final class Codec {
        private Codec() {}

        static byte[] bytes(Summary s) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                // where the document is first, read alone by place() at the end of every run
                o.writeLong(s.documentLength());
                CompactData.write(o, s.place().file());
                o.writeLong(s.place().offset());
                CompactData.write(o, s.key());
                CompactData.write(o, s.warnings());
                CompactData.write(o, s.notices());
                o.writeInt(s.names().size());
                for (NamePropagation.Name n : s.names()) {
                    CompactData.write(o, n.type().name());
                    CompactData.write(o, n.key());
                    CompactData.write(o, n.code());
                }
                CompactData.write(o, s.documentSha());
            }
            return b.toByteArray();
        }

        static Summary summary(byte[] bytes) throws IOException {
            DataInputStream in = org.jiaokan.io.CompactData.input(bytes);
            long length = in.readLong();
            DocumentStore.Place place = new DocumentStore.Place(CompactData.string(in), in.readLong());
            String key = CompactData.string(in);
            List<String> warnings = CompactData.strings(in);
            List<String> notices = CompactData.strings(in);
            int n = CompactData.size(in);
            List<NamePropagation.Name> names = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add(new NamePropagation.Name(type(in), CompactData.string(in), CompactData.string(in)));
            Summary s = new Summary(key, warnings, notices, List.copyOf(names), length, CompactData.string(in), place);
            end(in);
            return s;
        }

        /**
         * Where a summary's document is, and its length, read from the summary's first fields alone (the end of a run
         * asks it of every summary it keeps: decoding them whole cost an incremental build of 10,000 documents).
         */
        static DocumentStore.Live live(String name, byte[] bytes) throws IOException {
            DataInputStream in = org.jiaokan.io.CompactData.input(bytes);
            long length = in.readLong();
            return new DocumentStore.Live(name, bytes.length, new DocumentStore.Place(CompactData.string(in), in.readLong()), length);
        }

        static byte[] bytes(Written w) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                o.writeInt(WRITTEN_MAGIC);
                CompactData.write(o, w.key());
                CompactData.write(o, w.invalid());
                CompactData.write(o, w.keptUnits());
                o.write(w.registers().bytes());
                CompactData.write(o, w.ids());
            }
            return b.toByteArray();
        }

        static Written written(byte[] bytes) throws IOException {
            DataInputStream in = org.jiaokan.io.CompactData.input(bytes);
            if (in.readInt() != WRITTEN_MAGIC) throw new IOException("not an entry");
            String key = CompactData.string(in);
            List<String> invalid = CompactData.strings(in);
            List<String> kept = CompactData.strings(in);
            // the contributions stay bytes until the registers are made again (RegisterParts)
            RegisterParts contributions = RegisterParts.read(bytes, in);
            Written w = new Written(key, invalid, kept, contributions, CompactData.string(in));
            end(in);
            return w;
        }


        private static org.jiaokan.model.EntityType type(DataInputStream in) throws IOException {
            return RegisterParts.type(CompactData.string(in));
        }

        private static void end(DataInputStream in) throws IOException {
            if (in.available() != 0) throw new IOException("not an entry");
        }
    }

    /**
     * Removes the entries of sources this run did not see (deleted or renamed sources), at both levels, and writes the
     * files of the summaries and of the second level where what they hold changed. The folder of second-level entries an
     * earlier version kept, a file per source, is removed.
     */
    void prune() {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    // the entries of the layout with a file per source, and the temporary files of a run killed while
                    // writing one
                    String name = p.getFileName().toString();
                    if ((name.endsWith(SUFFIX) || org.jiaokan.io.AtomicFiles.isTemporary(p))
                            && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Stale entries are harmless: nothing reads them.
            }
        }
        // The documents the kept summaries point to; the store's other files go, and sparse ones are copied first.
        // (in any order: the store orders what it copies by file and place)
        List<DocumentStore.Live> live = new java.util.ArrayList<>();
        for (String name : used) {
            byte[] head = summaries.get(name);
            if (head == null) continue;
            try {
                DocumentStore.Live l = Codec.live(name, head);
                if (DocumentStore.isFileName(l.place().file())) live.add(l);
            } catch (IOException | RuntimeException e) {
                // a spoilt summary keeps no document
            }
        }
        DocumentStore.Plan plan = store.keep(live);
        List<Path> remove = plan.remove();
        for (DocumentStore.Live l : plan.copy()) {
            byte[] document = store.read(l.place(), l.length());
            // a document its file no longer holds whole is found out when it is needed, and converted again
            if (document == null) continue;
            try {
                Summary s = Codec.summary(summaries.get(l.name()));
                Summary moved = s.at(store.append(l.name(), Codec.bytes(s.at(DocumentStore.Place.NONE)), document));
                summaries.put(l.name(), Codec.bytes(moved));
            } catch (IOException | RuntimeException e) {
                // not copied: its files stay this run
                remove = List.of();
                break;
            }
        }
        store.close();
        // the files the summaries are written with: the next run reads the records' heads of the others only
        try {
            java.util.Set<String> files = new java.util.TreeSet<>();
            for (Path f : store.files()) files.add(f.getFileName().toString());
            for (Path f : remove) files.remove(f.getFileName().toString());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                CompactData.write(o, List.copyOf(files));
            }
            summaries.put(FILES, b.toByteArray());
        } catch (IOException e) {
            // not reached: written to memory
        }
        java.util.Set<String> kept = new java.util.HashSet<>(used);
        kept.add(FILES);
        summaries.save(kept);
        written.save(used);
        // after the summaries that pointed into them are written (or the file of summaries is gone: the records' heads)
        store.remove(remove);
        if (Files.isDirectory(legacyTeiDir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(legacyTeiDir)) {
                for (Path p : s.toList()) {
                    // its entries, and the temporary files of a run killed while writing one
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(p);
                }
                Files.deleteIfExists(legacyTeiDir); // where nothing else is in it
            } catch (IOException e) {
                // left: nothing reads it
            }
        }
    }

    static byte[] sha(String s) {
        return CodeIdentity.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
