package org.jiaokan.edition;

import org.jiaokan.io.CompactData;
import org.jiaokan.io.Lazy;
import org.jiaokan.io.SealedFiles;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small entries of the build's cache, one per source, kept together in one sealed file ({@link SealedFiles}) instead
 * of a file each: an edition of 10,000 documents read 10,000 files on every build to find them, where it now reads
 * one. The file is read whole on first use; the entries a run puts replace those of the same names; at the end of the
 * run ({@link #save}) the file keeps the entries of the sources the run saw, and is written again only when that
 * changes what it holds. An entry holds its own key, checked by whoever reads it, so the pack itself carries no key:
 * a stale entry is only ever an entry whose key does not match. A file that is cut, spoilt or of another kind is read
 * as empty (every entry is made again).
 */
final class CachePack {
    private static final int FORMAT = 1;

    private final Path file;
    private final int magic;
    private final Lazy<Map<String, byte[]>> old;
    private final Map<String, byte[]> fresh = new ConcurrentHashMap<>();

    /** The pack kept in {@code file}, sealed with {@code magic}. */
    CachePack(Path file, int magic) {
        this.file = file;
        this.magic = magic;
        this.old = Lazy.of(() -> read(file, magic));
    }

    /** The smallest entry: its name's length, its own length. */
    private static final int SMALLEST_ENTRY = 8;

    private static Map<String, byte[]> read(Path file, int magic) {
        try {
            // A file that is not one, or larger than a share of the heap, is not read (a planted one cannot make the
            // build run out of memory): its entries are made again.
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > Runtime.getRuntime().maxMemory() / 4) return Map.of();
            DataInputStream in = SealedFiles.open(file, magic, FORMAT);
            int n = CompactData.size(in);
            if (n > in.available() / SMALLEST_ENTRY) throw new IOException(file + ": not a pack");
            Map<String, byte[]> entries = new HashMap<>(Math.min(n, 1 << 16) * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
                String name = CompactData.string(in);
                int length = in.readInt();
                if (length < 0 || length > in.available()) throw new IOException(file + ": cut");
                entries.put(name, in.readNBytes(length));
            }
            if (in.available() != 0) throw new IOException(file + ": not a pack");
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // made again, entry by entry
        }
    }

    private Map<String, byte[]> old() {
        try {
            return old.get();
        } catch (IOException e) {
            return Map.of(); // read() reports nothing: not reached
        }
    }

    /** The entry of this name, put by this run or read from the file; null where there is none. Safe on any thread. */
    byte[] get(String name) {
        byte[] b = fresh.get(name);
        return b != null ? b : old().get(name);
    }

    /** Puts an entry, replacing any of its name. Safe on any thread. */
    void put(String name, byte[] bytes) {
        fresh.put(name, bytes);
    }

    /**
     * Writes the file with the entries of {@code names} (those of other names leave it), unless it would hold what it
     * holds already; with no entry left it is removed. A file that cannot be written only costs time next run.
     */
    void save(Collection<String> names) {
        Map<String, byte[]> before = old();
        TreeMap<String, byte[]> keep = new TreeMap<>();
        boolean changed = false;
        for (String name : names) {
            byte[] now = fresh.get(name);
            byte[] was = before.get(name);
            if (now != null && !Arrays.equals(now, was)) changed = true;
            byte[] b = now != null ? now : was;
            if (b != null) keep.put(name, b);
        }
        if (keep.size() != before.size()) changed = true;
        try {
            if (keep.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
        } catch (IOException e) {
            return;
        }
        if (!changed && Files.isRegularFile(file)) return;
        SealedFiles.write(file, magic, FORMAT, o -> {
            o.writeInt(keep.size());
            for (Map.Entry<String, byte[]> e : keep.entrySet()) {
                CompactData.write(o, e.getKey());
                o.writeInt(e.getValue().length);
                o.write(e.getValue());
            }
        });
    }
}
