package org.jiaokan.publish.fonts;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;

/** The pinned faces for the tests, or the test is skipped with a message saying how to get them. */
final class PinnedFonts {
    private PinnedFonts() {}

    static CjkFonts get() {
        try {
            return CjkFonts.locate();
        } catch (IOException e) {
            Assumptions.abort("skipped: " + e.getMessage() + " (.ci/run fetches them with ./jiaokan --fetch-fonts)");
            throw new AssertionError(e);
        }
    }
}
