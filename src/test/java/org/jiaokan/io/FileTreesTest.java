package org.jiaokan.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder goes with all it holds; what a link in it points to stays. Files are found as NIO finds them. */
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

    @Test
    void findsFilesAsNioDoes() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "a");
        Path dir = Files.createDirectories(tmp.resolve("d"));
        Path toFile = Files.createSymbolicLink(tmp.resolve("to-file"), file);
        Path toDir = Files.createSymbolicLink(tmp.resolve("to-dir"), dir);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("none"));
        Path[] cases = {file, dir, toFile, toDir, dangling, tmp.resolve("missing"), tmp.resolve("missing/b.txt"),
                file.resolve("under-a-file"), tmp.resolve("d/../a.txt")};
        for (Path p : cases) {
            assertEquals(Files.isRegularFile(p), FileTrees.isFile(p), p.toString());
        }
        assertTrue(FileTrees.isFile(toFile));
        assertFalse(FileTrees.isFile(dangling));
        assertFalse(FileTrees.isFile(toDir));
        // a file system other than the default one (a zip archive): NIO answers
        Path zip = tmp.resolve("x.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path inZip = Files.writeString(fs.getPath("/in.txt"), "in");
            Files.createDirectories(fs.getPath("/folder"));
            assertTrue(FileTrees.isFile(inZip));
            assertFalse(FileTrees.isFile(fs.getPath("/folder")));
            assertFalse(FileTrees.isFile(fs.getPath("/none.txt")));
        }
    }
}
