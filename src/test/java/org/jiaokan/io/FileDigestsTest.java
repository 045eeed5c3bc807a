package org.jiaokan.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The digests' memo gives a file's SHA-256 without reading it only while the file is as it was hashed. */
class FileDigestsTest {
    @TempDir
    Path tmp;

    static byte[] sha(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file and dates its last change an hour back, as a file nobody touched since. */
    static void settled(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @Test
    void anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws Exception {
        Path memo = tmp.resolve("memo"), a = tmp.resolve("a.txt"), b = tmp.resolve("b.txt");
        settled(a, "甲乙丙");
        settled(b, "丁戊己");
        FileDigests d = FileDigests.load(memo);
        assertArrayEquals(sha("甲乙丙"), d.sha(a, "a.txt"));
        assertArrayEquals(sha("丁戊己"), d.sha(b, "b.txt"));
        assertEquals(2, d.hashed());
        d.save();

        FileDigests again = FileDigests.load(memo);
        assertArrayEquals(sha("甲乙丙"), again.sha(a, "a.txt"));
        assertArrayEquals(sha("丁戊己"), again.sha(b, "b.txt"));
        assertEquals(0, again.hashed(), "files unchanged since they were hashed are not read");
        again.save();

        // The same size and the same modification time, other bytes (as a copy that keeps times leaves them): read again.
        FileTime time = Files.getLastModifiedTime(a);
        Files.writeString(a, "甲乙丁", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(a, time);
        FileDigests third = FileDigests.load(memo);
        assertArrayEquals(sha("甲乙丁"), third.sha(a, "a.txt"));
        assertArrayEquals(sha("丁戊己"), third.sha(b, "b.txt"));
        assertEquals(1, third.hashed());
        assertNull(third.sha(tmp.resolve("gone.txt"), "gone.txt"));
        assertEquals("none", third.hex(tmp.resolve("gone.txt"), "gone.txt"));
    }

    @Test
    void aMemoThatWouldBeWrittenAsItIsIsNotWrittenAgain() throws Exception {
        Path memo = tmp.resolve("memo"), a = tmp.resolve("a.txt"), b = tmp.resolve("b.txt");
        settled(a, "甲乙丙");
        settled(b, "丁戊己");
        FileDigests d = FileDigests.load(memo);
        d.sha(a, "a.txt");
        d.sha(b, "b.txt");
        d.save();
        Object file = fileKey(memo);
        FileDigests same = FileDigests.load(memo);
        same.sha(a, "a.txt");
        same.sha(b, "b.txt");
        same.save();
        assertEquals(file, fileKey(memo), "nothing changed: not written again");
        byte[] written = Files.readAllBytes(memo);

        FileDigests fewer = FileDigests.load(memo);
        fewer.sha(a, "a.txt");
        fewer.save();
        org.junit.jupiter.api.Assertions.assertNotEquals(file, fileKey(memo), "a file no longer asked for leaves the memo");
        FileDigests then = FileDigests.load(memo);
        then.sha(a, "a.txt");
        then.sha(b, "b.txt");
        assertEquals(1, then.hashed(), "only b.txt, which had left the memo, is read");
        then.save();
        settled(a, "甲乙丁");
        FileDigests changed = FileDigests.load(memo);
        changed.sha(a, "a.txt");
        changed.sha(b, "b.txt");
        changed.save();
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(written, Files.readAllBytes(memo)), "a changed file's digest is written");
    }

    private static Object fileKey(Path p) throws Exception {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void aFileHashedSoonAfterItChangedIsHashedAgainNextTime() throws Exception {
        Path memo = tmp.resolve("memo"), a = tmp.resolve("a.txt");
        Files.writeString(a, "甲乙丙", StandardCharsets.UTF_8); // modified just now
        FileDigests d = FileDigests.load(memo);
        d.sha(a, "a.txt");
        d.save();
        FileDigests again = FileDigests.load(memo);
        assertArrayEquals(sha("甲乙丙"), again.sha(a, "a.txt"));
        assertEquals(1, again.hashed(), "a file changed within the clock's tick of its hashing is not trusted");
    }

    @Test
    void aSpoiltMemoOrRehashMeansEveryFileIsRead() throws Exception {
        Path memo = tmp.resolve("memo"), a = tmp.resolve("a.txt");
        settled(a, "甲乙丙");
        FileDigests d = FileDigests.load(memo);
        d.sha(a, "a.txt");
        d.save();
        byte[] m = Files.readAllBytes(memo);
        m[m.length / 2] ^= 1;
        Files.write(memo, m);
        FileDigests spoilt = FileDigests.load(memo);
        assertArrayEquals(sha("甲乙丙"), spoilt.sha(a, "a.txt"));
        assertEquals(1, spoilt.hashed());
        spoilt.save();
        System.setProperty("jiaokan.rehash", "true");
        try {
            FileDigests rehash = FileDigests.load(memo);
            assertArrayEquals(sha("甲乙丙"), rehash.sha(a, "a.txt"));
            assertEquals(1, rehash.hashed());
        } finally {
            System.clearProperty("jiaokan.rehash");
        }
    }
}
