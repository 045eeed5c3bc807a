package org.jiaokan.publish;

import org.jiaokan.edition.CodeIdentity;
import org.jiaokan.edition.TeiFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a publish run made, kept in the output folder ({@code OUT/.jiaokan/publish-manifest}) so that the
 * next run skips the outputs whose inputs are unchanged. Each entry is named (a document's pages, the
 * edition pages, the search index, one output format) and holds the key of its inputs (SHA-256 of
 * everything the output is made from: the TEI's bytes, the registers', edition.xml's, the theme's and
 * the code's identity, the run's formats), a payload (what the run needs of the skipped work: a
 * document's summary for the edition pages) and the files it wrote with their sizes. An entry is used
 * only when its key matches and every file it wrote is still there with its size; a manifest that
 * cannot be read is ignored (everything is made again). Only the entries of the current run are
 * written back, so outputs of documents that are gone leave it. Written atomically.
 */
public final class PublishManifest {
    /** Where the manifest lives below the output folder. */
    public static final String FILE = ".jiaokan/publish-manifest";
    private static final int MAGIC = 0x4a4b504d;
    private static final int FORMAT = 1;

    /** One output's record. */
    public record Entry(String key, byte[] payload, Map<String, Long> files) {}

    private final Path out;
    private final Map<String, Entry> old;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();

    private PublishManifest(Path out, Map<String, Entry> old) {
        this.out = out;
        this.old = old;
    }

    /** The manifest of an output folder; empty when there is none or it cannot be read. */
    public static PublishManifest load(Path out) {
        Path file = out.resolve(FILE);
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                if (in.readInt() != MAGIC || in.readInt() != FORMAT) throw new IOException("not a manifest");
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String name = in.readUTF();
                    String key = in.readUTF();
                    byte[] payload = in.readNBytes(in.readInt());
                    int files = in.readInt();
                    Map<String, Long> sizes = new TreeMap<>();
                    for (int j = 0; j < files; j++) sizes.put(in.readUTF(), in.readLong());
                    entries.put(name, new Entry(key, payload, sizes));
                }
            } catch (IOException | RuntimeException e) {
                entries.clear(); // a spoilt manifest: everything is made again
            }
        }
        return new PublishManifest(out, entries);
    }

    /**
     * The entry of this name made for exactly this key whose files are all still in the output folder
     * with their sizes; it is carried over into this run's manifest.
     */
    public Optional<Entry> find(String name, String key) {
        Entry e = old.get(name);
        if (e == null || !e.key().equals(key)) return Optional.empty();
        for (var f : e.files().entrySet()) {
            try {
                Path p = TeiFiles.inside(out, f.getKey());
                if (!Files.isRegularFile(p) || Files.size(p) != f.getValue()) return Optional.empty();
            } catch (IOException | RuntimeException ex) {
                return Optional.empty();
            }
        }
        now.put(name, e);
        return Optional.of(e);
    }

    /** Records an output made in this run: its key, its payload and the files it wrote (relative paths). */
    public void put(String name, String key, byte[] payload, List<String> files) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        for (String f : files) {
            Path p = TeiFiles.inside(out, f);
            if (Files.isRegularFile(p)) sizes.put(f, Files.size(p));
        }
        now.put(name, new Entry(key, payload == null ? new byte[0] : payload, sizes));
    }

    /** Forgets an output of this run (it failed: it is made again next time). */
    public void forget(String name) {
        now.remove(name);
    }

    /** Writes this run's entries. */
    public void save() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.writeInt(MAGIC);
            o.writeInt(FORMAT);
            Map<String, Entry> sorted = new TreeMap<>(now);
            o.writeInt(sorted.size());
            for (var e : sorted.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeUTF(e.getValue().key());
                o.writeInt(e.getValue().payload().length);
                o.write(e.getValue().payload());
                o.writeInt(e.getValue().files().size());
                for (var f : e.getValue().files().entrySet()) {
                    o.writeUTF(f.getKey());
                    o.writeLong(f.getValue());
                }
            }
        }
        TeiFiles.atomicWrite(TeiFiles.inside(out, FILE), bytes.toByteArray());
    }

    /** The files below the output folder (relative paths) with size and modification time, to see what a step wrote. */
    public static Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(out)) return files;
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".jiaokan")) continue;
                files.put(rel, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
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
        parts.add(CodeIdentity.get(out.resolve(".jiaokan/code-identity")));
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
