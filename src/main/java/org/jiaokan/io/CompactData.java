package org.jiaokan.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of the caches' compact formats (the build cache's entries, the search index's records): strings as a
 * length and UTF-8 bytes, lists as a count and their items. Reading checks every length against what is left, so a
 * spoilt or cut file is an {@link IOException} (the caller then makes the entry again), never a huge allocation.
 */
public final class CompactData {
    private CompactData() {}

    /** A string (null is written as the empty string). */
    public static void write(DataOutputStream o, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    /** A list of strings. */
    public static void write(DataOutputStream o, List<String> list) throws IOException {
        o.writeInt(list.size());
        for (String s : list) write(o, s);
    }

    /** A count or length, no larger than what is left to read. */
    public static int size(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("not an entry of a known format");
        return n;
    }

    /** A string written by {@link #write(DataOutputStream, String)}. */
    public static String string(DataInputStream in) throws IOException {
        int n = size(in);
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("not an entry of a known format");
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A list written by {@link #write(DataOutputStream, List)}, unmodifiable. */
    public static List<String> strings(DataInputStream in) throws IOException {
        int n = size(in);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(string(in));
        return List.copyOf(out);
    }
}
