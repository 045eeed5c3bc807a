package org.jiaokan.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Output paths confined to their folder, and the short reasons of file-system failures. A name
 * that comes from a document ({@code xml:id}, a file name, {@code @target}) is a relative path of
 * plain segments: no {@code ..}, no absolute path, no backslash, no drive letter, no NUL.
 */
public final class SafePaths {
    private SafePaths() {}

    /**
     * {@code dir/name}, refusing any name that would leave {@code dir} or that is not a plain
     * relative path (backslashes, which are separators on Windows, are refused everywhere).
     */
    public static Path inside(Path dir, String name) throws IOException {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.startsWith("/")
                || name.length() > 1 && name.charAt(1) == ':' && (name.charAt(0) | 0x20) >= 'a' && (name.charAt(0) | 0x20) <= 'z') {
            throw new IOException("refusing to write outside " + dir + ": " + printable(name));
        }
        Path base = base(dir);
        // A name of plain segments (none empty, "." or "..") resolves inside the folder as it is: the
        // manifest's tens of thousands of recorded files are checked each run without normalising each.
        Path p;
        try {
            if (plain(name)) return base.resolve(name);
            p = base.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IOException("cannot name a file " + printable(name) + " in the file-name encoding of this locale ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        }
        if (!p.startsWith(base) || p.equals(base)) throw new IOException("refusing to write outside " + dir + ": " + printable(name));
        for (String segment : name.split("/")) {
            if (segment.equals("..")) throw new IOException("refusing to write outside " + dir + ": " + printable(name));
        }
        return p;
    }

    /** The folder last asked for, absolute and normalised (most calls name the same output folder). */
    private static volatile Path[] lastBase = {null, null};

    private static Path base(Path dir) {
        Path[] last = lastBase;
        if (last[0] == dir) return last[1];
        Path base = dir.toAbsolutePath().normalize();
        lastBase = new Path[] {dir, base};
        return base;
    }

    /** Whether every segment of the name is a plain one: none empty, {@code .} or {@code ..}. */
    public static boolean plain(String name) {
        int from = 0;
        while (true) {
            int to = name.indexOf('/', from);
            int end = to < 0 ? name.length() : to;
            int len = end - from;
            if (len == 0 || len == 1 && name.charAt(from) == '.' || len == 2 && name.charAt(from) == '.' && name.charAt(from + 1) == '.') return false;
            if (to < 0) return true;
            from = to + 1;
        }
    }

    /**
     * Whether {@code file}, with every symbolic link resolved, is inside {@code root} (also resolved).
     * A file that does not exist is judged by its parent folder.
     */
    public static boolean within(Path root, Path file) throws IOException {
        Path r = root.toRealPath();
        Path f = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName());
        return f.startsWith(r);
    }

    /** A file-system failure in a few words: "permission denied", "no space left on device". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
