package org.jiaokan.publish;

import org.jiaokan.edition.CodeIdentity;
import org.jiaokan.edition.TeiFiles;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a publish run made, so that the next run into the same folder skips the outputs whose inputs are
 * unchanged. It is kept outside the published folder, which holds only the publication: beside it, in a
 * hidden folder named after it ({@code target/site} has {@code target/.site.jiaokan/publish-manifest}, see
 * {@link #location}). Each entry is named (a document's pages by the document's path relative to the inputs,
 * the edition pages, the search index, one output format) and holds the key of its inputs (SHA-256 of
 * everything the output is made from: the TEI's bytes, the register entries it shows, edition.xml's, the
 * theme's and the code's identity, the run's formats), a payload (what the run needs of the skipped work:
 * a document's facts for the edition pages, with its summary's SHA-256) and the files it wrote (paths relative to the output folder)
 * with their sizes and modification times. No absolute path is kept, so a manifest moved with its edition
 * and its output still holds. An entry is used only when its key matches and every file it wrote is still
 * there with its size and time (a file edited or deleted since is made again); a manifest that cannot be
 * read, is spoilt (its closing digest does not match) or of another version is ignored, and everything is
 * made again. Only the entries of the current run are written back, so outputs of documents that are gone
 * leave it. Written atomically; a folder where it cannot be written only means the next run is a full one.
 */
public final class PublishManifest {
    /** The manifest's file name in its folder. */
    public static final String NAME = "publish-manifest";
    private static final int MAGIC = 0x4a4b504d;
    private static final int FORMAT = 2;

    /** One output's record: its key, its payload, and per file written its size and modification time. */
    public record Entry(String key, byte[] payload, Map<String, Stamp> files) {}

    /** A file's size and modification time (nanoseconds), as it was when the manifest recorded it. */
    public record Stamp(long size, long time) {
        static Stamp of(Path p) throws IOException {
            return of(Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class));
        }

        /** The stamp of a regular file (links followed), or null for anything else or nothing: one look at the file. */
        static Stamp ofFile(Path p) {
            try {
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                return a.isRegularFile() ? of(a) : null;
            } catch (IOException e) {
                return null;
            }
        }

        private static Stamp of(java.nio.file.attribute.BasicFileAttributes a) {
            return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    private final Path out;
    private final Path file;
    private final Map<String, Entry> old;
    /** The names of the manifest read in its order when that is sorted (as this code writes it), else null. */
    private final String[] oldOrder;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();

    private PublishManifest(Path out, Path file, Map<String, Entry> old, String[] oldOrder) {
        this.out = out;
        this.file = file;
        this.old = old;
        this.oldOrder = oldOrder;
    }

    /**
     * Where the manifest of an output folder lives: {@code PARENT/.NAME.jiaokan/publish-manifest} beside the
     * folder {@code PARENT/NAME}; null for a folder without a parent (the file system's root).
     */
    public static Path location(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) return null;
        return parent.resolve("." + abs.getFileName() + ".jiaokan").resolve(NAME);
    }

    /** The folder of the manifest's own bookkeeping (the code's identity memo), or null. */
    public static Path folder(Path out) {
        Path f = location(out);
        return f == null ? null : f.getParent();
    }

    /** The manifest of an output folder; empty when there is none or it cannot be read. */
    public static PublishManifest load(Path out) {
        Path file = location(out);
        // Looked up by name only (what is written back is sorted then); each entry's files kept in the order written,
        // which is sorted: a manifest of tens of thousands of entries is read without comparing names.
        Map<String, Entry> entries = new java.util.HashMap<>();
        String[] order = null;
        if (file != null && Files.isRegularFile(file)) {
            try {
                DataInputStream in = org.jiaokan.io.SealedFiles.open(file, MAGIC, FORMAT);
                int n = in.readInt();
                if (n < 0 || n > in.available()) throw new IOException("not a manifest");
                entries = new java.util.HashMap<>(n * 4 / 3 + 1);
                String[] names = new String[n];
                boolean sorted = true;
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    names[i] = name;
                    if (i > 0 && sorted && names[i - 1].compareTo(name) >= 0) sorted = false;
                    String key = in.readUTF();
                    byte[] payload = in.readNBytes(in.readInt());
                    int files = in.readInt();
                    if (files < 0 || files > in.available()) throw new IOException("not a manifest");
                    Map<String, Stamp> stamps = new java.util.LinkedHashMap<>(files * 4 / 3 + 1);
                    for (int j = 0; j < files; j++) stamps.put(in.readUTF(), new Stamp(in.readLong(), in.readLong()));
                    entries.put(name, new Entry(key, payload, stamps));
                }
                if (in.available() != 0) throw new IOException("not a manifest");
                if (sorted) order = names;
            } catch (IOException | RuntimeException e) {
                entries.clear(); // a spoilt or foreign manifest: everything is made again
                order = null;
            }
        }
        return new PublishManifest(out, file, entries, order);
    }

    /** The entry of this name in the manifest read, whatever its key (its payload tells what a key check needs). */
    public Optional<Entry> recorded(String name) {
        return Optional.ofNullable(old.get(name));
    }

    /**
     * The entry of this name whatever its key, when every file it wrote is still in the output folder with its
     * size and time (it is not carried over: what is made from it is put anew).
     */
    public Optional<Entry> recordedIntact(String name) {
        Entry e = old.get(name);
        return e != null && intact(e) ? Optional.of(e) : Optional.empty();
    }

    private boolean intact(Entry e) {
        // An entry of many files (the site's listings and register pages: tens of thousands at 10,000 documents)
        // is looked at on every core, unless the run is held to one thread.
        if (e.files().size() >= PARALLEL_FILES && org.jiaokan.edition.Ordered.threads() > 1) return e.files().entrySet().parallelStream().allMatch(this::intact);
        for (var f : e.files().entrySet()) if (!intact(f)) return false;
        return true;
    }

    private static final int PARALLEL_FILES = 4096;

    /** Whether a recorded file is in the output folder with its recorded size and time. */
    private boolean intact(Map.Entry<String, Stamp> f) {
        try {
            return f.getValue().equals(Stamp.ofFile(TeiFiles.inside(out, f.getKey())));
        } catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * The entry of this name made for exactly this key whose files are all still in the output folder
     * with their sizes and times; it is carried over into this run's manifest.
     */
    public Optional<Entry> find(String name, String key) {
        Entry e = old.get(name);
        if (e == null || !e.key().equals(key) || !intact(e)) return Optional.empty();
        now.put(name, e);
        kept.incrementAndGet();
        return Optional.of(e);
    }

    /** Carries the entries of these names over into this run's manifest as they are (their output was found unchanged as a whole). */
    public void carry(java.util.function.Predicate<String> names) {
        old.forEach((name, e) -> {
            if (names.test(name)) now.putIfAbsent(name, e);
        });
    }

    /** Records an output made in this run: its key, its payload and the files it wrote (relative paths). */
    public void put(String name, String key, byte[] payload, List<String> files) throws IOException {
        Map<String, Stamp> stamps = new TreeMap<>();
        for (String f : files) {
            Path p = TeiFiles.inside(out, f);
            Stamp st = Stamp.ofFile(p);
            if (st != null) stamps.put(f, st);
        }
        // Held in the kind of map an entry read back has (in the same, sorted, order): the manifest's save then
        // meets one kind of map, and its compiled loop is not thrown away when a run both keeps and makes outputs.
        now.put(name, new Entry(key, payload == null ? new byte[0] : payload, new java.util.LinkedHashMap<>(stamps)));
    }

    /** Forgets an output of this run (it failed: it is made again next time). */
    public void forget(String name) {
        now.remove(name);
    }

    /**
     * Removes the files the manifest read recorded that this run's entries no longer hold: those an output
     * made again no longer makes (the page of a register entry that is gone), for the outputs whose entries
     * list every file they make ({@code listsAll}), and those of documents that are
     * no longer among the inputs ({@code gone}: their entries' names). A file is removed only when it still
     * has the size and time recorded for it (so never one this run wrote, nor one changed by hand since);
     * outputs that failed in this run keep their files. Returns the files removed.
     */
    public List<String> prune(java.util.function.Predicate<String> listsAll, java.util.function.Predicate<String> gone) {
        // The files this run's entries hold, gathered when an entry is first found to have gone or changed.
        Set<String> kept = new java.util.HashSet<>();
        List<String> removed = new ArrayList<>();
        for (var e : old.entrySet()) {
            Entry made = now.get(e.getKey());
            if (made == e.getValue() || (made == null && !gone.test(e.getKey())) || (made != null && !listsAll.test(e.getKey()))) continue;
            for (var f : e.getValue().files().entrySet()) {
                // Most often the entry made again holds the same file.
                if (made != null && made.files().containsKey(f.getKey())) continue;
                try {
                    Path p = TeiFiles.inside(out, f.getKey());
                    if (!f.getValue().equals(Stamp.ofFile(p))) continue;
                    if (kept.isEmpty()) now.values().forEach(n -> kept.addAll(n.files().keySet()));
                    if (kept.contains(f.getKey())) continue;
                    Files.delete(p);
                    removed.add(f.getKey());
                } catch (IOException | RuntimeException ex) {
                    // left as it is: the next full publication has the same files, this one keeps one more
                }
            }
        }
        java.util.Collections.sort(removed);
        return removed;
    }

    /**
     * Removes the files the manifest read recorded for an output about to be made again, where they still have
     * their recorded sizes and times: an output that reads the folder it writes into (the catalogue's
     * repository file lists the records there) then finds what a publication into an empty folder finds.
     */
    public void clear(String name) {
        Entry e = old.get(name);
        if (e == null) return;
        for (var f : e.files().entrySet()) {
            try {
                Path p = TeiFiles.inside(out, f.getKey());
                if (f.getValue().equals(Stamp.ofFile(p))) Files.delete(p);
            } catch (IOException | RuntimeException ex) {
                // made again over it
            }
        }
    }

    /** How many outputs of this run were found unchanged (not made again). */
    public int kept() {
        return kept.get();
    }

    /**
     * Writes this run's entries, unless they are those of the file read, as read ({@link #unchanged}): the file is then
     * left as it is. A manifest that cannot be written (a read-only parent folder) is removed where it can be, and
     * otherwise left: its entries' files no longer have the times it recorded.
     */
    public void save() {
        if (file == null) return;
        // Written again it would be byte for byte the file read (tens of megabytes at 10,000 documents).
        if (unchanged() && Files.isRegularFile(file)) return;
        org.jiaokan.io.SealedFiles.write(file, MAGIC, FORMAT, o -> {
            List<String> sorted = sortedNames();
            o.writeInt(sorted.size());
            for (String name : sorted) {
                Entry e = now.get(name);
                o.writeUTF(name);
                o.writeUTF(e.key());
                o.writeInt(e.payload().length);
                o.write(e.payload());
                o.writeInt(e.files().size());
                for (var f : e.files().entrySet()) {
                    o.writeUTF(f.getKey());
                    o.writeLong(f.getValue().size());
                    o.writeLong(f.getValue().time());
                }
            }
        });
    }

    /**
     * Whether this run's manifest is the one read: read whole and in order, with the same names, each entry carried
     * over as it was read ({@link #find}, {@link #carry}); an entry put in this run counts as a change, whatever it holds.
     */
    boolean unchanged() {
        if (oldOrder == null || now.size() != old.size()) return false;
        for (Map.Entry<String, Entry> e : now.entrySet()) if (old.get(e.getKey()) != e.getValue()) return false;
        return true;
    }

    /**
     * This run's names in their order. Most are the names of the manifest read, which is sorted: those still here
     * are taken in its order and merged with the new ones, sorted (sorting tens of thousands of names took longer
     * than writing them).
     */
    List<String> sortedNames() {
        if (oldOrder == null) {
            List<String> all = new ArrayList<>(now.keySet());
            all.sort(null);
            return all;
        }
        List<String> added = new ArrayList<>();
        for (String name : now.keySet()) if (!old.containsKey(name)) added.add(name);
        added.sort(null);
        List<String> all = new ArrayList<>(now.size());
        int a = 0;
        for (String name : oldOrder) {
            if (!now.containsKey(name)) continue;
            while (a < added.size() && added.get(a).compareTo(name) < 0) all.add(added.get(a++));
            all.add(name);
        }
        while (a < added.size()) all.add(added.get(a++));
        return all;
    }

    /** The files below the output folder (relative paths) with size and modification time, to see what a step wrote. */
    public static Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(out)) return files;
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (p.getFileName().toString().startsWith(".jiaokan")) continue; // the run's lock and temporary files
                files.put(rel, Stamp.of(p).toString());
            }
        }
        return files;
    }

    /** The files that appeared or changed between two snapshots. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        after.forEach((f, v) -> {
            if (!v.equals(before.get(f))) out.add(f);
        });
        return out;
    }

    /** A key over strings and byte arrays (each part separated, so parts cannot run together). */
    public static String key(Object... parts) {
        MessageDigest md = CodeIdentity.sha256();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] bytes ? bytes : String.valueOf(p).getBytes(StandardCharsets.UTF_8);
            md.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
            md.update((byte) ':');
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a file's bytes, or "none" for a missing file. */
    public static String sha(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) return "none";
        return HexFormat.of().formatHex(CodeIdentity.sha256().digest(Files.readAllBytes(file)));
    }

    /** The identity of a theme: the code's (which holds the bundled theme) and every file of the edition's overrides. */
    public static String themeIdentity(Path overrides, Path out) throws IOException {
        List<Object> parts = new ArrayList<>();
        Path memo = folder(out);
        parts.add(CodeIdentity.get(memo == null ? null : memo.resolve("code-identity")));
        if (overrides != null && Files.isDirectory(overrides)) {
            try (Stream<Path> s = Files.walk(overrides)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    parts.add(overrides.relativize(p).toString());
                    parts.add(Files.readAllBytes(p));
                }
            }
        }
        return key(parts.toArray());
    }
}
