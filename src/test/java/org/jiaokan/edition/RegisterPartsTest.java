package org.jiaokan.edition;

import org.jiaokan.io.CompactData;
import org.jiaokan.model.EntityType;
import org.jiaokan.tei.Registers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A document's contributions kept as bytes in the cache's entry, read past without their strings and decoded on demand. */
class RegisterPartsTest {
    private static final List<Registers.Contribution> SOME = List.of(
            new Registers.Contribution("person-1", EntityType.values()[0], "张三", "張三", "zh-Hant", "", "#person-1"),
            new Registers.Contribution("place-2", EntityType.values()[EntityType.values().length - 1], "北京", "北京", "zh-Hans", "CN-11", ""));

    /** An entry as the cache writes one: a string before, the contributions, a string after. */
    private static byte[] entry(RegisterParts parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(b)) {
            CompactData.write(o, "before");
            o.write(parts.bytes());
            CompactData.write(o, "after 一二三");
        }
        return b.toByteArray();
    }

    @Test
    void readPastAndDecodedAsMade() throws IOException {
        RegisterParts made = RegisterParts.of(SOME);
        assertSame(made.list(), made.list(), "made from a list: that list");
        assertEquals(SOME, made.list());
        byte[] entry = entry(made);
        DataInputStream in = CompactData.input(entry);
        assertEquals("before", CompactData.string(in));
        RegisterParts read = RegisterParts.read(entry, in);
        assertEquals("after 一二三", CompactData.string(in), "read past exactly its bytes");
        assertEquals(0, in.available());
        assertArrayEquals(made.bytes(), read.bytes());
        assertEquals(SOME, read.list());
    }

    @Test
    void noneIsFourBytes() throws IOException {
        RegisterParts none = RegisterParts.of(List.of());
        assertEquals(4, none.size());
        byte[] entry = entry(none);
        DataInputStream in = CompactData.input(entry);
        CompactData.string(in);
        assertEquals(List.of(), RegisterParts.read(entry, in).list());
    }

    @Test
    void aSpoiltEntryIsRefused() throws IOException {
        // a type no EntityType names
        byte[] entry = entry(RegisterParts.of(SOME));
        String spoilt = new String(entry, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(SOME.get(0).type().name(), "X".repeat(SOME.get(0).type().name().length()));
        byte[] bad = spoilt.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DataInputStream in = CompactData.input(bad);
        CompactData.string(in);
        assertThrows(IOException.class, () -> RegisterParts.read(bad, in));
        // cut short: a length past the end
        byte[] cut = java.util.Arrays.copyOf(entry, entry.length - 20);
        DataInputStream in2 = CompactData.input(cut);
        CompactData.string(in2);
        assertThrows(IOException.class, () -> {
            RegisterParts.read(cut, in2);
            CompactData.string(in2);
        });
    }
}
