package org.jiaokan.edition;

import org.jiaokan.io.CompactData;
import org.jiaokan.tei.Registers;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's contributions to the registers, as the cache's second-level entry holds them: their count, then
 * each one's seven fields as strings ({@link CompactData}). A build takes them from the entries of every document
 * it keeps, and needs them only when the registers are made again; until then they stay these bytes, which are
 * also the document's part of what the registers' key is made from. Decoding them (seven strings each, tens of
 * them per document) for every document of a large edition on every build cost more than the rest of reading the
 * entries.
 */
public final class RegisterParts {
    private final byte[] bytes;
    /** The contributions these bytes were made from (null for bytes read from an entry). */
    private final List<Registers.Contribution> made;

    private RegisterParts(byte[] bytes, List<Registers.Contribution> made) {
        this.bytes = bytes;
        this.made = made;
    }

    /** The contributions encoded. */
    public static RegisterParts of(List<Registers.Contribution> contributions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(16 + 64 * contributions.size());
        try (DataOutputStream o = new DataOutputStream(b)) {
            o.writeInt(contributions.size());
            for (Registers.Contribution c : contributions) {
                CompactData.write(o, c.id());
                CompactData.write(o, c.type().name());
                CompactData.write(o, c.key());
                CompactData.write(o, c.spelling());
                CompactData.write(o, c.lang());
                CompactData.write(o, c.code());
                CompactData.write(o, c.target());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegisterParts(b.toByteArray(), List.copyOf(contributions));
    }

    /**
     * The encoded contributions that start at {@code in}'s place, read past and checked (counts and lengths within
     * what is left, each type one {@link org.jiaokan.model.EntityType} names) without making their strings;
     * {@code entry} is the array {@code in} reads, whose {@code in.available()} last bytes are what is left of it.
     */
    static RegisterParts read(byte[] entry, DataInputStream in) throws IOException {
        int start = entry.length - in.available();
        int n = CompactData.size(in);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 7; f++) {
                int len = CompactData.size(in);
                if (f == 1) {
                    type(new String(in.readNBytes(len), java.nio.charset.StandardCharsets.UTF_8));
                } else if (in.skipBytes(len) != len) {
                    throw new IOException("not an entry");
                }
            }
        }
        int end = entry.length - in.available();
        return new RegisterParts(java.util.Arrays.copyOfRange(entry, start, end), null);
    }

    /** The entity type of this name, as an entry of the cache holds it; an entry naming none is not one. */
    static org.jiaokan.model.EntityType type(String name) throws IOException {
        try {
            return org.jiaokan.model.EntityType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("not an entry");
        }
    }

    /** The contributions: those they were made from, or those the bytes read hold. */
    public List<Registers.Contribution> list() {
        if (made != null) return made;
        try {
            DataInputStream in = CompactData.input(bytes);
            int n = CompactData.size(in);
            List<Registers.Contribution> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Registers.Contribution(CompactData.string(in), type(CompactData.string(in)), CompactData.string(in),
                        CompactData.string(in), CompactData.string(in), CompactData.string(in), CompactData.string(in)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            // read was checked when the bytes were taken
            throw new UncheckedIOException(e);
        }
    }

    /** The encoded contributions (not to be changed). */
    byte[] bytes() {
        return bytes;
    }

    /** How many bytes they take. */
    int size() {
        return bytes.length;
    }
}
