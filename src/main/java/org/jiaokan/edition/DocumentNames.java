package org.jiaokan.edition;

import org.jiaokan.io.InputFiles;
import org.jiaokan.model.Edition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document id and the kept source's name of every input of a run, decided before any input is
 * read, from the inputs' paths alone: the same inputs give the same names on any number of threads.
 *
 * <p>An input's id comes from its file name ({@link Edition#documentId}). When files of the same name
 * come from different folders ({@code a/report.txt}, {@code b/report.txt}), the first in path order
 * (code point by code point, on the absolute path) keeps the plain id; each other one gets a suffix
 * made from the last folders of its path, as few as make it distinct ({@code report--b}), sanitised by
 * the same rules as the id, and its source is kept under those folders ({@code b/report.txt}). A
 * suffix never depends on the order of the run, so adding an unrelated folder later leaves the ids of
 * the others as they were. Files of one folder whose names give the same id ({@code x.txt},
 * {@code x.docx}) and a file given twice keep the plain id: the conversion refuses the second.
 */
public final class DocumentNames {
    /**
     * @param id         the document id (the TEI file is {@code id.xml})
     * @param sourceName the name the raw source is kept under and the TEI header records: the file
     *                   name, or a relative path ({@code b/report.txt}) for a suffixed one
     */
    public record Name(String id, String sourceName) {
        public boolean suffixed() { return sourceName.indexOf('/') >= 0; }
    }

    private DocumentNames() {}

    /** The names of {@code inputs}, for an edition's ids. */
    public static Map<Path, Name> assign(List<Path> inputs, Edition edition) {
        Map<Path, Name> names = new HashMap<>();
        Map<String, List<Path>> byId = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        Set<Path> seen = new HashSet<>();
        for (Path in : inputs) {
            String plain = edition.documentId(fileName(in));
            names.put(in, new Name(plain, fileName(in)));
            used.add(plain);
            if (seen.add(absolute(in))) byId.computeIfAbsent(plain, k -> new ArrayList<>()).add(in);
        }
        for (List<Path> group : byId.values()) {
            if (group.size() < 2) continue;
            List<Path> ordered = new ArrayList<>(group);
            ordered.sort((x, y) -> InputFiles.byCodePoint(absolute(x).toString(), absolute(y).toString()));
            Path first = ordered.get(0);
            for (Path p : ordered.subList(1, ordered.size())) {
                if (java.util.Objects.equals(absolute(p).getParent(), absolute(first).getParent())) continue;
                Name n = suffixed(p, ordered, edition, used);
                names.put(p, n);
                used.add(n.id());
            }
        }
        return names;
    }

    /**
     * {@code p}'s name with the fewest last folders that tell its folder from those of the others of its
     * group (one folder, two, …) and give an id no other input has.
     */
    private static Name suffixed(Path p, List<Path> group, Edition edition, Set<String> used) {
        String file = fileName(p);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : "";
        List<String> folders = new ArrayList<>();
        Path parent = absolute(p).getParent();
        if (parent != null) for (Path seg : parent) folders.add(segment(seg.toString()));
        for (int k = 1; k <= folders.size(); k++) {
            List<String> last = folders.subList(folders.size() - k, folders.size());
            if (!distinct(last, p, group)) continue;
            String id = edition.documentId(stem + "--" + String.join("-", last) + ext);
            if (!used.contains(id)) return new Name(id, String.join("/", last) + "/" + file);
        }
        // Every folder of the path gives an id taken (names made alike by sanitising): a digest of the path.
        String digest = java.util.HexFormat.of().formatHex(
                BuildCache.sha(absolute(p).toString()), 0, 4);
        String id = edition.documentId(stem + "--" + digest + ext);
        return new Name(id, digest + "/" + file);
    }

    /** Whether no other path of the group has {@code last} as the last folders of its folder. */
    private static boolean distinct(List<String> last, Path p, List<Path> group) {
        for (Path other : group) {
            if (other == p) continue;
            List<String> folders = new ArrayList<>();
            Path parent = absolute(other).getParent();
            if (parent != null) for (Path seg : parent) folders.add(segment(seg.toString()));
            if (folders.size() >= last.size() && folders.subList(folders.size() - last.size(), folders.size()).equals(last)) return false;
        }
        return true;
    }

    /** A folder's name as a segment of an id or a kept source's path: the characters of ids only, no leading dots. */
    private static String segment(String folder) {
        String s = folder.replaceFirst("^\\.+", "").replaceAll("[^\\p{L}\\p{N}_.-]", "-");
        return s.isEmpty() ? "_" : s;
    }

    private static String fileName(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
