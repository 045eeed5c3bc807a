package org.jiaokan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders removed with everything in them. */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Removes {@code root} and everything under it, deepest first; nothing where there is no such file. A link is
     * removed as a link: what it points to stays, as {@link Files#walk} does not follow links.
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
