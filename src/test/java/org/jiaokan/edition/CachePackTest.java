package org.jiaokan.edition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file that keeps a cache level's entries together: read back whole, pruned to the names saved, refused when spoilt. */
class CachePackTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesComeBackAsPutAndOnlyTheNamesSavedStay() throws Exception {
        Path file = tmp.resolve("pack");
        CachePack first = new CachePack(file, 0x11223344);
        first.put("a.entry", utf8("江州市公安局"));
        first.put("b.entry", new byte[0]);
        first.put("c.entry", utf8("not kept"));
        first.save(List.of("a.entry", "b.entry"));

        CachePack second = new CachePack(file, 0x11223344);
        assertArrayEquals(utf8("江州市公安局"), second.get("a.entry"));
        assertArrayEquals(new byte[0], second.get("b.entry"));
        assertNull(second.get("c.entry"), "a name not saved leaves the file");
        second.put("a.entry", utf8("replaced"));
        assertArrayEquals(utf8("replaced"), second.get("a.entry"));
        second.save(List.of("a.entry"));
        CachePack third = new CachePack(file, 0x11223344);
        assertArrayEquals(utf8("replaced"), third.get("a.entry"));
        assertNull(third.get("b.entry"));

        assertNull(new CachePack(file, 0x55667788).get("a.entry"), "a file of another kind reads as empty");
        third.save(List.of());
        assertTrue(Files.notExists(file), "no entry left: no file");
    }

    @Test
    void aSpoiltOrCutFileReadsAsEmpty() throws Exception {
        Path file = tmp.resolve("pack");
        CachePack p = new CachePack(file, 1);
        p.put("a.entry", utf8("one"));
        p.save(List.of("a.entry"));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1));
        assertNull(new CachePack(file, 1).get("a.entry"));
        whole[whole.length - 40] ^= 1;
        Files.write(file, whole);
        assertNull(new CachePack(file, 1).get("a.entry"));
    }
}
