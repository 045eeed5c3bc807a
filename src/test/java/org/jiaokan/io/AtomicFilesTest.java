package org.jiaokan.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Atomic writes: the file is replaced whole, no temporary file stays, and a file that holds the bytes already is left alone. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileHoldingTheBytesAlreadyIsLeftAsItWas() throws Exception {
        Path f = tmp.resolve("page.html");
        Files.write(f, utf8("<p>一</p>"));
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(f, old);
        Object inode = Files.readAttributes(f, BasicFileAttributes.class).fileKey();

        assertFalse(AtomicFiles.writeIfChanged(f, utf8("<p>一</p>")));
        assertEquals(old, Files.getLastModifiedTime(f));
        assertEquals(inode, Files.readAttributes(f, BasicFileAttributes.class).fileKey());

        // the same length, other bytes; then another length: written each time, through a new file
        assertTrue(AtomicFiles.writeIfChanged(f, utf8("<p>二</p>")));
        assertEquals("<p>二</p>", Files.readString(f));
        assertTrue(AtomicFiles.writeIfChanged(f, utf8("<p>三四</p>")));
        assertEquals("<p>三四</p>", Files.readString(f));
        assertEquals(List.of("page.html"), names(tmp));
    }

    @Test
    void aMissingFileOrFolderIsWritten() throws Exception {
        Path f = tmp.resolve("a/b/page.html");
        assertTrue(AtomicFiles.writeIfChanged(f, utf8("x")));
        assertEquals("x", Files.readString(f));
        // the folder removed behind the writer's back (it remembers the folders it made): made again
        Files.delete(f);
        Files.delete(f.getParent());
        AtomicFiles.write(f, utf8("y"));
        assertEquals("y", Files.readString(f));
        assertEquals(List.of("page.html"), names(f.getParent()));
    }

    @Test
    void aLinkInTheFilesPlaceIsReplacedNotFollowed() throws Exception {
        Path target = tmp.resolve("elsewhere.txt");
        Files.write(target, utf8("same"));
        Path link = tmp.resolve("page.html");
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        // the link's target holds the bytes, but the link is not the file: it is replaced by a file
        assertTrue(AtomicFiles.writeIfChanged(link, utf8("same")));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("same", Files.readString(target));
    }

    @Test
    void aNamedPipeInTheFilesPlaceIsReplacedNotOpened() throws Exception {
        Path fifo = tmp.resolve("page.html");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assumeTrue(p.waitFor() == 0, "mkfifo failed");
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
        }
        // opening a pipe to read it would wait for a writer for ever: it is replaced instead
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertTrue(AtomicFiles.writeIfChanged(fifo, utf8("page"))));
        assertTrue(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("page", Files.readString(fifo));
    }

    @Test
    void manyWritesLeaveNoTemporaryFilesAndTheModeOfANewFile() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        for (int i = 0; i < 200; i++) AtomicFiles.write(tmp.resolve("f" + (i % 7) + ".txt"), utf8("n" + i));
        assertEquals(List.of("f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt", "f5.txt", "f6.txt"), names(tmp));
        Path plain = tmp.resolve("plain.txt");
        Files.write(plain, utf8("p"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(tmp.resolve("f0.txt")));
    }
}
