package org.jiaokan.edition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of the cache's documents: what is appended reads back from its place, in the order appended; a place or
 * a file planted in the cache cannot make a read leave the folder, allocate beyond the file or wait on a pipe.
 */
class DocumentStoreTest {
    @TempDir
    Path tmp;

    @Test
    void appendedDocumentsReadBackAndTheirHeadsAreFound() throws Exception {
        DocumentStore store = new DocumentStore(tmp.resolve("cache"));
        byte[] one = "第一份文件".getBytes(StandardCharsets.UTF_8), two = new byte[70_000];
        java.util.Arrays.fill(two, (byte) 7);
        DocumentStore.Place p1 = store.append("a.entry", new byte[]{1, 2}, one);
        DocumentStore.Place p2 = store.append("b.entry", new byte[]{3}, two);
        store.close();
        assertEquals("00000000000000000000000000000001.docs", p1.file(), "numbered from one in a new folder");
        assertEquals(p1.file(), p2.file(), "one file for a run");
        assertArrayEquals(one, store.read(p1, one.length));
        assertArrayEquals(two, store.read(p2, two.length));
        var found = new DocumentStore(tmp.resolve("cache")).scanned();
        assertEquals(p2, found.get("b.entry").get(0).place());
        assertArrayEquals(new byte[]{1, 2}, found.get("a.entry").get(0).head());
        // a new run appends to a file of its own
        DocumentStore next = new DocumentStore(tmp.resolve("cache"));
        assertEquals("00000000000000000000000000000002.docs", next.append("a.entry", new byte[0], one).file());
        next.close();
        assertTrue(new DocumentStore(tmp.resolve("cache")).scanned(java.util.Set.of(p1.file())).get("b.entry") == null,
                "a file the summaries were written with is not scanned");
    }

    @Test
    void plantedPlacesAndFilesAreRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        DocumentStore store = new DocumentStore(dir);
        DocumentStore.Place p = store.append("a.entry", new byte[0], new byte[100]);
        store.close();
        assertNull(store.read(new DocumentStore.Place(p.file(), Long.MAX_VALUE - 10), 1 << 30), "an offset past the end");
        assertNull(store.read(new DocumentStore.Place(p.file(), p.offset()), 101), "a length past the end");
        assertNull(store.read(new DocumentStore.Place(p.file(), p.offset()), Long.MAX_VALUE), "a length beyond the heap's share");
        assertNull(store.read(new DocumentStore.Place("../" + p.file(), p.offset()), 10), "a name outside the folder");
        assertNull(store.read(new DocumentStore.Place("00000000000000000000000000000009.docs", 8), 10), "a file not there");
        // a pipe under a store file's name: not opened (opening it would wait for a writer)
        Path fifo = dir.resolve("0000000000000000000000000000000a.docs");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) assertNull(store.read(new DocumentStore.Place(fifo.getFileName().toString(), 8), 1));
        // a sparse planted file whose records claim heads of 64 MB: the scan stops within its budget
        Path planted = dir.resolve("0000000000000000000000000000000b.docs");
        try (var ch = java.nio.channels.FileChannel.open(planted, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).putInt(0x4a4b4446).putInt(1).flip());
            long at = 8;
            for (int i = 0; i < 200; i++) {
                ByteBuffer r = ByteBuffer.allocate(17).putInt(0x4a4b4452).putInt(1).put((byte) 'x').putInt(1 << 26);
                ch.write(r.flip(), at);
                at += 17 + (1 << 26) + 4;
                ch.write(ByteBuffer.allocate(4).putInt(0).flip(), at - 4);
            }
        }
        var found = new DocumentStore(dir).scanned();
        assertTrue(found.getOrDefault("x", List.of()).size() < 200, "the scan stopped: " + found.getOrDefault("x", List.of()).size());
        assertEquals(1, found.get("a.entry").size());
    }
}
