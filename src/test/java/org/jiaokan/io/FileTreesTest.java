package org.jiaokan.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder goes with all it holds; what a link in it points to stays. */
class FileTreesTest {
    @TempDir
    Path tmp;

    @Test
    void removesTheTreeButNotWhatItsLinksPointTo() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(outside.resolve("a.txt"), "kept");
        Path root = Files.createDirectories(tmp.resolve("gone/b/c"));
        Files.writeString(root.resolve("d.txt"), "gone");
        Files.createSymbolicLink(tmp.resolve("gone/link"), outside);
        FileTrees.delete(tmp.resolve("gone"));
        assertFalse(Files.exists(tmp.resolve("gone")));
        assertTrue(Files.isRegularFile(outside.resolve("a.txt")));
        FileTrees.delete(tmp.resolve("gone")); // nothing there: nothing done
        Files.createSymbolicLink(tmp.resolve("alias"), outside);
        FileTrees.delete(tmp.resolve("alias")); // a link given itself goes as a link
        assertFalse(Files.exists(tmp.resolve("alias"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(outside.resolve("a.txt")));
    }
}
