package org.jiaokan.publish.search;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LongMapTest {
    /** The index's keys: two code points side by side, the second 0 at the end of a run. */
    private static long pair(int c, int n) { return ((long) c << 21) | n; }

    @Test
    void holdsWhatAHashMapHolds() {
        LongMap<Object> map = new LongMap<>(4);
        Map<Long, Object> expected = new HashMap<>();
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // Mostly CJK pairs, whose Long.hashCode collide; some zero keys and negative ones too.
            long k = switch (i % 5) {
                case 0 -> 0L;
                case 1 -> -r.nextInt(1000);
                default -> pair(0x4E00 + r.nextInt(3000), r.nextInt(4) == 0 ? 0 : 0x4E00 + r.nextInt(3000));
            };
            Object v = map.computeIfAbsent(k, Object::new);
            Object e = expected.computeIfAbsent(k, x -> v);
            assertSame(e, v, "key " + k);
        }
        assertEquals(expected.size(), map.size());
        Map<Long, Object> seen = new HashMap<>();
        map.forEach((k, v) -> assertNull(seen.put(k, v), "key " + k + " given twice"));
        assertEquals(expected, seen);
        assertNull(map.get(pair(0x9FFF, 0x9FFF)));
        Object replaced = new Object();
        map.put(0L, replaced);
        assertSame(replaced, map.get(0L));
        assertEquals(expected.size(), map.size());
    }
}
