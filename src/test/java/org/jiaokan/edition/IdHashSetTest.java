package org.jiaokan.edition;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of primitives and the hash the build's check of duplicate ids keeps every id of the edition in. */
class IdHashSetTest {
    @Test
    void theSetAgreesWithAHashSetThroughItsGrowth() {
        EditionBuilder.LongSet set = new EditionBuilder.LongSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // a narrow range, so that values come again, with 0 and -1 among them
            long k = random.nextInt(150_000) - 2;
            assertEquals(expected.add(k), set.add(k), "add " + k);
        }
        assertEquals(expected.size(), set.size());
        for (long k = -10; k < 150_010; k++) assertEquals(expected.contains(k), set.contains(k), "contains " + k);
    }

    @Test
    void zeroIsAKeyLikeAnyOther() {
        EditionBuilder.LongSet set = new EditionBuilder.LongSet();
        assertFalse(set.contains(0));
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.contains(0));
        assertEquals(1, set.size());
    }

    @Test
    void theHashIsOfTheRangeAndTellsApartJavasColliders() {
        // "Aa" and "BB" have the same String.hashCode
        assertNotEquals(EditionBuilder.hash("Aa", 0, 2), EditionBuilder.hash("BB", 0, 2));
        assertEquals(EditionBuilder.hash("d1-p2", 0, 5), EditionBuilder.hash("x\nd1-p2\ny", 2, 7));
        assertNotEquals(EditionBuilder.hash("d1-p2", 0, 5), EditionBuilder.hash("d1-p2", 0, 4));
        // no two of 300,000 ids of the edition's shapes share a hash (a collision would only cost a second look)
        Set<Long> seen = new HashSet<>();
        for (int d = 0; d < 1000; d++) {
            for (int p = 0; p < 300; p++) assertTrue(seen.add(EditionBuilder.hash("doc" + d + "-p" + p, 0, ("doc" + d + "-p" + p).length())));
        }
    }
}
