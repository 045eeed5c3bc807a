package org.jiaokan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files a command's inputs name: a folder stands for every file under it, in a stable order
 * (by relative path, compared code point by code point), hidden files and folders ({@code .git},
 * {@code .DS_Store}) left out. A symbolic link is followed only when its target is inside the folder
 * it was found in; a link that points out of it, or nowhere, is refused with a reason, so that a
 * source tree cannot make a command read (and publish) a file from elsewhere on the machine.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * @param files   every file, in order, the refused ones included where they were found
     * @param refused the reasons of the refused ones
     */
    public record Expanded(List<Path> files, Map<Path, String> refused) {}

    public static Expanded expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        Map<Path, String> refused = new LinkedHashMap<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                files.add(in);
                continue;
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> s = Files.walk(in)) {
                s.filter(p -> !p.equals(in))
                        .filter(p -> !hidden(in.relativize(p)))
                        .filter(p -> Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .forEach(found::add);
            } catch (java.io.UncheckedIOException e) {
                throw new IOException(in + ": cannot list the folder: " + SafePaths.reason(e.getCause()), e.getCause());
            }
            if (found.isEmpty()) {
                files.add(in);
                refused.put(in, "folder with no files to convert");
                continue;
            }
            found.sort(Comparator.comparing(p -> in.relativize(p).toString().replace('\\', '/'), InputFiles::byCodePoint));
            for (Path p : found) {
                if (Files.isSymbolicLink(p)) {
                    String reason = linkOutside(in, p);
                    if (reason != null) {
                        files.add(p);
                        refused.put(p, reason);
                        continue;
                    }
                    // A link to a folder inside the tree: its files are found there.
                    if (Files.isDirectory(p)) continue;
                }
                files.add(p);
            }
        }
        return new Expanded(files, refused);
    }

    /**
     * Why the symbolic link {@code link} (or a link on its way) may not be followed from {@code root}:
     * its target is outside {@code root}, or there is none. Null when it may be followed.
     */
    public static String linkOutside(Path root, Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            if (!link.toRealPath().startsWith(root.toRealPath())) {
                return "symbolic link to " + target + ", outside " + root + "; not followed";
            }
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            return "broken symbolic link (its target does not exist)";
        } catch (IOException | UnsupportedOperationException e) {
            return "symbolic link that cannot be followed: " + (e instanceof IOException io ? SafePaths.reason(io) : e.getMessage());
        }
    }

    /** The refusals among {@code files} found in {@code root}: symbolic links out of it. */
    public static Map<Path, String> linksOutside(Path root, List<Path> files) {
        Map<Path, String> refused = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isSymbolicLink(f)) continue;
            String reason = linkOutside(root, f);
            if (reason != null) refused.put(f, reason);
        }
        return refused;
    }

    /** Whether a path relative to a folder converted passes through a hidden name (one starting with "."): never read as input. */
    public static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    /** Orders strings by their code points (not by UTF-16 units, which put characters beyond the BMP before some in it). */
    public static int byCodePoint(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
