package org.jiaokan.edition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documents of the cache's first level ({@link BuildCache}), appended to a few files instead of a file each.
 *
 * <p>A run appends what it stores to a file of its own ({@code 32 hex digits.docs}, made with its first document),
 * never to an older one: a record holds the entry's name, its summary (without its place) and its document. Where a
 * document is, its file and the offset of its first byte, is kept in its summary in the summaries' file; a run
 * that ended before writing that file leaves its records readable through {@link #scanned}, which reads the
 * records' heads (not their documents) of every file in the folder, once, up to the first record that is cut or
 * not one.
 *
 * <p>Creating a file cost a build more than writing its bytes: on ext4 50–80 µs of system time a file in a quiet
 * moment, several times that in the minutes after many files were removed (the allocator passes over the inodes
 * freed then), and an edition of 10,000 documents kept 10,000 files here. Old files are removed at the end of a run
 * ({@link #keep}): those that hold no document a summary points to, and, copied first into a new file, those where
 * such documents are less than half of the bytes, or all but the largest where there are more than
 * {@value #MOST_FILES} files.
 */
final class DocumentStore {
    static final String SUFFIX = ".docs";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.docs");
    private static final int FILE_MAGIC = 0x4a4b4446, FORMAT = 1, RECORD_MAGIC = 0x4a4b4452;
    private static final int FILE_HEAD = 8, RECORD_HEAD = 16;
    /** The longest entry name and summary a record may have (a summary is mostly a few hundred bytes: its warnings, notices and names). */
    private static final int MOST_NAME = 256, MOST_HEAD = 1 << 26;
    /** The most files kept: beyond it, all but the largest are copied into one at the end of a run. */
    static final int MOST_FILES = 8;

    /** Where a document is: its file's name, the offset of its first byte. */
    record Place(String file, long offset) {
        static final Place NONE = new Place("", -1);
    }

    /** A record's head as found by {@link #scanned}: the entry's summary (without its place) and where its document is. */
    record Found(byte[] head, Place place, long length) {}

    private final Path dir;
    private final Object appending = new Object();
    private FileChannel out;
    private String outName;
    private long outSize;
    private Map<String, List<Found>> scanned;

    DocumentStore(Path dir) {
        this.dir = dir;
    }

    /** Whether {@code name} is one of this store's file names (a name read from a file is checked before it is opened). */
    static boolean isFileName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Appends a record to this run's file (made with the first): the entry's name, its summary's bytes without the
     * place, the document. Safe on any thread; the bytes are made before, only the write is under the lock. The build
     * appends in the sources' order (the file's bytes are then the same from run to run).
     *
     * @return where the document is
     */
    Place append(String name, byte[] head, byte[] document) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer start = ByteBuffer.allocate(RECORD_HEAD - 4 + n.length + 4 + head.length);
        start.putInt(RECORD_MAGIC).putInt(n.length).put(n).putInt(head.length).put(head).putInt(document.length).flip();
        ByteBuffer[] parts = {start, ByteBuffer.wrap(document)};
        synchronized (appending) {
            if (out == null) open();
            long at = outSize;
            long total = start.remaining() + (long) document.length;
            try {
                long done = 0;
                while (done < total) done += out.write(parts);
            } catch (IOException e) {
                // A record cut short would end the scan of the file there: the rest of this run's documents go nowhere.
                close();
                throw e;
            }
            outSize = at + total;
            return new Place(outName, at + start.limit());
        }
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        // The next number after the folder's files (a build from scratch writes the same names, and the same bytes: the
        // records are appended in the sources' order); one another run took meanwhile is passed over.
        long n = 0;
        for (Path f : files()) {
            String digits = f.getFileName().toString().substring(16, 32);
            try {
                n = Math.max(n, Long.parseUnsignedLong(digits, 16));
            } catch (NumberFormatException e) {
                // not reached: the names are checked
            }
        }
        FileChannel ch = null;
        String name = null;
        for (int tries = 0; ch == null; tries++) {
            name = String.format("%032x", n + 1 + tries) + SUFFIX;
            try {
                ch = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (tries >= 100) throw e;
            }
        }
        try {
            ByteBuffer head = ByteBuffer.allocate(FILE_HEAD).putInt(FILE_MAGIC).putInt(FORMAT).flip();
            while (head.hasRemaining()) ch.write(head);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        out = ch;
        outName = name;
        outSize = FILE_HEAD;
    }

    /** Closes this run's file; a later {@link #append} starts another. */
    void close() {
        synchronized (appending) {
            if (out == null) return;
            try {
                out.close();
            } catch (IOException e) {
                // its records are checked when they are read
            }
            out = null;
        }
    }

    /**
     * The {@code length} bytes of a document at {@code place}, or null where its file is not one of this store's, is
     * missing, or ends before (the caller checks them against the summary's SHA-256).
     */
    byte[] read(Place place, long length) {
        // A planted summary or file cannot make the build allocate more than a share of the heap, nor wait on a pipe.
        if (!isFileName(place.file()) || place.offset() < FILE_HEAD || length < 0
                || length > Math.min(Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / 4)) return null;
        Path file = dir.resolve(place.file());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (length > ch.size() - place.offset()) return null;
            ByteBuffer b = ByteBuffer.allocate((int) length);
            long at = place.offset();
            while (b.hasRemaining()) {
                int n = ch.read(b, at);
                if (n < 0) return null;
                at += n;
            }
            return b.array();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The records' heads in every file of the store ({@link #scanned(java.util.Set)}). */
    Map<String, List<Found>> scanned() {
        return scanned(java.util.Set.of());
    }

    /**
     * The records' heads in the files of the store but {@code known} (those the summaries' file was written with), by
     * entry name (the later of a file first), read once: for an entry the summaries' file does not hold for its key, in
     * a file a run that ended before writing the summaries left. A file's records are read up to the first that is cut
     * or not one.
     */
    synchronized Map<String, List<Found>> scanned(java.util.Set<String> known) {
        if (scanned != null) return scanned;
        Map<String, List<Found>> found = new HashMap<>();
        // The heads kept, in bytes: a planted file of records claiming large heads stops the scan, not the build.
        long budget = Runtime.getRuntime().maxMemory() / 16;
        for (Path file : files()) {
            if (known.contains(file.getFileName().toString())) continue;
            if (budget <= 0) break;
            String fileName = file.getFileName().toString();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                long size = ch.size();
                ByteBuffer head = read(ch, 0, FILE_HEAD);
                if (head == null || head.getInt() != FILE_MAGIC || head.getInt() != FORMAT) continue;
                long at = FILE_HEAD;
                while (at + RECORD_HEAD <= size) {
                    ByteBuffer b = read(ch, at, 8);
                    if (b == null || b.getInt() != RECORD_MAGIC) break;
                    int nameLength = b.getInt();
                    if (nameLength <= 0 || nameLength > MOST_NAME || at + 8 + nameLength + 4 > size) break;
                    ByteBuffer nb = read(ch, at + 8, nameLength + 4);
                    String name = new String(nb.array(), 0, nameLength, StandardCharsets.UTF_8);
                    int headLength = nb.position(nameLength).getInt();
                    long headAt = at + 8 + nameLength + 4;
                    budget -= nameLength + headLength + 64L;
                    if (headLength < 0 || headLength > MOST_HEAD || budget < 0 || headAt + headLength + 4 > size) break;
                    ByteBuffer hb = read(ch, headAt, headLength + 4);
                    byte[] summary = java.util.Arrays.copyOf(hb.array(), headLength);
                    int length = hb.position(headLength).getInt();
                    long docAt = headAt + headLength + 4;
                    if (length < 0 || docAt + length > size) break;
                    found.computeIfAbsent(name, k -> new ArrayList<>()).add(0, new Found(summary, new Place(fileName, docAt), length));
                    at = docAt + length;
                }
            } catch (IOException | RuntimeException e) {
                // the records read so far stand; the rest are made again
            }
        }
        scanned = found;
        return found;
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) return null;
        }
        return b.flip();
    }

    /** The store's files (plain files of its names only). */
    List<Path> files() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> isFileName(p.getFileName().toString()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** An entry whose document a summary points to: its name, the length of its summary's bytes, where its document is and its length. */
    record Live(String name, int headLength, Place place, long length) {}

    /** What to do with the store's files at the end of a run ({@link #keep}). */
    record Plan(List<Live> copy, List<Path> remove) {}

    /**
     * Which files to remove at the end of a run where {@code live} are the entries whose documents the summaries point to
     * (this run's file closed before): those no live document is in, and those whose live documents are to be copied
     * into a new file first ({@code copy}): where they are less than half of the file's bytes, or, beyond
     * {@value #MOST_FILES} files, every file but the largest.
     */
    Plan keep(List<Live> live) {
        close();
        Map<String, Long> liveBytes = new HashMap<>();
        Map<String, List<Live>> byFile = new HashMap<>();
        for (Live l : live) {
            long bytes = RECORD_HEAD + l.name().length() + l.headLength() + l.length();
            liveBytes.merge(l.place().file(), bytes, Long::sum);
            byFile.computeIfAbsent(l.place().file(), k -> new ArrayList<>()).add(l);
        }
        List<Path> files = files();
        List<Path> remove = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        Map<Path, Long> sizes = new HashMap<>();
        for (Path f : files) {
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                continue;
            }
            sizes.put(f, size);
            long l = liveBytes.getOrDefault(f.getFileName().toString(), 0L);
            if (l == 0) remove.add(f);
            else kept.add(f);
        }
        Path largest = kept.stream().max(java.util.Comparator.comparingLong(sizes::get)).orElse(null);
        List<Live> copy = new ArrayList<>();
        for (Path f : kept) {
            String name = f.getFileName().toString();
            boolean sparse = 2 * liveBytes.get(name) < sizes.get(f);
            if (sparse || (kept.size() > MOST_FILES && !f.equals(largest))) {
                remove.add(f);
                List<Live> from = new ArrayList<>(byFile.get(name));
                from.sort(java.util.Comparator.comparingLong(l -> l.place().offset()));
                copy.addAll(from);
            }
        }
        return new Plan(copy, remove);
    }

    /** Removes files of the store (after the summaries that pointed into them were written). */
    void remove(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // removed at the end of a later run
            }
        }
    }
}
