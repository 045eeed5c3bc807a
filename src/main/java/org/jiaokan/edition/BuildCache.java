package org.jiaokan.edition;

import org.jiaokan.model.EditionDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
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
 * A content-addressed cache of what the recogniser made of each source, before the steps that look
 * across documents (the names dictionary, the registers). An entry is found by the source's file name
 * and holds the key it was made for: SHA-256 of the source's bytes, its file name, the code's identity
 * ({@link CodeIdentity}) and the run's context (the edition's metadata, a forced encoding). An entry
 * whose key differs, that cannot be read, or that holds anything but the model's own records is
 * ignored and the source converted again. Entries are written atomically; entries of sources that a
 * run did not see are removed at its end.
 */
final class BuildCache {
    /** The format of the entries; raised when what they hold changes. */
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".entry";

    /** What the recogniser made of one source: the document before name propagation and its warnings. */
    record Recognised(String key, EditionDocument doc, List<String> warnings) implements Serializable {}

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=10000000;maxbytes=1000000000;"
                    + "org.jiaokan.model.*;org.jiaokan.edition.BuildCache$Recognised;java.lang.*;java.util.*;!*");

    private final Path dir;
    private final String context;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    /**
     * @param dir     the cache folder (created on first write)
     * @param context      everything besides a source's bytes, name and id that its conversion depends on
     * @param codeIdentity the code's identity, or null for the running code's ({@link CodeIdentity#get()})
     */
    BuildCache(Path dir, String context, String codeIdentity) {
        this.dir = dir;
        String code = codeIdentity == null ? CodeIdentity.get() : codeIdentity;
        this.context = hex(sha("format " + FORMAT + "\ncode " + code + "\n" + context));
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
        MessageDigest content = CodeIdentity.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(input)) {
            for (int n; (n = in.read(buffer)) > 0; ) content.update(buffer, 0, n);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        MessageDigest md = CodeIdentity.sha256();
        md.update(context.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(id.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(input.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(content.digest());
        return Optional.of(hex(md.digest()));
    }

    private Path entry(Path input) {
        return dir.resolve(hex(sha(input.getFileName().toString())) + SUFFIX);
    }

    /** The cached result for this source, when there is one made for exactly this key. */
    Optional<Recognised> find(Path input, String key) {
        Path file = entry(input);
        used.add(file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            in.setObjectInputFilter(FILTER);
            if (in.readObject() instanceof Recognised r && key.equals(r.key()) && r.doc() != null && r.warnings() != null) {
                hits.incrementAndGet();
                return Optional.of(r);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // A corrupt, truncated or foreign entry: converted again, and the entry replaced.
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    /** Stores a source's result; a result that cannot be stored is simply converted again next time. */
    void store(Path input, Recognised r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(r);
            }
            Files.createDirectories(dir);
            TeiFiles.atomicWrite(entry(input), bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // Not cached: the build does not depend on its cache.
        }
    }

    /** Removes the entries of sources this run did not see (deleted or renamed sources). */
    void prune() {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX) && !used.contains(name)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Stale entries are harmless: they are keyed and would be ignored.
        }
    }

    static byte[] sha(String s) {
        return CodeIdentity.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
