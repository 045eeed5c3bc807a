package org.jiaokan.publish.fonts;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table directories of an OpenType/TrueType file or collection, read from its first bytes only: enough to
 * tell TrueType outlines ({@code glyf}) from CFF ones ({@code OTTO}, a {@code CFF } or {@code CFF2} table)
 * before FOP is given the file.
 */
record SfntDirectory(String kind, List<Face> faces) {
    /** One face: its sfnt version tag ({@code "\0\1\0\0"} as {@code "1.0"}, {@code OTTO}, {@code true}) and its table tags. */
    record Face(String version, Set<String> tables) {
        boolean trueTypeOutlines() {
            return tables.contains("glyf") && tables.contains("loca") && !cff();
        }

        boolean cff() {
            return "OTTO".equals(version) || tables.contains("CFF ") || tables.contains("CFF2");
        }
    }

    /** {@code ttc} for a collection, {@code sfnt} for a single font. */
    static SfntDirectory read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            String tag = tag(bytes(ch, 0, 4), 0);
            if ("ttcf".equals(tag)) {
                ByteBuffer head = bytes(ch, 8, 4);
                long n = Integer.toUnsignedLong(head.getInt(0));
                if (n == 0 || n > 10_000) throw new IOException("a TrueType collection with " + n + " faces");
                ByteBuffer offsets = bytes(ch, 12, (int) n * 4);
                List<Face> faces = new ArrayList<>();
                for (int i = 0; i < n; i++) faces.add(face(ch, Integer.toUnsignedLong(offsets.getInt(i * 4))));
                return new SfntDirectory("ttc", List.copyOf(faces));
            }
            return new SfntDirectory("sfnt", List.of(face(ch, 0)));
        }
    }

    private static Face face(FileChannel ch, long offset) throws IOException {
        ByteBuffer head = bytes(ch, offset, 12);
        int v = head.getInt(0);
        String version = switch (v) {
            case 0x00010000 -> "1.0";
            case 0x4F54544F -> "OTTO";
            case 0x74727565 -> "true";
            case 0x74797031 -> "typ1";
            default -> throw new IOException("not a TrueType or OpenType font (sfnt version 0x" + Integer.toHexString(v) + ")");
        };
        int numTables = Short.toUnsignedInt(head.getShort(4));
        ByteBuffer records = bytes(ch, offset + 12, numTables * 16);
        Set<String> tables = new TreeSet<>();
        for (int i = 0; i < numTables; i++) tables.add(tag(records, i * 16));
        return new Face(version, tables);
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer bytes(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) throw new EOFException("the file ends inside its table directory");
        }
        return b.flip();
    }
}
