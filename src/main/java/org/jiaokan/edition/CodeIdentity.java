package org.jiaokan.edition;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of the code that converts: a SHA-256 over Jiaokan's own classes and resources (the
 * jar's bytes, or every file under the classes folder) and over the name and size of every other
 * entry of the class path (the libraries, whose versions are in their names). Computed once per
 * process; a cache entry made by other code is never reused.
 */
public final class CodeIdentity {
    private CodeIdentity() {}

    private static volatile String identity;
    private static volatile String conversionIdentity;

    /**
     * Jiaokan's packages and resources that no conversion reads (the publication, the server, the benchmark, the
     * bag packager, the command line and the site's theme): they are left out of {@link #conversion()}, so that a
     * release that changes only them converts no source again. {@code ConversionCodeTest} checks that no other
     * package of Jiaokan refers to them.
     */
    static final List<String> NOT_CONVERSION = List.of("org/jiaokan/bench/", "org/jiaokan/cli/", "org/jiaokan/deposit/",
            "org/jiaokan/publish/", "org/jiaokan/serve/", "org/jiaokan/site/");

    /** The identity of the running code, as lower-case hex. */
    public static String get() {
        String id = identity;
        if (id == null) {
            synchronized (CodeIdentity.class) {
                if (identity == null) identity = compute();
                id = identity;
            }
        }
        return id;
    }

    /**
     * As {@link #get()}, remembered in {@code memo} for a jar: the identity is computed again only when the
     * jar's path, size or modification time differ from those the memo was written for (hashing the
     * jar costs the better part of a second, more than an incremental build of an unchanged edition).
     */
    public static String get(Path memo) {
        if (identity != null || memo == null) return get();
        return remembered(memo, "", CodeIdentity::get, known -> {
            synchronized (CodeIdentity.class) {
                if (identity == null) identity = known;
                return identity;
            }
        });
    }

    /**
     * An identity remembered in {@code memo} (its stamp headed by {@code kind}) for code that is one jar alone on
     * the class path (as the launcher runs it), with the jar's path, size and time: {@code adopt} takes one found
     * there, {@code compute} makes it (and is all there is for other code, or when the memo cannot be used).
     */
    private static String remembered(Path memo, String kind, java.util.function.Supplier<String> compute,
                                     java.util.function.UnaryOperator<String> adopt) {
        Path own = ownCode();
        String classPath = System.getProperty("java.class.path", "");
        if (own == null || !Files.isRegularFile(own) || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !Path.of(classPath).toAbsolutePath().normalize().equals(own)) {
            return compute.get();
        }
        try {
            String stamp = kind + own + "\n" + Files.size(own) + "\n" + Files.getLastModifiedTime(own).toMillis() + "\n";
            if (Files.isRegularFile(memo)) {
                String kept = Files.readString(memo, StandardCharsets.UTF_8);
                if (kept.startsWith(stamp) && kept.substring(stamp.length()).matches("[0-9a-f]{64}\n")) {
                    return adopt.apply(kept.substring(stamp.length()).strip());
                }
            }
            String computed = compute.get();
            Files.createDirectories(memo.toAbsolutePath().getParent());
            TeiFiles.atomicWrite(memo, (stamp + computed + "\n").getBytes(StandardCharsets.UTF_8));
            return computed;
        } catch (IOException | RuntimeException e) {
            return compute.get();
        }
    }

    /**
     * The identity of the code a conversion runs: as {@link #get()}, without the files of {@link #NOT_CONVERSION}.
     * A jar's entries are identified by their names, sizes and CRC-32s as the jar lists them (no entry is read).
     */
    public static String conversion() {
        String id = conversionIdentity;
        if (id == null) {
            synchronized (CodeIdentity.class) {
                if (conversionIdentity == null) conversionIdentity = computeConversion();
                id = conversionIdentity;
            }
        }
        return id;
    }

    /** As {@link #conversion()}, remembered in {@code memo} for a jar as {@link #get(Path)} remembers its identity. */
    public static String conversion(Path memo) {
        if (conversionIdentity != null || memo == null) return conversion();
        return remembered(memo, "conversion\n", CodeIdentity::conversion, known -> {
            synchronized (CodeIdentity.class) {
                if (conversionIdentity == null) conversionIdentity = known;
                return conversionIdentity;
            }
        });
    }

    static boolean conversionFileName(String name) {
        for (String prefix : NOT_CONVERSION) if (name.startsWith(prefix)) return false;
        return true;
    }

    private static String computeConversion() {
        return digest("jiaokan conversion ", CodeIdentity::conversionFileName, true);
    }

    private static Path ownCode() {
        try {
            var source = Toolkit.class.getProtectionDomain().getCodeSource();
            if (source != null) return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
        return null;
    }

    private static String compute() {
        return digest("jiaokan ", name -> true, false);
    }

    /**
     * A SHA-256 over Jiaokan's own files that {@code included} names (a class folder's files, read; a jar read whole,
     * or with {@code jarEntries} its entries' names, sizes and CRC-32s as it lists them) and the names and sizes of
     * the other entries of the class path. Code that cannot be read gets an identity no later run shares; so does
     * code whose source cannot be found, for the conversion's identity ({@code jarEntries}).
     */
    private static String digest(String heading, java.util.function.Predicate<String> included, boolean jarEntries) {
        MessageDigest md = sha256();
        md.update((heading + Toolkit.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        Path own = ownCode();
        try {
            if (own == null) {
                md.update(("unknown code source" + (jarEntries ? " " + System.nanoTime() : "") + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(own)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(own)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    String name = own.relativize(f).toString().replace('\\', '/');
                    if (!included.test(name)) continue;
                    md.update((name + "\n").getBytes(StandardCharsets.UTF_8));
                    digestFile(md, f);
                }
            } else if (jarEntries) {
                List<String> entries = new java.util.ArrayList<>();
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(own.toFile())) {
                    zip.stream().filter(e -> !e.isDirectory() && included.test(e.getName()))
                            .forEach(e -> entries.add(e.getName() + " " + e.getSize() + " " + Long.toHexString(e.getCrc())));
                }
                java.util.Collections.sort(entries);
                for (String e : entries) md.update((e + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                digestFile(md, own);
            }
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (entry.isEmpty()) continue;
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (p.equals(own) || !Files.isRegularFile(p)) continue;
                md.update((p.getFileName() + " " + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // Code that cannot be read cannot be identified: an identity no later run shares.
            md.update(("unreadable " + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digestFile(MessageDigest md, Path f) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buffer)) > 0; ) md.update(buffer, 0, n);
        }
        md.update((byte) '\n');
    }

    public static MessageDigest sha256() {
        return org.jiaokan.io.FileDigests.sha256();
    }
}
