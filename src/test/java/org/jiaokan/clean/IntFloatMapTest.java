package org.jiaokan.clean;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The character bigram model's map: every answer, with the bit table in front of it, that of a plain map. */
class IntFloatMapTest {

    @Test
    void sameAnswersAsAPlainMap() {
        SplittableRandom random = new SplittableRandom(7);
        CharBigramModel.IntFloatMap map = new CharBigramModel.IntFloatMap(1 << 10); // small: it grows as the model's did
        Map<Integer, Float> plain = new HashMap<>();
        // as many keys as the model holds (274,051), some added more than once (counts summed), in a key space
        // like the model's (two character indexes)
        for (int i = 0; i < 300_000; i++) {
            int key = random.nextInt(6000) << 16 | random.nextInt(6000);
            float value = (float) random.nextDouble(1000);
            map.add(key, value);
            plain.merge(key, value, Float::sum);
        }
        int absent = 0;
        for (int i = 0; i < 1_000_000; i++) {
            int key = random.nextInt(6000) << 16 | random.nextInt(6000);
            float expected = plain.getOrDefault(key, 0f);
            if (!plain.containsKey(key)) absent++;
            assertEquals(expected, map.get(key), 0f, "key " + key);
        }
        for (Map.Entry<Integer, Float> e : plain.entrySet()) assertEquals(e.getValue(), map.get(e.getKey()), 0f);
        assertEquals(true, absent > 900_000, "most keys asked about are absent, as most pairs the judge asks about: " + absent);
    }
}
