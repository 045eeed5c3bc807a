package org.jiaokan.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of files, remembered with what the file system says of each file (size, modification and
 * change times, inode), so that a run over thousands of unchanged files does not read and hash them all
 * again. A remembered digest is used only when all of these are still those it was made with, and only
 * when the file had last been modified at least {@link #SETTLED_NANOS} before it was hashed: a file changed
 * again within the same tick of the file system's clock, with the same size, could otherwise keep its old
 * times, so a digest made that soon after a change is made again next time (as Git treats racily clean
 * files). Any other case (a file unknown, changed, or the memo missing, spoilt or of another version) hashes
 * the file's bytes; {@code -Djiaokan.rehash=true} hashes every file. The memo holds only the files the run
 * asked for, under the names the caller gives (relative paths, so that it moves with its folder); it is
 * written atomically and a memo that cannot be written only means the files are hashed next time.
 */
public final class FileDigests {
    /** How long before its hashing a file's last modification must be for its digest to be trusted later. */
    static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAGIC = 0x4a4b4644;
    private static final int FORMAT = 1;

    /** What the file system said of a file, and its digest. */
    private record Known(long size, long modified, long changed, long inode, long hashedAt, byte[] sha) {}

    private final Path memo;
    private final Map<String, Known> old;
    private final Map<String, Known> now = new ConcurrentHashMap<>();
    private final boolean trust;
    private final java.util.concurrent.atomic.AtomicInteger hashed = new java.util.concurrent.atomic.AtomicInteger();

    private FileDigests(Path memo, Map<String, Known> old, boolean trust) {
        this.memo = memo;
        this.old = old;
        this.trust = trust;
    }

    /** The memo kept in {@code memo} (null: none is kept, every file is hashed). */
    public static FileDigests load(Path memo) {
        // Looked up by name only (what is written back is sorted then).
        Map<String, Known> entries = new java.util.HashMap<>();
        boolean trust = !Boolean.getBoolean("jiaokan.rehash");
        if (memo != null && trust && Files.isRegularFile(memo)) {
            try {
                DataInputStream in = SealedFiles.open(memo, MAGIC, FORMAT);
                int n = CompactData.size(in);
                entries = new java.util.HashMap<>(n * 4 / 3 + 1);
                for (int i = 0; i < n; i++) {
                    String name = CompactData.string(in);
                    Known k = new Known(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readNBytes(32));
                    if (k.sha().length != 32) throw new IOException("cut");
                    entries.put(name, k);
                }
                if (in.available() != 0) throw new IOException("not a memo");
            } catch (IOException | RuntimeException e) {
                entries.clear(); // every file is hashed again
            }
        }
        return new FileDigests(memo, entries, trust);
    }

    /** A memo that remembers nothing: every file is hashed. */
    public static FileDigests none() {
        return new FileDigests(null, Map.of(), false);
    }

    /**
     * The SHA-256 of a file's bytes, or null when it is not a regular file or cannot be read.
     *
     * @param name the file's name in the memo (a path relative to the folder the memo is about)
     */
    public byte[] sha(Path file, String name) {
        // a TEI file not written yet: no exception of its absence (its look after the reading below needs no such test)
        if (!FileTrees.isFile(file)) return null;
        Stat before = Stat.of(file);
        if (before == null) return null;
        Known k = old.get(name);
        if (trust && k != null && before.matches(k) && k.hashedAt() - k.modified() >= SETTLED_NANOS) {
            now.put(name, k);
            return k.sha().clone();
        }
        hashed.incrementAndGet();
        long hashedAt = System.currentTimeMillis() * 1_000_000L;
        MessageDigest md = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) md.update(buffer, 0, n);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        byte[] sha = md.digest();
        Stat after = Stat.of(file);
        // Remembered only when nothing changed the file while it was read.
        if (after != null && after.equals(before)) {
            now.put(name, new Known(before.size(), before.modified(), before.changed(), before.inode(), hashedAt, sha.clone()));
        }
        return sha;
    }

    /** As {@link #sha(Path, String)}, as lower-case hex, or "none" where there is no such file. */
    public String hex(Path file, String name) {
        byte[] sha = file == null ? null : sha(file, name);
        return sha == null ? "none" : HexFormat.of().formatHex(sha);
    }

    /** How many files this memo read and hashed (the others' digests were remembered). */
    int hashed() {
        return hashed.get();
    }

    /** Writes the digests this run asked for (only those: files no longer asked for leave the memo). */
    public void save() {
        if (memo == null || !trust) return;
        // Every file asked for was remembered as it is, and no other: the memo on disk is this one already.
        if (now.size() == old.size() && now.entrySet().stream().allMatch(e -> old.get(e.getKey()) == e.getValue())
                && Files.isRegularFile(memo)) return;
        SealedFiles.write(memo, MAGIC, FORMAT, o -> {
            java.util.List<Map.Entry<String, Known>> sorted = new java.util.ArrayList<>(now.entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            o.writeInt(sorted.size());
            for (Map.Entry<String, Known> e : sorted) {
                Known k = e.getValue();
                CompactData.write(o, e.getKey());
                o.writeLong(k.size());
                o.writeLong(k.modified());
                o.writeLong(k.changed());
                o.writeLong(k.inode());
                o.writeLong(k.hashedAt());
                o.write(k.sha());
            }
        });
    }

    /** Size, modification and change times (nanoseconds) and inode of a regular file, not following a last link. */
    private record Stat(long size, long modified, long changed, long inode) {
        static Stat of(Path p) {
            try {
                if (UNIX) {
                    Map<String, Object> a = Files.readAttributes(p, "unix:size,lastModifiedTime,ctime,ino,isRegularFile");
                    if (!Boolean.TRUE.equals(a.get("isRegularFile"))) return null;
                    return new Stat((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), (Long) a.get("ino"));
                }
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                if (!a.isRegularFile()) return null;
                return new Stat(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.creationTime().to(TimeUnit.NANOSECONDS),
                        a.fileKey() == null ? 0 : a.fileKey().hashCode());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        boolean matches(Known k) {
            return size == k.size() && modified == k.modified() && changed == k.changed() && inode == k.inode();
        }

        private static long nanos(Object time) {
            return ((java.nio.file.attribute.FileTime) time).to(TimeUnit.NANOSECONDS);
        }
    }

    /** Whether the file system has the unix attribute view (change time and inode). */
    private static final boolean UNIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
