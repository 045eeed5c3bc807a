package org.jiaokan.deposit;

import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.domain.Version;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.hash.SupportedAlgorithm;
import gov.loc.repository.bagit.writer.BagitFileWriter;
import gov.loc.repository.bagit.writer.MetadataWriter;
import org.jiaokan.edition.FileModes;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.io.FileTrees;
import org.jiaokan.publish.Publisher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Packages an edition as a BagIt 1.0 bag for an archive, with the Library of Congress's BagIt
 * library: its domain model, hasher and writers. Payload:
 * <ul>
 *   <li>{@code data/sources/}: the raw sources, byte for byte ({@code EDITION/sources/});</li>
 *   <li>{@code data/tei/}: the rest of the edition folder ({@code edition.xml}, {@code docs/} with the
 *       registers, {@code schema/}, an edition's theme overrides); {@code schema/jiaokan.rng} from the
 *       toolkit when the edition has none;</li>
 *   <li>{@code data/site/}: the published output (the HTML site, and the print edition {@code pdf/}
 *       and catalogue records {@code records/} where the publisher writes them).</li>
 * </ul>
 * Hidden files (a name starting with {@code .}) are left out; symbolic links are followed only
 * when they stay inside their folder. SHA-256 and SHA-512 payload and tag manifests. The manifests
 * list files in the order of their paths and {@code bag-info.txt} takes its dates from the
 * edition's metadata, so the same inputs give the same bytes. The bag is made in a temporary
 * folder beside the output and moved into place; an existing folder that is not a bag is never
 * replaced.
 */
public final class BagPackager {
    /** The manifests' algorithms, in the order they are listed. */
    public static final List<StandardSupportedAlgorithms> ALGORITHMS =
            List.of(StandardSupportedAlgorithms.SHA256, StandardSupportedAlgorithms.SHA512);
    private static final Version BAGIT_1_0 = new Version(1, 0);

    /**
     * What a run made: the bag, its payload files and bytes, and the errors that kept it from being made: the
     * publisher's if it published ({@code publishing}), else the payload's files that cannot be in a bag.
     */
    public record Result(Path bag, long files, long bytes, List<String> errors, boolean publishing, List<String> notices) {
        public Result(Path bag, long files, long bytes, List<String> errors, boolean publishing) {
            this(bag, files, bytes, errors, publishing, List.of());
        }

        public boolean ok() { return errors.isEmpty(); }
    }

    /** A problem that stops the package being made (one line for the user). */
    public static final class PackageException extends IOException {
        public PackageException(String message) { super(message); }
    }

    private BagPackager() {}

    /** The default bag folder: {@code parent/NAME-VERSION-bag}, NAME from the edition's URI, else its folder. */
    public static Path defaultBag(Path parent, Path editionDir, EditionInfo info) {
        String name = "";
        String uri = info.uri().replaceAll("[?#].*$", "");
        for (String seg : uri.split("/")) if (!seg.isEmpty() && !seg.contains(":")) name = seg;
        int path = uri.indexOf("//") < 0 ? -1 : uri.indexOf('/', uri.indexOf("//") + 2);
        if (path < 0 || uri.lastIndexOf(name) < path) name = ""; // the URI names only a host
        if (name.isEmpty()) {
            Path f = editionDir.toAbsolutePath().normalize().getFileName();
            name = f == null ? "edition" : f.toString();
        }
        String safe = (name + (info.version().isEmpty() ? "" : "-" + info.version())).replaceAll("[^\\p{L}\\p{N}._-]", "-");
        return parent.resolve(safe.replaceAll("^[.-]+", "") + "-bag");
    }

    /**
     * Packages {@code editionDir} into {@code bag}. {@code site} is the published folder; when it
     * does not exist the edition is published (every format) into a temporary folder first.
     */
    public static Result pack(Path editionDir, Path site, Path bag) throws IOException {
        Path editionXml = editionDir.resolve("edition.xml");
        if (!Files.isRegularFile(editionXml)) throw new PackageException(editionDir + ": not an edition folder (no edition.xml)");
        EditionInfo info;
        try {
            info = EditionInfo.read(editionXml);
        } catch (IOException e) {
            throw new PackageException(editionXml + ": " + e.getMessage());
        }
        checkTarget(bag);
        Path absBag = bag.toAbsolutePath().normalize();
        for (Path packed : site == null ? List.of(editionDir) : List.of(editionDir, site)) {
            Path abs = packed.toAbsolutePath().normalize();
            if (absBag.startsWith(abs) || abs.startsWith(absBag)) {
                throw new PackageException(bag + ": a bag cannot be inside a folder it packages, nor hold one (" + packed + ")");
            }
        }
        Path parent = absBag.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + absBag.getFileName() + ".tmp-");
        Path published = null;
        try {
            List<String> errors = new ArrayList<>();
            Path siteDir = site;
            if (site == null || !Files.isDirectory(site)) {
                published = Files.createTempDirectory(parent, ".jiaokan-publish-");
                Publisher.Result r = new Publisher(new Publisher.Options(published, new LinkedHashSet<>(Publisher.FORMATS), null, 0))
                        .publish(List.of(editionDir));
                errors.addAll(r.errors());
                if (!errors.isEmpty()) return new Result(bag, 0, 0, errors, true);
                siteDir = published;
            }
            Path data = tmp.resolve("data");
            Map<String, Path> payload = new TreeMap<>();
            List<String> notices = new ArrayList<>();
            collect(editionDir.resolve("sources"), "sources/", payload, Set.of(), notices);
            collect(editionDir, "tei/", payload, Set.of("sources"), notices);
            if (!payload.containsKey("tei/schema/jiaokan.rng")) payload.put("tei/schema/jiaokan.rng", null);
            collect(siteDir, "site/", payload, Set.of(), notices);
            // RFC 8493 has no way to list a backslash in a name: BagIt tools read it as a separator (the library
            // refuses the bag). Such a file is named, and no bag is made without it.
            for (Map.Entry<String, Path> e : payload.entrySet()) {
                if (e.getKey().indexOf('\\') >= 0) {
                    errors.add(e.getValue() + ": a backslash in a file name is a path separator to BagIt (RFC 8493); rename the file to package it");
                }
            }
            if (!errors.isEmpty()) return new Result(bag, 0, 0, errors, false, List.copyOf(notices));
            long bytes = 0;
            for (Map.Entry<String, Path> e : payload.entrySet()) {
                Path to = inBag(data, e.getKey());
                Files.createDirectories(to.getParent());
                if (e.getValue() == null) {
                    try (InputStream in = Schemas.jiaokanRng()) {
                        Files.copy(in, to);
                    }
                } else {
                    Files.copy(e.getValue(), to);
                }
                FileModes.setNewFileMode(to);
                bytes += Files.size(to);
            }
            writeTagFiles(tmp, info, payload.keySet(), bytes);
            setNewFolderModes(tmp);
            moveIntoPlace(tmp, absBag);
            return new Result(bag, payload.size(), bytes, List.of(), false, List.copyOf(notices));
        } finally {
            FileTrees.delete(tmp);
            if (published != null) FileTrees.delete(published);
        }
    }

    /** Refuses an output that exists and is not a bag (or an empty folder). */
    static void checkTarget(Path bag) throws IOException {
        if (!Files.exists(bag, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(bag, LinkOption.NOFOLLOW_LINKS)) throw new PackageException(bag + ": exists and is not a folder; not replaced");
        if (Files.isRegularFile(bag.resolve("bagit.txt"), LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.list(bag)) {
            if (s.findAny().isPresent()) throw new PackageException(bag + ": exists and is not a bag; not replaced");
        }
    }

    /**
     * Files under {@code dir} into {@code payload} as {@code prefix + relative path}, hidden files and links out of
     * {@code dir} left out: each such link is named in {@code notices}.
     */
    private static void collect(Path dir, String prefix, Map<String, Path> payload, Set<String> skipTop, List<String> notices) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Path real = dir.toRealPath();
        List<Path> files = new ArrayList<>();
        walk(dir, real, dir, skipTop, files, notices);
        for (Path f : files) {
            StringBuilder rel = new StringBuilder(prefix);
            Path r = dir.relativize(f);
            for (int i = 0; i < r.getNameCount(); i++) {
                if (i > 0) rel.append('/');
                rel.append(r.getName(i));
            }
            payload.put(rel.toString(), f);
        }
    }

    private static void walk(Path root, Path realRoot, Path dir, Set<String> skipTop, List<Path> out, List<String> notices) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (dir.equals(root) && skipTop.contains(name)) continue;
            if (Files.isSymbolicLink(p)) {
                Path target;
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    notices.add(p + ": a symbolic link to nothing (" + Files.readSymbolicLink(p) + "); left out of the bag");
                    continue;
                }
                if (!target.startsWith(realRoot)) {
                    notices.add(p + ": a symbolic link out of " + root + " (to " + target + "); left out of the bag");
                    continue;
                }
            }
            if (Files.isDirectory(p)) walk(root, realRoot, p, skipTop, out, notices);
            else if (Files.isRegularFile(p)) out.add(p);
        }
    }

    /** bagit.txt, bag-info.txt, the payload manifests, then the tag manifests over those files. */
    static void writeTagFiles(Path root, EditionInfo info, Iterable<String> payloadPaths, long bytes) throws IOException {
        List<String> payload = new ArrayList<>();
        for (String p : payloadPaths) payload.add("data/" + p);
        Map<SupportedAlgorithm, Map<String, String>> manifests = checksums(root, payload);
        BagitFileWriter.writeBagitFile(BAGIT_1_0, StandardCharsets.UTF_8, root);
        MetadataWriter.writeBagMetadata(metadata(info, payload.size(), bytes), BAGIT_1_0, root, StandardCharsets.UTF_8);
        List<String> tagFiles = new ArrayList<>(List.of("bag-info.txt", "bagit.txt"));
        for (var m : manifests.entrySet()) {
            String name = "manifest-" + m.getKey().getBagitName() + ".txt";
            ManifestFiles.write(root.resolve(name), m.getValue());
            tagFiles.add(name);
        }
        tagFiles.sort(null);
        for (var m : checksums(root, tagFiles).entrySet()) {
            ManifestFiles.write(root.resolve("tagmanifest-" + m.getKey().getBagitName() + ".txt"), m.getValue());
        }
        for (String f : tagFiles) FileModes.setNewFileMode(root.resolve(f));
        for (var a : ALGORITHMS) FileModes.setNewFileMode(root.resolve("tagmanifest-" + a.getBagitName() + ".txt"));
    }

    /**
     * Each algorithm's checksums of the files named (relative to {@code root}, {@code /}-separated), in the order
     * given: each file read once for all the algorithms.
     */
    private static Map<SupportedAlgorithm, Map<String, String>> checksums(Path root, List<String> paths) throws IOException {
        Map<SupportedAlgorithm, Map<String, String>> out = new LinkedHashMap<>();
        List<MessageDigest> digests = new ArrayList<>();
        try {
            for (SupportedAlgorithm a : ALGORITHMS) {
                out.put(a, new LinkedHashMap<>());
                digests.add(MessageDigest.getInstance(a.getMessageDigestName()));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String p : paths) {
            ManifestFiles.digest(inBag(root, p), digests);
            int i = 0;
            for (Map<String, String> m : out.values()) m.put(p, HexFormat.of().formatHex(digests.get(i++).digest()));
        }
        return out;
    }

    /**
     * {@code root/path}, the path's segments each a file's own name: a name listed from a folder may hold a backslash
     * or a {@code %}, which are characters of a name here, not separators or escapes. A segment that is empty,
     * {@code .} or {@code ..} is refused.
     */
    static Path inBag(Path root, String path) throws IOException {
        if (!org.jiaokan.io.SafePaths.plain(path) || path.indexOf('\0') >= 0) {
            throw new PackageException("refusing to write outside " + root + ": " + path);
        }
        Path p = root;
        for (String segment : path.split("/")) p = p.resolve(segment);
        return p;
    }

    /** bag-info.txt: the edition's metadata, in a fixed order; dates from the edition, never the clock. */
    static Metadata metadata(EditionInfo info, long files, long bytes) {
        Metadata m = new Metadata();
        add(m, "Source-Organization", info.publisher());
        add(m, "Organization-Address", info.address());
        for (String e : info.editors()) add(m, "Contact-Name", e);
        for (String e : info.emails()) add(m, "Contact-Email", e);
        StringBuilder desc = new StringBuilder(info.title());
        if (!info.edition().isEmpty()) desc.append(desc.isEmpty() ? "" : ". ").append(info.edition());
        if (!info.description().isEmpty()) desc.append(desc.isEmpty() ? "" : ". ").append(info.description());
        add(m, "External-Description", desc.toString().replace("..", "."));
        if (!info.uri().isEmpty()) {
            add(m, "External-Identifier", info.uri() + (info.version().isEmpty() ? "" : " " + info.version()));
            add(m, "Bag-Group-Identifier", info.uri());
        }
        add(m, "Bagging-Date", info.releaseDate());
        add(m, "Bag-Size", humanSize(bytes));
        add(m, "Payload-Oxum", bytes + "." + files);
        add(m, "Bag-Software-Agent", "Jiaokan " + Toolkit.VERSION);
        return m;
    }

    private static void add(Metadata m, String key, String value) {
        String v = EditionInfo.collapse(value);
        if (!v.isEmpty()) m.add(key, v);
    }

    /** A size as people read it, the same under every locale: {@code 1.4 MB}. */
    static String humanSize(long bytes) {
        if (bytes < 1000) return bytes + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static void setNewFolderModes(Path root) throws IOException {
        if (Files.getFileAttributeView(root, PosixFileAttributeView.class) == null) return;
        int mode = 0777 & ~FileModes.umask();
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) if ((mode & (1 << (8 - i))) != 0) perms.add(order[i]);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isDirectory).toList()) Files.setPosixFilePermissions(p, perms);
        }
    }

    /** Moves the finished bag into place; an old bag there is replaced only once the new one is complete. */
    private static void moveIntoPlace(Path tmp, Path bag) throws IOException {
        Path old = null;
        if (Files.exists(bag, LinkOption.NOFOLLOW_LINKS)) {
            checkTarget(bag);
            old = bag.resolveSibling("." + bag.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            move(bag, old);
        }
        try {
            move(tmp, bag);
        } catch (IOException e) {
            if (old != null) move(old, bag);
            throw e;
        }
        if (old != null) FileTrees.delete(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The toolkit's bundled schema. */
    private static final class Schemas {
        static InputStream jiaokanRng() throws IOException {
            InputStream in = BagPackager.class.getResourceAsStream("/org/jiaokan/schema/jiaokan.rng");
            if (in == null) throw new IOException("jiaokan.rng is missing from the build");
            return in;
        }
    }
}
