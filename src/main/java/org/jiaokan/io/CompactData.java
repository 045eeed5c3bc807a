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

    /**
     * A data stream over {@code length} bytes of {@code b} from {@code offset}, for reading an entry: the same
     * as one over a {@link java.io.ByteArrayInputStream}, without its locks (every {@code readInt} takes four
     * reads, and a string's check of what is left one more: a cache of 10,000 entries takes millions).
     */
    public static DataInputStream input(byte[] b, int offset, int length) {
        return new DataInputStream(new Bytes(b, offset, length));
    }

    /** {@link #input(byte[], int, int)} over the whole array. */
    public static DataInputStream input(byte[] b) {
        return input(b, 0, b.length);
    }

    /** The bytes of an array as a stream, for one thread. */
    private static final class Bytes extends java.io.InputStream {
        private final byte[] b;
        private int pos;
        private final int end;

        Bytes(byte[] b, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, b.length);
            this.b = b;
            this.pos = offset;
            this.end = offset + length;
        }

        @Override
        public int read() {
            return pos < end ? b[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, into.length);
            if (len == 0) return 0;
            if (pos >= end) return -1;
            int n = Math.min(len, end - pos);
            System.arraycopy(b, pos, into, off, n);
            pos += n;
            return n;
        }

        @Override
        public byte[] readNBytes(int len) {
            if (len < 0) throw new IllegalArgumentException("len < 0");
            int n = Math.min(len, end - pos);
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += (int) k;
            return k;
        }

        @Override
        public int available() {
            return end - pos;
        }
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
