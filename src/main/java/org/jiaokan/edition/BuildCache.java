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
 * ({@link CodeIdentity}) and the run's context (the edition's metadata, a forced encoding). It opens
 * with a small summary (the key, the warnings and notices, the names the document gives the
 * dictionary, the length and SHA-256 of the document's part), so that a build reads the document
 * itself only when it has to write its TEI again.
 *
 * <p>The second ({@code DIR-written}, one file beside the first's folder: {@link CachePack}) keeps, per source, what the build needs of a TEI file
 * it wrote: the schema check's result, the units an editor's corrections kept, the document's
 * contributions to the registers and its {@code xml:id}s. Its key adds to the first's the digest of the
 * whole names dictionary, the edition's metadata and the SHA-256 of the TEI file as it was written: a
 * TEI file whose bytes are still those, made from the same recognition with the same dictionary, is
 * what the build would write again (writing is a fixed point: an unchanged build writes nothing).
 *
 * <p>The summaries of the first level are also kept together in one file ({@code DIR-summaries}), so that a build
 * finds those of unchanged sources without opening a file per source; an entry's own head is read where that
 * file does not hold its summary.
 *
 * <p>An entry whose key differs, that cannot be read, or that holds anything but the model's own
 * records is ignored and the work done again. Entries are written atomically; entries of sources
 * that a run did not see are removed at its end.
 */
final class BuildCache {
    /** The format of the entries; raised when what they hold changes. */
    private static final int FORMAT = 4;
    private static final String SUFFIX = ".entry";
    /** The first bytes of a first-level entry. */
    private static final int MAGIC = 0x4a4b4333;
    /** The first bytes of a second-level entry. */
    private static final int WRITTEN_MAGIC = 0x4a4b5433;
    /** The first bytes of the file of the first level's summaries ({@link CachePack}). */
    static final int SUMMARIES_MAGIC = 0x4a4b5353;
    /** The first bytes of the file of the second level ({@link CachePack}). */
    static final int WRITTEN_PACK_MAGIC = 0x4a4b5750;

    /** The head of a first-level entry: everything a build needs of an unchanged source but its document. */
    record Summary(String key, List<String> warnings, List<String> notices, List<NamePropagation.Name> names,
                   long documentLength, String documentSha) {}

    /** A second-level entry: what the build needs of a TEI file it wrote. */
    record Written(String key, List<String> invalid, List<String> keptUnits, RegisterParts registers, String ids) {}

    private final Path dir;
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
     * The summary of this source's entry, when the summaries' file holds one made for exactly this key, or else the
     * entry's own head does and the entry is whole. A summary from that file is trusted without opening the entry: its
     * document is checked against it when it is read ({@link #document}), and converted again where it does not match.
     */
    Optional<Summary> find(Path input, String key) {
        String name = entryName(input);
        used.add(name);
        // The entry's document is not looked at: document() checks it against the summary when it is read, and a
        // document that does not match is converted again.
        Optional<Summary> s = packed(summaries, name, key, Codec::summary, Summary::key);
        if (s.isEmpty()) {
            // Not in the summaries' file (a run that ended before writing it, or a file spoilt): the entry's own head.
            byte[][] head = new byte[1][];
            s = summary(dir.resolve(name), key, head);
            if (s.isPresent()) summaries.put(name, head[0]);
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

    /** The summary at the head of an entry file, when it is for exactly this key and the entry is whole; its bytes go to {@code head[0]}. */
    private static Optional<Summary> summary(Path file, String key, byte[][] head) {
        // Only the head is read (the document after it may be large); the entry's size comes from the open file.
        if (!org.jiaokan.io.FileTrees.isFile(file)) return Optional.empty(); // no entry yet: no exception of its absence
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            java.nio.ByteBuffer start = read(ch, 8);
            if (start == null || start.getInt() != MAGIC) return Optional.empty();
            int length = start.getInt();
            if (length <= 0 || length > (1 << 26) || 8L + length > size) return Optional.empty();
            java.nio.ByteBuffer bytes = read(ch, length);
            if (bytes == null) return Optional.empty();
            Summary s = Codec.summary(bytes.array());
            if (key.equals(s.key()) && size == 8L + length + s.documentLength()) {
                head[0] = bytes.array();
                return Optional.of(s);
            }
        } catch (IOException | RuntimeException e) {
            // A corrupt, truncated or foreign entry: converted again, and the entry replaced.
        }
        return Optional.empty();
    }

    /** The next {@code n} bytes of the channel, or null where it ends before. */
    private static java.nio.ByteBuffer read(java.nio.channels.ReadableByteChannel ch, int n) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) return null;
        }
        return b.flip();
    }

    /**
     * The document of an entry whose summary was found; empty when its bytes are not those the summary
     * names (the build then converts the source again: {@link #demote()}).
     */
    Optional<EditionDocument> document(Path input, Summary s) {
        Path file = dir.resolve(entryName(input));
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length < 8) return Optional.empty();
            int length = ((all[4] & 0xff) << 24) | ((all[5] & 0xff) << 16) | ((all[6] & 0xff) << 8) | (all[7] & 0xff);
            int from = 8 + length;
            if (length <= 0 || from > all.length || all.length - from != s.documentLength()) return Optional.empty();
            MessageDigest md = CodeIdentity.sha256();
            md.update(all, from, all.length - from);
            if (!hex(md.digest()).equals(s.documentSha())) return Optional.empty();
            return Optional.of(DocumentCodec.document(java.util.Arrays.copyOfRange(all, from, all.length)));
        } catch (IOException | RuntimeException e) {
            // as above
        }
        return Optional.empty();
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
        try {
            byte[] document = DocumentCodec.bytes(doc);
            Summary s = new Summary(key, List.copyOf(warnings), List.copyOf(notices), List.copyOf(NamePropagation.names(doc)),
                    document.length, hex(CodeIdentity.sha256().digest(document)));
            byte[] head = Codec.bytes(s);
            ByteArrayOutputStream all = new ByteArrayOutputStream(8 + head.length + document.length);
            try (DataOutputStream out = new DataOutputStream(all)) {
                out.writeInt(MAGIC);
                out.writeInt(head.length);
                out.write(head);
                out.write(document);
            }
            // the folder is made with the first entry (AtomicFiles makes a missing one, and remembers it)
            String name = entryName(input);
            TeiFiles.atomicWrite(dir.resolve(name), all.toByteArray());
            summaries.put(name, head);
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
                CompactData.write(o, s.key());
                CompactData.write(o, s.warnings());
                CompactData.write(o, s.notices());
                o.writeInt(s.names().size());
                for (NamePropagation.Name n : s.names()) {
                    CompactData.write(o, n.type().name());
                    CompactData.write(o, n.key());
                    CompactData.write(o, n.code());
                }
                o.writeLong(s.documentLength());
                CompactData.write(o, s.documentSha());
            }
            return b.toByteArray();
        }

        static Summary summary(byte[] bytes) throws IOException {
            DataInputStream in = org.jiaokan.io.CompactData.input(bytes);
            String key = CompactData.string(in);
            List<String> warnings = CompactData.strings(in);
            List<String> notices = CompactData.strings(in);
            int n = CompactData.size(in);
            List<NamePropagation.Name> names = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add(new NamePropagation.Name(type(in), CompactData.string(in), CompactData.string(in)));
            Summary s = new Summary(key, warnings, notices, List.copyOf(names), in.readLong(), CompactData.string(in));
            end(in);
            return s;
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
                    String name = p.getFileName().toString();
                    if (name.endsWith(SUFFIX) && !used.contains(name)) Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Stale entries are harmless: they are keyed and would be ignored.
            }
        }
        summaries.save(used);
        written.save(used);
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
