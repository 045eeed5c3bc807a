package org.jiaokan.publish.search;

import java.util.function.Supplier;

/**
 * A map from {@code long} to objects by open addressing, for the index's character-pair keys: no boxing, and a
 * mixed hash, where {@link Long#hashCode()} of two CJK characters packed side by side collides heavily.
 * Not thread-safe; iteration order is the table's, which callers that write output sort first.
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    int size() { return size; }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }

    @SuppressWarnings("unchecked")
    V get(long k) {
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) return null;
            if (keys[i] == k) return (V) v;
        }
    }

    /** Sets the value of {@code k} ({@code v} must not be null). */
    void put(long k, V v) {
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = k;
                values[i] = v;
                if (++size * 2 > keys.length) grow();
                return;
            }
            if (keys[i] == k) {
                values[i] = v;
                return;
            }
        }
    }

    /** The value of {@code k}, made by {@code make} and kept when there is none. */
    V computeIfAbsent(long k, Supplier<V> make) {
        V v = get(k);
        if (v == null) {
            v = make.get();
            put(k, v);
        }
        return v;
    }

    /** Calls {@code f} for every entry. */
    @SuppressWarnings("unchecked")
    void forEach(Entry<V> f) {
        for (int i = 0; i < keys.length; i++) if (values[i] != null) f.accept(keys[i], (V) values[i]);
    }

    interface Entry<V> {
        void accept(long key, V value);
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = values;
        keys = new long[ok.length * 2];
        values = new Object[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] == null) continue;
            int j = slot(ok[i], mask);
            while (values[j] != null) j = (j + 1) & mask;
            keys[j] = ok[i];
            values[j] = ov[i];
            size++;
        }
    }
}
