package org.jiaokan.deposit;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.hash.SupportedAlgorithm;
import gov.loc.repository.bagit.reader.BagReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a bag's completeness and fixity, reading it with the BagIt library and checking every file
 * itself, so that every failure is found, not only the first: each payload manifest entry is present
 * and matches its checksum under every algorithm, every file under {@code data/} is in every payload
 * manifest, the tag manifests' entries match, and {@code Payload-Oxum} agrees with the payload.
 */
public final class BagChecker {
    /** One problem: the file (relative to the bag, {@code /}-separated) and what is wrong with it. */
    public record Problem(String file, String reason) {}

    /** What a check found: the payload's files and bytes, the algorithms checked and every problem, by file. */
    public record Report(long files, long bytes, List<String> algorithms, List<Problem> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    /** The folder is not a bag at all (no {@code bagit.txt}). */
    public static final class NotABagException extends IOException {
        public NotABagException(String message) { super(message); }
    }

    private BagChecker() {}

    public static Report check(Path bagDir) throws IOException {
        if (!Files.isDirectory(bagDir)) throw new NotABagException("not a folder");
        if (!Files.isRegularFile(bagDir.resolve("bagit.txt"))) throw new NotABagException("not a bag (no bagit.txt)");
        Path root = bagDir.toAbsolutePath().normalize();
        Bag bag;
        try {
            bag = new BagReader().read(root);
        } catch (IOException e) {
            throw new IOException("cannot read the bag: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("not a valid bag: a manifest or tag file has a malformed line", e);
        } catch (Exception e) {
            throw new IOException("not a valid bag: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        Map<String, List<String>> problems = new TreeMap<>();
        // The manifests' lines read again here: the library decodes only line ends in their paths, not %25 (RFC 8493).
        java.nio.charset.Charset encoding = bag.getFileEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8 : bag.getFileEncoding();
        List<Listed> payload = listed(root, "manifest-", bag.getPayLoadManifests(), encoding);
        List<String> algorithms = payload.stream().map(m -> m.algorithm().getBagitName()).toList();
        if (payload.isEmpty()) add(problems, "", "no payload manifest");

        // Every manifest entry present and matching, under every algorithm.
        checkManifests(root, payload, "manifest", problems);
        checkManifests(root, listed(root, "tagmanifest-", bag.getTagManifests(), encoding), "tagmanifest", problems);

        // Every payload file in every payload manifest. A bag holds files: a symbolic link in it (to a file or a
        // folder, inside the bag or out of it) is named, and never followed, as a copy of the bag would not hold
        // what it points to.
        Path data = root.resolve("data");
        List<String> files = new ArrayList<>();
        long bytes = 0;
        if (Files.isSymbolicLink(data)) add(problems, "data", "a symbolic link, not a folder of the bag");
        else if (!Files.isDirectory(data)) add(problems, "data", "missing");
        else {
            try (Stream<Path> s = Files.walk(data)) {
                for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    files.add(rel(root, p));
                    if (Files.isSymbolicLink(p)) add(problems, rel(root, p), "a symbolic link, not a file of the bag");
                    else bytes += Files.size(p);
                }
            }
        }
        for (String f : files) {
            List<String> absentFrom = new ArrayList<>();
            for (Listed m : payload) {
                if (!m.files().containsKey(root.resolve(f))) absentFrom.add("manifest-" + m.algorithm().getBagitName() + ".txt");
            }
            if (!payload.isEmpty() && absentFrom.size() == payload.size()) add(problems, f, "not in the manifest");
            else if (!absentFrom.isEmpty()) add(problems, f, "not in " + String.join(", ", absentFrom));
        }

        // Payload-Oxum, when the bag states one.
        List<String> oxum = bag.getMetadata().get("Payload-Oxum");
        if (oxum != null && !oxum.isEmpty()) {
            String actual = bytes + "." + files.size();
            if (!oxum.get(0).strip().equals(actual)) {
                add(problems, "bag-info.txt", "Payload-Oxum " + oxum.get(0).strip() + " does not match the payload (" + actual + ")");
            }
        }
        List<Problem> out = new ArrayList<>();
        problems.forEach((f, rs) -> out.add(new Problem(f, String.join("; ", rs))));
        return new Report(files.size(), bytes, algorithms, List.copyOf(out));
    }

    /** A manifest as its file lists it: the algorithm, and each file (resolved in the bag) with its checksum. */
    private record Listed(SupportedAlgorithm algorithm, Map<Path, String> files) {}

    /** The manifests the library found, in their algorithms' order, each read again from its file ({@code prefix + name + .txt}). */
    private static List<Listed> listed(Path root, String prefix, Set<Manifest> manifests, java.nio.charset.Charset encoding) throws IOException {
        List<Listed> out = new ArrayList<>();
        for (Manifest m : sorted(manifests)) {
            Path file = root.resolve(prefix + m.getAlgorithm().getBagitName() + ".txt");
            Map<Path, String> files = new LinkedHashMap<>();
            Map<String, String> lines;
            try {
                lines = ManifestFiles.read(file, encoding);
            } catch (IOException e) {
                throw new IOException("not a valid bag: " + e.getMessage(), e);
            }
            for (Map.Entry<String, String> e : lines.entrySet()) {
                Path p = root;
                for (String segment : e.getKey().split("/")) p = p.resolve(segment);
                files.put(p.normalize(), e.getValue());
            }
            out.add(new Listed(m.getAlgorithm(), files));
        }
        return out;
    }

    private static void checkManifests(Path root, List<Listed> manifests, String kind, Map<String, List<String>> problems) throws IOException {
        // Each file once: read it a single time for all the algorithms that list it.
        Map<Path, Map<String, String>> expected = new TreeMap<>();
        for (Listed m : manifests) {
            for (Map.Entry<Path, String> e : m.files().entrySet()) {
                expected.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                        .put(m.algorithm().getMessageDigestName() + "\u0000" + m.algorithm().getBagitName(), e.getValue());
            }
        }
        for (Map.Entry<Path, Map<String, String>> e : expected.entrySet()) {
            Path file = e.getKey();
            String name = rel(root, file);
            if (!file.startsWith(root)) {
                add(problems, name, "outside the bag");
                continue;
            }
            Path link = linkOnTheWay(root, file);
            if (link != null) {
                // named once, as the link it is (a folder's files are not each named again)
                add(problems, rel(root, link), Files.isDirectory(link) ? "a symbolic link, not a folder of the bag" : "a symbolic link, not a file of the bag");
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                add(problems, name, "missing");
                continue;
            }
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            try {
                for (String k : e.getValue().keySet()) digests.put(k, MessageDigest.getInstance(k.substring(0, k.indexOf('\u0000'))));
            } catch (NoSuchAlgorithmException x) {
                add(problems, name, "unsupported algorithm: " + x.getMessage());
                continue;
            }
            try {
                ManifestFiles.digest(file, digests.values());
            } catch (IOException x) {
                add(problems, name, "cannot read: " + x.getMessage());
                continue;
            }
            TreeSet<String> bad = new TreeSet<>();
            for (Map.Entry<String, MessageDigest> d : digests.entrySet()) {
                String hex = HexFormat.of().formatHex(d.getValue().digest());
                if (!hex.equalsIgnoreCase(e.getValue().get(d.getKey()).strip())) bad.add(d.getKey().substring(d.getKey().indexOf('\u0000') + 1));
            }
            if (!bad.isEmpty()) add(problems, name, "checksum mismatch (" + String.join(", ", bad) + ")");
        }
    }

    /** The outermost symbolic link on the way from the bag's root to the file (the file itself included), or null. */
    private static Path linkOnTheWay(Path root, Path file) {
        Path link = null;
        for (Path p = file; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) link = p;
        }
        return link;
    }

    private static List<Manifest> sorted(Set<Manifest> manifests) {
        List<Manifest> l = new ArrayList<>(manifests);
        l.sort(Comparator.comparing(m -> m.getAlgorithm().getBagitName()));
        return l;
    }

    private static void add(Map<String, List<String>> problems, String file, String reason) {
        List<String> l = problems.computeIfAbsent(file, k -> new ArrayList<>());
        if (!l.contains(reason)) l.add(reason);
    }

    /** {@code file} relative to the bag, {@code /}-separated. */
    private static String rel(Path root, Path file) {
        Path r = root.relativize(file.toAbsolutePath().normalize());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.getNameCount(); i++) {
            if (i > 0) sb.append('/');
            sb.append(r.getName(i));
        }
        return sb.toString();
    }
}
