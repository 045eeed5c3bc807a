package org.jiaokan.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the bench's warm builds stop: the time settled and the JIT with it, or the cap. */
class WarmBuildRoundsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aRoundNoFasterStopsOnlyOnceTheCompilersAreDone() {
        // 10.88 s after 11.18 s: less than 3 % faster; the compilers 1.33 of its 21.3 CPU s, then 0.29 of 20
        assertFalse(PipelineBench.warmBuildIsLast(3, 8, 11_180_000_000L, 10_880_000_000L, 1.33, 21_300_000_000L));
        assertTrue(PipelineBench.warmBuildIsLast(3, 8, 11_180_000_000L, 10_880_000_000L, 0.29, 20 * S));
    }

    @Test
    void aRoundStillFasterGoesOnWhateverTheCompilers() {
        assertFalse(PipelineBench.warmBuildIsLast(3, 8, 12 * S, 10 * S, 0.0, 20 * S));
        assertFalse(PipelineBench.warmBuildIsLast(1, 8, 0, 10 * S, 0.0, 20 * S), "the first round is compared with none");
    }

    @Test
    void theCapIsTheLastRound() {
        assertTrue(PipelineBench.warmBuildIsLast(8, 8, 12 * S, 10 * S, 5.0, 20 * S));
        assertTrue(PipelineBench.warmBuildIsLast(1, 1, 0, 10 * S, 5.0, 20 * S));
    }
}
